/**
 * A small read cache in front of the routes: report data changes only on
 * import, so the same GET answers the same until a write. Only public,
 * session-free reads are cached (by prefix). An answer is kept with the data
 * version it was read at — the database's change token (`version`, changed
 * by any commit to report data: this process's, a second server's, an
 * import's) and, unless that token counts this process's own writes too
 * (`tokenCountsOwnWrites`), this process's count of its own writes — taken
 * before the read, and served only while unchanged, so no answer is older
 * than a write made through any process. A write racing a read makes the
 * read's version stale, never the cache. With a token that counts every
 * write, a write that leaves report data alone (a ledger edit, a ballot)
 * leaves the cache alone: under a mixed load the reads stay cached.
 *
 * The app mounts it outermost, so an entry is the finished answer
 * (compressed, with its validator and security headers) and a hit costs
 * neither a hash nor a compression of the body again; the key therefore holds the
 * encoding the client accepts, and a hit answers a matching If-None-Match
 * with 304 itself.
 */
import { RETAINED_304_HEADERS } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import { etagMatches, pickEncoding } from './compress.js';

export interface ReadCacheOptions {
  /** Path prefixes whose GET answers may be cached. */
  readonly prefixes: readonly string[];
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** The database's change token (Repository.changeToken), asked once per cacheable read. */
  readonly version?: () => Promise<string>;
  /** `version` changes with this process's own writes to cached data as well (a counter in the database). */
  readonly tokenCountsOwnWrites?: boolean;
}

interface Entry {
  at: number;
  version: string;
  status: number;
  /**
   * A plain object, not Headers or pairs: the node adapter writes a plain object's headers as they are
   * and builds a Headers (every name and value checked again) from anything else, on every hit.
   * No set-cookie here (such answers are not kept), so one value per name loses nothing.
   */
  headers: Record<string, string>;
  /** Bytes, not an ArrayBuffer: the node adapter writes a Response made from a Uint8Array as it is, but turns one made from anything else into a stream. */
  body: Uint8Array<ArrayBuffer>;
}

export function readCache(options: ReadCacheOptions) {
  const max = options.maxEntries ?? 500;
  const ttl = options.ttlMs ?? 5000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Writes through this process: counted before and after each, so a read that overlaps one is never kept.
  let ownWrites = 0;
  const inflight = new Map<string, { version: string; answer: Promise<Entry | undefined> }>();
  return createMiddleware(async (c, next) => {
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!read) {
      if (options.tokenCountsOwnWrites && options.version) return next();
      ownWrites++;
      try {
        await next();
      } finally {
        ownWrites++;
        entries.clear();
      }
      return;
    }
    const path = c.req.path;
    if (!options.prefixes.some((p) => path.startsWith(p))) return next();
    // The path and query as sent (the routed path drops a format suffix); cheaper than parsing a URL on every read.
    const url = c.req.url;
    const key = `${c.req.method} ${pickEncoding(c.req.header('accept-encoding')) ?? 'identity'} ${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`;
    const version = `${ownWrites}:${options.version ? await options.version() : ''}`;
    const hit = entries.get(key);
    if (hit && hit.version === version && now() - hit.at < ttl) {
      // Refresh its place: the map's order is the eviction order.
      entries.delete(key);
      entries.set(key, hit);
      return answer(hit, c.req.header('if-none-match'));
    }
    // One read per key and version at a time: a burst of the same read after
    // an import (or at start) waits for the first instead of each running the
    // query on the one thread. Equal versions mean no commit came between the
    // two, so the first's answer is as fresh as the waiter's own would be.
    const pending = inflight.get(key);
    if (pending && pending.version === version) {
      const shared = await pending.answer;
      if (shared) return answer(shared, c.req.header('if-none-match'));
      return next();
    }
    let settle: (entry: Entry | undefined) => void = () => {};
    const mine = { version, answer: new Promise<Entry | undefined>((resolve) => (settle = resolve)) };
    inflight.set(key, mine);
    try {
      await next();
      if (c.res.status !== 200 || c.res.headers.has('set-cookie')) return;
      // The answer is final here (outermost): read once, and answered from the same bytes as later hits.
      const body = new Uint8Array(await c.res.arrayBuffer());
      const entry: Entry = { at: now(), version, status: 200, headers: Object.fromEntries(c.res.headers), body };
      c.res = undefined; // see compress: a replaced answer is not merged into
      c.res = new Response(body, { status: 200, headers: entry.headers });
      entries.set(key, entry);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      settle(entry);
    } finally {
      settle(undefined);
      if (inflight.get(key) === mine) inflight.delete(key);
    }
  });
}

/** A kept answer, or 304 to a client that holds it already. */
function answer(entry: Entry, ifNoneMatch: string | undefined): Response {
  const tag = entry.headers.etag;
  if (tag && etagMatches(tag, ifNoneMatch)) return new Response(null, { status: 304, headers: Object.fromEntries(Object.entries(entry.headers).filter(([name]) => RETAINED_304_HEADERS.includes(name))) });
  return new Response(entry.body, { status: entry.status, headers: entry.headers });
}
