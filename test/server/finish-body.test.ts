/**
 * The answer's last step (src/server/middleware/compress.ts): one read of the
 * body gives a GET its validator and compresses what is worth compressing.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { finishBody } from '../../src/server/middleware/compress.js';

function app() {
  const a = new Hono();
  a.use('*', finishBody);
  const long = { text: '新建高标准农田32.95万亩，改造老旧小区120个。'.repeat(100) };
  a.get('/long', (c) => c.json(long));
  a.get('/short', (c) => c.json({ ok: true }));
  a.get('/missing', (c) => c.json({ ok: false, error: '没有这份报告' }, 404));
  a.get('/png', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'image/png', 'cache-control': 'max-age=60' }));
  a.post('/long', (c) => c.json(long, 201));
  return { a, long };
}

describe('finishBody', () => {
  it('tags a GET, answers 304 to the same tag (weak or not) and compresses by the client\'s preference', async () => {
    const { a, long } = app();
    const br = await a.request('/long', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    const packed = new Uint8Array(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(packed.length);
    expect(JSON.parse(brotliDecompressSync(packed).toString('utf8'))).toEqual(long);
    const tag = br.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"[0-9a-f]{40}"$/);

    const gz = await a.request('/long', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString('utf8'))).toEqual(long);
    // The same data compressed otherwise carries the same (weak) tag.
    expect(gz.headers.get('etag')).toBe(tag);

    for (const held of [tag, tag.slice(2), `"other", ${tag}`, '*']) {
      const again = await a.request('/long', { headers: { 'if-none-match': held } });
      expect(again.status, held).toBe(304);
      expect(again.headers.get('etag')).toBe(tag);
      expect(await again.text()).toBe('');
    }
    expect((await a.request('/long', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('leaves small bodies and images uncompressed, tags only successful reads, compresses a write\'s answer untagged', async () => {
    const { a } = app();
    const short = await a.request('/short', { headers: { 'accept-encoding': 'br' } });
    expect(short.headers.get('content-encoding')).toBeNull();
    expect(short.headers.get('etag')).toMatch(/^W\//);
    expect(await short.json()).toEqual({ ok: true });

    const png = await a.request('/png', { headers: { 'accept-encoding': 'br' } });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect((await png.arrayBuffer()).byteLength).toBe(4096);
    const held = await a.request('/png', { headers: { 'if-none-match': png.headers.get('etag')! } });
    expect(held.status).toBe(304);
    expect(held.headers.get('cache-control')).toBe('max-age=60');

    const missing = await a.request('/missing', { headers: { 'if-none-match': '*' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();

    const post = await a.request('/long', { method: 'POST', headers: { 'accept-encoding': 'gzip' } });
    expect(post.status).toBe(201);
    expect(post.headers.get('etag')).toBeNull();
    expect(post.headers.get('content-encoding')).toBe('gzip');
  });
});
