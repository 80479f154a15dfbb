/**
 * Every list exists as `/api/x`, `/api/x.json`, `/api/x.csv` and `/api/x.xlsx`
 * (or `?_format=`). The router sees the path without the suffix (`routePath`,
 * the app's getPath); this middleware records which form was asked for.
 */
import { createMiddleware } from 'hono/factory';
import { getPath } from 'hono/utils/url';
import { BadRequest } from '../../errors.js';
import { msg } from '../../messages.js';
import { FORMATS, type AppEnv, type Format } from '../env.js';

const SUFFIX = /\.(json|csv|xlsx)$/;

/** Only API paths take a format suffix; the OpenAPI document's own name ends in .json. */
function suffixOf(path: string): Format | undefined {
  if (!path.startsWith('/api/') || path === '/api/openapi.json') return undefined;
  return SUFFIX.exec(path)?.[1] as Format | undefined;
}

export function routePath(req: Request): string {
  const path = getPath(req);
  return suffixOf(path) ? path.replace(SUFFIX, '') : path;
}

export const format = createMiddleware<AppEnv>(async (c, next) => {
  let f: Format = suffixOf(getPath(c.req.raw)) ?? 'json';
  const asked = c.req.query('_format');
  if (asked !== undefined) {
    if (!(FORMATS as readonly string[]).includes(asked)) throw new BadRequest(msg('http.format', { format: asked }), [{ field: '_format', message: 'json, csv or xlsx' }]);
    f = asked as Format;
  }
  c.set('format', f);
  const lang = c.req.query('lang');
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new BadRequest(msg('http.lang', { lang }), [{ field: 'lang', message: 'zh or en' }]);
  if (lang) c.set('lang', lang);
  await next();
});
