import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../src/accounts/store.js';
import { newFile } from '../../src/import/index.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { createApp } from '../../src/server/app.js';
import { readCache } from '../../src/server/middleware/cache.js';
import { finishBody } from '../../src/server/middleware/compress.js';
import { gunzipSync } from 'node:zlib';
import { openRepository } from '../../src/store/repository.js';
import { createTestDatabase, createTestStore, makeReport, STORES } from '../store/stores.js';

describe('read cache', () => {
  function setup() {
    let calls = 0;
    let clock = 0;
    const app = new Hono();
    app.use('*', readCache({ prefixes: ['/api/reports'], ttlMs: 1000, now: () => clock }));
    app.all('*', (c) => {
      calls++;
      return c.text(`${c.req.method} ${new URL(c.req.url).pathname} #${calls}`, c.req.path.includes('missing') ? 404 : 200);
    });
    const get = async (url: string) => (await app.request(url)).text();
    return { app, get, calls: () => calls, tick: (ms: number) => (clock += ms) };
  }

  it('answers a repeated read from the cache until a write', async () => {
    const c = setup();
    expect(await c.get('/api/reports.json')).toBe('GET /api/reports.json #1');
    expect(await c.get('/api/reports.json')).toBe('GET /api/reports.json #1');
    await c.app.request('/api/import?filename=a.txt', { method: 'POST' });
    expect(await c.get('/api/reports.json')).toBe('GET /api/reports.json #3');
  });

  it('keeps the finished answer per accepted encoding, and answers a client holding it with 304', async () => {
    let calls = 0;
    const app = new Hono();
    // As the app mounts it: outside compression and the validator.
    app.use('*', readCache({ prefixes: ['/api/reports'], ttlMs: 60_000 }));
    app.use('*', finishBody);
    const page = '报告'.repeat(2000);
    app.get('*', (c) => {
      calls++;
      return c.json({ page, call: calls });
    });
    const plain = await app.request('/api/reports.json', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const zipped = await app.request('/api/reports.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString())).toEqual({ page, call: 2 });
    // Both variants are cached now: neither client reaches the route again, and each gets its own encoding.
    const again = await app.request('/api/reports.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(again.headers.get('content-encoding')).toBe('gzip');
    expect((await (await app.request('/api/reports.json', { headers: { 'accept-encoding': 'identity' } })).json()).call).toBe(1);
    const tag = again.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"/);
    const held = await app.request('/api/reports.json', { headers: { 'accept-encoding': 'gzip', 'if-none-match': tag } });
    expect(held.status).toBe(304);
    expect(held.headers.get('etag')).toBe(tag);
    // What a 304 keeps of the answer it stands for: a shared cache must still know the answer varies by encoding.
    expect(held.headers.get('vary')).toBe('Accept-Encoding');
    expect(held.headers.get('content-type')).toBeNull();
    expect((await app.request('/api/reports.json', { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('runs one read for a burst of the same request, and a new one once the data version moves', async () => {
    let version = 'a';
    let calls = 0;
    let release: () => void = () => {};
    const gate = () => new Promise<void>((resolve) => (release = resolve));
    let wait = gate();
    const app = new Hono();
    const read = async (url: string) => (await app.request(url)).text();
    app.use('*', readCache({ prefixes: ['/api/search'], ttlMs: 60_000, version: async () => version, tokenCountsOwnWrites: true }));
    app.get('*', async (c) => {
      const n = ++calls;
      await wait;
      return c.text(`read ${n} at ${version}`);
    });
    const burst = Promise.all([1, 2, 3, 4, 5].map(() => read('/api/search?q=农田')));
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await burst).toEqual(Array(5).fill('read 1 at a'));
    expect(calls).toBe(1);
    // A commit between two reads of one burst: the later one does not take the earlier one's answer.
    wait = gate();
    version = 'b';
    const first = read('/api/search?q=农田');
    await new Promise((r) => setTimeout(r, 20));
    version = 'c';
    const second = read('/api/search?q=农田');
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await first).toBe('read 2 at c');
    expect(await second).toBe('read 3 at c');
    expect(calls).toBe(3);
  });

  it('expires entries, and never caches errors or other paths', async () => {
    const c = setup();
    await c.get('/api/reports.json');
    c.tick(1500);
    expect(await c.get('/api/reports.json')).toMatch(/#2$/);
    await c.get('/api/reports/missing');
    await c.get('/api/reports/missing');
    await c.get('/api/ledger/tasks');
    await c.get('/api/ledger/tasks');
    expect(c.calls()).toBe(6);
  });

  it('serves an answer only while the database version it was read at is current, and never keeps a read that overlapped a write', async () => {
    let version = 'a';
    let calls = 0;
    let release: () => void = () => {};
    const app = new Hono();
    app.use('*', readCache({ prefixes: ['/api/reports'], ttlMs: 60_000, version: async () => version }));
    app.all('*', async (c) => {
      calls++;
      const n = calls;
      // A slow write: it holds until the test lets it finish.
      if (c.req.method === 'POST') await new Promise<void>((ok) => (release = ok));
      return c.text(`#${n}`);
    });
    const get = async () => (await app.request('/api/reports.json')).text();
    expect(await get()).toBe('#1');
    expect(await get()).toBe('#1');
    // Another process committed: the token changed, the entry is not served.
    version = 'b';
    expect(await get()).toBe('#2');
    expect(await get()).toBe('#2');
    // A read that starts while this process writes is answered but not kept.
    const writing = app.request('/api/import', { method: 'POST' });
    await new Promise((ok) => setTimeout(ok, 5));
    expect(await get()).toBe('#4');
    release();
    await writing;
    expect(await get()).toBe('#5');
    expect(await get()).toBe('#5');
  });

  it('with a token that counts its own writes, a write elsewhere leaves the cache alone and a change of the token empties it', async () => {
    let version = 1;
    let calls = 0;
    const app = new Hono();
    app.use('*', readCache({ prefixes: ['/api/reports'], ttlMs: 60_000, version: async () => String(version), tokenCountsOwnWrites: true }));
    app.all('*', (c) => c.text(`#${++calls}`));
    const get = async () => (await app.request('/api/reports.json')).text();
    expect(await get()).toBe('#1');
    // A ledger edit: no report data changed, so the token did not either.
    await app.request('/api/ledger/tasks/1', { method: 'PUT' });
    expect(await get()).toBe('#1');
    // An import through this process raises the counter like anyone else's.
    await app.request('/api/import', { method: 'POST' });
    version++;
    expect(await get()).toBe('#4');
    expect(await get()).toBe('#4');
  });
});

describe.each(STORES)('the app\'s read cache on %s', (storeName) => {
  it('serves a hit with the headers of the first answer (security headers included), and liveness counts that follow an import', async () => {
    const store = await createTestStore(storeName);
    try {
      const app = createApp(store.repo);
      const health = async () => (await (await app.request('/-/health')).json()) as { counts: { documents: number } };
      expect((await health()).counts.documents).toBe(0);
      const first = await app.request('/api/reports.json');
      const hit = await app.request('/api/reports.json');
      for (const name of ['content-security-policy', 'x-frame-options', 'etag', 'content-type']) {
        expect(first.headers.get(name), name).toBeTruthy();
        expect(hit.headers.get(name), name).toBe(first.headers.get(name));
      }
      expect(await hit.text()).toBe(await first.text());
      const r = await processBytes('a.txt', Buffer.from(makeReport(2)));
      if (isFailure(r)) throw new Error(r.error);
      await store.repo.storeFile(newFile(r), null);
      expect((await health()).counts.documents).toBe(1);
      expect(((await (await app.request('/api/reports.json')).json()) as { total: number }).total).toBe(1);
    } finally {
      await store.dispose();
    }
  });
});

describe.each(STORES)('the change token on %s', (storeName) => {
  it('changes with a commit to report data through this very connection, not with ledger, account or session writes', async () => {
    const store = await createTestStore(storeName);
    try {
      const { repo } = store;
      const t0 = await repo.changeToken();
      const accounts = new AccountStore(repo);
      const now = new Date();
      const unit = await accounts.createUnit('压测单位', null, now);
      await repo.db.insertInto('accounts').values({ name: 'clerk', password_hash: 'x', role: 'supervisor', unit_id: unit.id, disabled: 0, created_at: now.toISOString() }).execute();
      expect(await repo.changeToken()).toBe(t0);
      const r = await processBytes('a.txt', Buffer.from(makeReport(3)));
      if (isFailure(r)) throw new Error(r.error);
      await repo.storeFile(newFile(r), null);
      const t1 = await repo.changeToken();
      expect(t1).not.toBe(t0);
      expect(await repo.changeToken()).toBe(t1);
      // A transaction rolled back leaves it where it was.
      await expect(repo.db.transaction().execute(async (trx) => {
        await trx.updateTable('documents').set({ speaker: '改' }).execute();
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      expect(await repo.changeToken()).toBe(t1);
    } finally {
      await store.dispose();
    }
  });

  it('is never read from a change not yet committed: asked in the middle of a transaction that is then rolled back, it is the committed value', async () => {
    const store = await createTestStore(storeName);
    try {
      const { repo } = store;
      const r = await processBytes('a.txt', Buffer.from(makeReport(4)));
      if (isFailure(r)) throw new Error(r.error);
      await repo.storeFile(newFile(r), null);
      // Asked often, so that a shortcut for an unchanged database is in use when the transaction begins.
      const t1 = await repo.changeToken();
      expect(await repo.changeToken()).toBe(t1);
      let during: Promise<string> | undefined;
      await expect(repo.db.transaction().execute(async (trx) => {
        await trx.updateTable('documents').set({ speaker: '改' }).execute();
        during = repo.changeToken();
        await new Promise((go) => setTimeout(go, 20));
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      expect(await during).toBe(t1);
      expect(await repo.changeToken()).toBe(t1);
      // And a commit after it is seen at once, by the next ask.
      await repo.db.updateTable('documents').set({ speaker: '改' }).execute();
      expect(await repo.changeToken()).not.toBe(t1);
    } finally {
      await store.dispose();
    }
  });

  it('follows commits made through another connection to the same database', async () => {
    const database = await createTestDatabase(storeName);
    // One after the other: two SQLite repositories opening one file at once in one process wait on each other's migration.
    const repo = await openRepository(database.open());
    const other = await openRepository(database.open());
    try {
      const t0 = await repo.changeToken();
      expect(await repo.changeToken()).toBe(t0);
      const r = await processBytes('a.txt', Buffer.from(makeReport(5)));
      if (isFailure(r)) throw new Error(r.error);
      await other.storeFile(newFile(r), null);
      const t1 = await repo.changeToken();
      expect(t1).not.toBe(t0);
      expect(await repo.changeToken()).toBe(t1);
    } finally {
      await other.close();
      await repo.close();
      await database.dispose();
    }
  });
});
