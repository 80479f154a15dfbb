/**
 * Compressed answers: brotli when the client accepts it, else gzip. JSON,
 * text, HTML, CSS, JavaScript and SVG above a kilobyte; images, XLSX (a zip
 * already) and anything encoded stay as they are. Bodies are at most a few
 * megabytes (a long report's text), so each is compressed whole.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createMiddleware } from 'hono/factory';

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

export const compress = createMiddleware(async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body || res.status === 204 || res.status === 304 || res.headers.has('content-encoding') || !COMPRESSIBLE.test(type) || c.req.method === 'HEAD') return;
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  if (!encoding) return;
  const raw = new Uint8Array(await res.clone().arrayBuffer());
  if (raw.length < MIN_BYTES) return;
  const packed = encoding === 'br' ? await br(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : await gz(raw, { level: 6 });
  const headers = new Headers(res.headers);
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(packed.length));
  headers.append('vary', 'Accept-Encoding');
  // Unset first: hono merges the old answer's headers into a new one by re-wrapping its body as a stream; these are complete.
  c.res = undefined;
  c.res = new Response(new Uint8Array(packed), { status: res.status, statusText: res.statusText, headers });
});
