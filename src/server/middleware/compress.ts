/**
 * Validators and compressed answers: brotli when the client accepts it, else gzip. JSON,
 * text, HTML, CSS, JavaScript and SVG above a kilobyte; images, XLSX (a zip
 * already) and anything encoded stay as they are. Bodies are at most a few
 * megabytes (a long report's text), so each is compressed whole.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { RETAINED_304_HEADERS } from 'hono/etag';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /^(application\/(json|javascript|xml)|text\/|image\/svg\+xml)/;
const MIN_BYTES = 1024;

/** The encoding to use for an Accept-Encoding header (q=0 excludes one). */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    offered.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/** A weak validator from the body's bytes (weak: the same data compressed or not carries the same tag). */
function weakTag(body: Uint8Array): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}

/** If-None-Match holds the answer's validator (`*`, or one of its tags; weak and strong compare alike, as for GET). */
export function etagMatches(tag: string, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = tag.replace(/^W\//, '');
  return ifNoneMatch.match(/"[^"]*"/g)?.some((t) => t === bare) ?? false;
}

/**
 * The last step of each answer, reading its body once: a successful GET gets
 * a validator (so a client holding the answer gets a 304) and a compressible
 * body is compressed. Done as two middlewares (hono's etag, then this one)
 * the body was copied twice and read as a stream once: under the mixed
 * read/write load that was ~13% of a server's CPU.
 */
export const finishBody = createMiddleware(async (c, next) => {
  const ifNoneMatch = c.req.header('if-none-match');
  await next();
  const res = c.res;
  if (res.status === 204 || res.status === 304) return;
  const get = c.req.method === 'GET' || c.req.method === 'HEAD';
  const validate = get && res.ok && !res.headers.has('etag');
  const type = res.headers.get('content-type') ?? '';
  const encoding = c.req.method !== 'HEAD' && !res.headers.has('content-encoding') && COMPRESSIBLE.test(type) ? pickEncoding(c.req.header('accept-encoding')) : undefined;
  if (!validate && !encoding) return;
  const raw = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (validate) {
    const tag = weakTag(raw);
    if (etagMatches(tag, ifNoneMatch)) {
      const kept = new Headers({ etag: tag });
      for (const name of RETAINED_304_HEADERS) if (name !== 'etag' && headers.has(name)) kept.set(name, headers.get(name)!);
      c.res = undefined;
      c.res = new Response(null, { status: 304, headers: kept });
      return;
    }
    headers.set('etag', tag);
  }
  let body = raw;
  if (encoding && raw.length >= MIN_BYTES) {
    body = new Uint8Array(encoding === 'br' ? await br(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : await gz(raw, { level: 6 }));
    headers.set('content-encoding', encoding);
    headers.set('content-length', String(body.length));
    headers.append('vary', 'Accept-Encoding');
  }
  // Unset first: hono merges the old answer's headers into a new one by re-wrapping its body as a stream; these are complete.
  c.res = undefined;
  c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
});
