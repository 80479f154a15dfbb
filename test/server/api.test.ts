import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { createApp } from '../../src/server/app.js';
import { inProcess, type App, type AppResponse } from '../helpers/in-process.js';
import { startServer } from '../../src/server/serve.js';
import { createTestStore, makeReport, STORES, type TestStore } from '../store/stores.js';
import { Client } from '../ledger/client.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { newFile } from '../../src/import/index.js';

const text = (r: AppResponse) => (typeof r.body === 'string' ? r.body : Buffer.from(r.body).toString('utf8'));
const body = (r: AppResponse) => JSON.parse(text(r));

describe.each(STORES)('HTTP API on %s', (storeName) => {
  // Every case starts from its own empty store, so each runs alone.
  let store: TestStore;
  let app: App;
  let importer: Client;
  // In English (Accept-Language en): these cases read the server's own words; test/server/messages.test.ts reads the Chinese.
  const get = (url: string) => app({ method: 'GET', url, headers: { 'accept-language': 'en' } });
  const upload = (filename: string, bytes: Uint8Array) => importer.upload(filename, bytes);
  /** Two small reports of different places and years. */
  const twoReports = async () => {
    expect((await upload('r1.txt', Buffer.from(makeReport(31)))).status).toBe(201);
    expect((await upload('r2.txt', Buffer.from(makeReport(32)))).status).toBe(201);
  };

  beforeEach(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo, { maxUploadBytes: 64 * 1024 }));
    await createAdmin(store.repo, 'root', 'S3cret-pass!');
    importer = new Client(app);
    expect((await importer.login('root', 'S3cret-pass!')).status).toBe(200);
  });
  afterEach(async () => {
    await store?.dispose();
  });

  it('imports an upload, and the same upload again is a duplicate', async () => {
    const first = await upload('r1.txt', Buffer.from(makeReport(31)));
    expect(first.status).toBe(201);
    expect(body(first)).toMatchObject({ ok: true, status: 'imported' });
    const again = await upload('r1-again.txt', Buffer.from(makeReport(31)));
    expect(again.status).toBe(200);
    expect(body(again)).toMatchObject({ ok: true, status: 'duplicate' });
    expect((await store.repo.counts()).documents).toBe(1);
  });

  it('gives back the file a document was read from, byte for byte, kept compressed', async () => {
    const file = Buffer.from(makeReport(31));
    expect((await upload('报告 r1.txt', file)).status).toBe(201);
    const id = body(await get('/api/reports.json')).items[0].id as number;
    const original = await get(`/api/documents/${id}/original`);
    expect(original.status).toBe(200);
    expect(Buffer.from(original.body as Uint8Array).equals(file)).toBe(true);
    expect(original.headers['content-type']).toBe('application/octet-stream');
    expect(original.headers['content-disposition']).toMatch(/^attachment;.*filename\*=UTF-8''%E6%8A%A5%E5%91%8A%20r1\.txt$/);
    const sha = body(await get(`/api/documents/${id}`)).document.sha256;
    expect(createHash('sha256').update(file).digest('hex')).toBe(sha);
    // A report as text is stored in fewer bytes than it has.
    const row = await store.repo.db.selectFrom('sources').select(['compression', 'bytes']).executeTakeFirstOrThrow();
    expect(row.compression).toBe('brotli');
    expect(row.bytes.length).toBeLessThan(file.length);
    expect((await get('/api/documents/999999/original')).status).toBe(404);
  });

  it('lists reports as JSON, CSV and XLSX', async () => {
    await twoReports();
    const j = body(await get('/api/reports.json'));
    expect(j.ok).toBe(true);
    expect(j.total).toBe(2);
    const csv = await get('/api/reports.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(text(csv).split('\r\n').filter(Boolean)).toHaveLength(3);
    const xlsx = await get('/api/reports.xlsx');
    expect(Buffer.from(xlsx.body as Uint8Array).subarray(0, 2).toString()).toBe('PK');
  });

  it('searches with snippets, for 2-character queries too', async () => {
    await twoReports();
    const r = body(await get(`/api/search.json?q=${encodeURIComponent('农田')}`));
    expect(r.total).toBe(2);
    expect(r.items[0].snippets[0].match).toBe('农田');
    const doc = body(await get(`/api/documents/${r.items[0].document.id}`));
    expect(doc.document.text.slice(r.items[0].snippets[0].start, r.items[0].snippets[0].end)).toBe('农田');
  });

  it('answers bad requests with a 4xx and a clear message, changing nothing', async () => {
    await twoReports();
    const before = await store.repo.counts();
    const cases: [string, Promise<AppResponse>, number, RegExp][] = [
      ['empty query', get('/api/search.json?q='), 400, /give a query/],
      ['unknown parameter', get('/api/search.json?q=a&sort=1'), 400, /unknown query parameter: sort/],
      ['bad year', get('/api/reports.json?year_from=abc'), 400, /year_from/],
      ['bad level', get('/api/reports.json?level=planet'), 400, /level/],
      ['negative limit', get('/api/reports.json?_limit=-5'), 400, /_limit/],
      ['unknown document', get('/api/documents/999999'), 404, /no document/],
      ['unknown endpoint', get('/api/nothing'), 404, /no such endpoint/],
      ['bad format', get('/api/reports.json?_format=pdf'), 400, /_format/],
      ['wrong method', app({ method: 'DELETE', url: '/api/reports', headers: { 'accept-language': 'en' } }), 405, /not allowed/],
      ['oversized upload', upload('big.txt', Buffer.alloc(70 * 1024, 0x41)), 413, /太大/],
      ['binary upload', upload('x.txt', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 1])), 422, /binary|text/],
      ['empty upload', upload('empty.txt', new Uint8Array()), 422, /empty/],
      ['path as file name', upload('../../etc/passwd', Buffer.from(makeReport(33))), 400, /file name/],
      ['NUL in a search query', get('/api/search.json?q=a%00b'), 400, /NUL/],
      ['NUL in a filter', get('/api/reports.json?jurisdiction=a%00'), 400, /NUL/],
      ['SQL injection in a filter', get(`/api/reports.json?jurisdiction=${encodeURIComponent("' OR 1=1; drop table documents; --")}`), 200, /"total":0/],
    ];
    for (const [name, pending, status, message] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(status);
      if (status >= 400) expect(body(res), name).toMatchObject({ ok: false, error: { status } });
      expect(text(res), name).toMatch(message);
    }
    for (const q of ['" OR 1=1 --', 'NEAR(农田', '农田*', "'; drop table documents; --"]) {
      const res = await get(`/api/search.json?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(await store.repo.counts()).toEqual(before);
  });

  it('never shows the folders a file was imported from', async () => {
    const bytes = Buffer.from(makeReport(41));
    const processed = await processBytes('/srv/secret/uploads/r41.txt', bytes);
    if (isFailure(processed)) throw new Error(processed.error);
    await store.repo.storeFile(newFile(processed), null);
    const all = text(await get('/api/reports.json')) + text(await get('/api/reports.csv')) + text(await get('/api/documents/1'));
    expect(all).toContain('r41.txt');
    expect(all).not.toContain('/srv/secret');
  });

  it('serves facts and the OpenAPI description', async () => {
    await twoReports();
    const t = await get('/api/targets.json?indicator=gdp');
    expect(t.status).toBe(200);
    expect(body(t)).toMatchObject({ ok: true });
    const spec = body(await get('/api/openapi.json'));
    expect(Object.keys(spec.paths)).toContain('/api/search');
  });
});

describe('HTTP server', () => {
  let store: TestStore;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = await startServer(store.repo, 0, '127.0.0.1', { maxUploadBytes: 1024 });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await store?.dispose();
  });

  it('refuses an upload over the limit before reading it all', async () => {
    const res = await fetch(`${base}/api/import?filename=a.txt`, { method: 'POST', body: Buffer.alloc(4096, 0x41) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { status: 413 } });
    expect((await store.repo.counts()).documents).toBe(0);
  });

  it('compresses answers, and answers 304 to a client that has the current one', async () => {
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip'], ['identity', null]] as const) {
      const res = await fetch(`${base}/api/openapi.json`, { headers: { 'accept-encoding': accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect((await res.json()).openapi).toMatch(/^3\./);
    }
    const first = await fetch(`${base}/api/reports.json`);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await fetch(`${base}/api/reports.json`, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });

  it('answers over real HTTP', async () => {
    const res = await fetch(`${base}/-/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, engine: 'sqlite' });
    // Pages and answers can be neither framed nor sniffed, and load only the app's own scripts.
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });
});

describe('static files of the web UI', () => {
  it('lets browsers keep content-hashed assets for good, and revalidate the page itself', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { staticFiles } = await import('../../src/server/serve.js');
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>落实</title>');
    writeFileSync(join(dir, 'assets', 'index-D7poEinU.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    const files = staticFiles(dir);
    expect((await files('/assets/index-D7poEinU.js'))!.headers.get('cache-control')).toMatch(/immutable/);
    expect((await files('/'))!.headers.get('cache-control')).toBe('no-cache');
    expect((await files('/favicon.svg'))!.headers.get('cache-control')).not.toMatch(/immutable/);
    expect(await (await files('/ledger/board'))!.text()).toContain('<title>');
    expect(await files('/../../etc/passwd')).toBeDefined(); // resolved inside the root: the page, never the file
    expect(await (await files('/../../etc/passwd'))!.text()).toContain('落实');
    rmSync(dir, { recursive: true, force: true });
  });
});
