import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readCache } from '../../src/server/middleware/cache.js';

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
});
