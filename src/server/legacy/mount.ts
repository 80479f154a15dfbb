/**
 * LEGACY: runs the ledger, 票决 and 建议/提案 routes, still written for the
 * home-made regex router, inside the hono app until each moves to
 * src/server/routes. Registered after every hono route, so a path served by
 * both is served by hono.
 */
import type { Context, Handler } from 'hono';
import type { AppEnv } from '../env.js';
import type { Route } from './validate.js';

export function legacyHandler(routes: readonly Route[], fallback: (c: Context<AppEnv>) => Response | Promise<Response>): Handler<AppEnv> {
  return async (c) => {
    const path = c.req.path;
    let other = false;
    for (const r of routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      if (r.method !== c.req.method && !(r.method === 'GET' && c.req.method === 'HEAD')) {
        other = true;
        continue;
      }
      const url = new URL(c.req.url);
      const body = c.req.method === 'POST' || c.req.method === 'PUT' ? new Uint8Array(await c.req.arrayBuffer()) : undefined;
      const res = await r.handler({ method: c.req.method, url: url.pathname + url.search, headers: Object.fromEntries(c.req.raw.headers), body }, m.slice(1), url.searchParams, c.get('format'));
      return new Response(typeof res.body === 'string' ? res.body : new Uint8Array(res.body), { status: res.status, headers: res.headers });
    }
    if (other) return c.json({ ok: false, error: { status: 405, code: 'method_not_allowed', message: `method ${c.req.method} not allowed on ${path}`, errors: [] } }, 405);
    return fallback(c);
  };
}
