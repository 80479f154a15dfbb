/**
 * The OpenAPI document is generated from the routes themselves: every route
 * the app serves appears in it with its method, and it validates as OpenAPI 3.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { createTestStore, type TestStore } from '../store/stores.js';

describe('the OpenAPI document', () => {
  let store: TestStore;
  let app: App;
  let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    app = createApp(store.repo);
    doc = await (await app.request('/api/openapi.json')).json();
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('lists every mounted route with its method', () => {
    const served = app.routes.filter((r) => r.method !== 'ALL');
    expect(served.length).toBeGreaterThan(10);
    const missing = served
      .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:([A-Za-z_]+)/g, '{$1}') }))
      .filter((r) => !doc.paths[r.path]?.[r.method]);
    expect(missing).toEqual([]);
  });

  it('has no route outside it: no catch-all handler under /api', () => {
    const catchAll = app.routes.filter((r) => r.method === 'ALL' && r.path.startsWith('/api') && r.path.endsWith('*') && !isMiddleware(r.handler));
    expect(catchAll.map((r) => r.path)).toEqual([]);
  });

  it('validates as OpenAPI 3', async () => {
    const v = new Validator();
    const res = await v.validate(structuredClone(doc));
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
  });
});

/** Middleware registered with `app.use` takes `next`; a handler does not. */
function isMiddleware(h: (...args: never[]) => unknown): boolean {
  return h.length >= 2;
}
