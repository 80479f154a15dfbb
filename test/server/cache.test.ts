import { describe, expect, it } from 'vitest';
import { withReadCache } from '../../src/server/cache.js';
import type { AppRequest, AppResponse } from '../../src/server/http.js';

describe('read cache', () => {
  function setup() {
    let calls = 0;
    let clock = 0;
    const handler = async (req: AppRequest): Promise<AppResponse> => {
      calls++;
      return { status: req.url.includes('missing') ? 404 : 200, headers: {}, body: `${req.method} ${req.url} #${calls}` };
    };
    const app = withReadCache(handler, { prefixes: ['/api/reports'], ttlMs: 1000, now: () => clock });
    const get = (url: string) => app({ method: 'GET', url, headers: {} });
    return { app, get, calls: () => calls, tick: (ms: number) => (clock += ms) };
  }

  it('answers a repeated read from the cache until a write', async () => {
    const c = setup();
    expect((await c.get('/api/reports.json')).body).toBe('GET /api/reports.json #1');
    expect((await c.get('/api/reports.json')).body).toBe('GET /api/reports.json #1');
    await c.app({ method: 'POST', url: '/api/import?filename=a.txt', headers: {} });
    expect((await c.get('/api/reports.json')).body).toBe('GET /api/reports.json #3');
  });

  it('expires entries, and never caches errors or other paths', async () => {
    const c = setup();
    await c.get('/api/reports.json');
    c.tick(1500);
    expect((await c.get('/api/reports.json')).body).toMatch(/#2$/);
    await c.get('/api/reports/missing');
    await c.get('/api/reports/missing');
    await c.get('/api/ledger/tasks');
    await c.get('/api/ledger/tasks');
    expect(c.calls()).toBe(6);
  });
});
