/**
 * A small read cache in front of the app: report data changes only on
 * import, so the same GET answers the same until a write. Writes through
 * this server clear it; an import by another process (the CLI) is seen after
 * at most `ttlMs`. Only public, session-free reads are cached.
 */
import type { AppRequest, AppResponse } from './http.js';

export interface ReadCacheOptions {
  /** Path prefixes whose GET answers may be cached. */
  readonly prefixes: readonly string[];
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export function withReadCache(handler: (req: AppRequest) => Promise<AppResponse>, options: ReadCacheOptions): (req: AppRequest) => Promise<AppResponse> {
  const max = options.maxEntries ?? 500;
  const ttl = options.ttlMs ?? 5000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; response: AppResponse }>();
  return async (req) => {
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (!read) {
      const res = await handler(req);
      if (res.status < 400) entries.clear();
      return res;
    }
    const path = req.url.split('?')[0];
    if (!options.prefixes.some((p) => path.startsWith(p))) return handler(req);
    const hit = entries.get(req.url);
    if (hit && now() - hit.at < ttl) {
      // Refresh its place: the map's order is the eviction order.
      entries.delete(req.url);
      entries.set(req.url, hit);
      return hit.response;
    }
    const res = await handler(req);
    if (res.status === 200) {
      entries.set(req.url, { at: now(), response: res });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    }
    return res;
  };
}
