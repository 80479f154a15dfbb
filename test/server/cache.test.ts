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
});
