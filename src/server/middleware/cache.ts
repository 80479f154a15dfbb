/**
 * A small read cache in front of the routes: report data changes only on
 * import, so the same GET answers the same until a write. Writes through
 * this server clear it; an import by another process (the CLI) is seen after
 * at most `ttlMs`. Only public, session-free reads are cached (by prefix).
 */
import { createMiddleware } from 'hono/factory';

export interface ReadCacheOptions {
  /** Path prefixes whose GET answers may be cached. */
  readonly prefixes: readonly string[];
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

interface Entry {
  at: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export function readCache(options: ReadCacheOptions) {
  const max = options.maxEntries ?? 500;
  const ttl = options.ttlMs ?? 5000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  return createMiddleware(async (c, next) => {
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!read) {
      await next();
      if (c.res.status < 400) entries.clear();
      return;
    }
    const url = new URL(c.req.url);
    if (!options.prefixes.some((p) => url.pathname.startsWith(p))) return next();
    const key = url.pathname + url.search;
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttl) {
      // Refresh its place: the map's order is the eviction order.
      entries.delete(key);
      entries.set(key, hit);
      return new Response(hit.body, { status: hit.status, headers: hit.headers });
    }
    await next();
    if (c.res.status !== 200 || c.res.headers.has('set-cookie')) return;
    const body = await c.res.clone().arrayBuffer();
    entries.set(key, { at: now(), status: 200, headers: [...c.res.headers], body });
    if (entries.size > max) entries.delete(entries.keys().next().value!);
  });
}
