/**
 * Text a person can type never contains NUL: a NUL in the query string or in
 * a JSON body is refused at the edge with a 400, before it reaches a
 * database (PostgreSQL rejects it in text; SQLite truncates at it).
 */
import { createMiddleware } from 'hono/factory';
import { BadRequest } from '../../errors.js';

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x));
  return false;
}

export const refuseNul = createMiddleware(async (c, next) => {
  const url = c.req.url;
  const q = url.indexOf('?');
  if (/%00/.test(url) || (q >= 0 && url.slice(q).includes('\u0000'))) throw new BadRequest('the request contains a NUL character', [], 'nul_character');
  const type = c.req.header('content-type') ?? '';
  if (/json/i.test(type)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await c.req.text());
    } catch {
      parsed = undefined; // the body's validator says what is wrong with it
    }
    if (hasNul(parsed)) throw new BadRequest('the request body contains a NUL character', [], 'nul_character');
  }
  await next();
});
