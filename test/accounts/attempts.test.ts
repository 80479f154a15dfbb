import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttemptStore, POLICIES, waitSeconds } from '../../src/accounts/attempts.js';
import { clientAddress } from '../../src/server/middleware/client.js';
import { createTestStore, STORES, type TestStore } from '../store/stores.js';

const S = 1000;

describe('waiting after failed attempts', () => {
  it('a window limit waits until the oldest failure leaves the window, then lets one through', () => {
    const p = { max: 3, windowMs: 60 * S, mode: 'window' } as const;
    expect(waitSeconds([0, S], p, 2 * S)).toBe(0);
    expect(waitSeconds([0, S, 2 * S], p, 3 * S)).toBe(57);
    expect(waitSeconds([0, S, 2 * S], p, 60 * S)).toBe(0);
  });

  it('a backoff limit doubles the wait after each further failure, up to its cap, and never locks for longer', () => {
    const p = { max: 2, windowMs: 3600 * S, mode: 'backoff', maxDelayMs: 8 * S } as const;
    expect(waitSeconds([0, 10], p, 20)).toBe(1);
    const many = Array.from({ length: 40 }, (_, i) => i * 10);
    // 38 failures past the limit: still at most the cap, counted from the last failure.
    expect(waitSeconds(many, p, 400)).toBe(8);
    expect(waitSeconds(many, p, 390 + 8 * S)).toBe(0);
  });
});

describe.each(STORES)('attempts kept in the database on %s', (storeName) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(storeName);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('counts failures per key, shared by every store handle on the same database, and clears one key', async () => {
    const a = new AttemptStore(store.repo);
    const b = new AttemptStore(store.repo); // another server process
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 10; i++) await a.fail(['ip:1.2.3.4', 'account:root'], new Date(t0.getTime() + i * S));
    const now = new Date(t0.getTime() + 10 * S);
    expect(await b.wait('ip:1.2.3.4', POLICIES.address, now)).toBeGreaterThan(0);
    expect(await b.wait('ip:5.6.7.8', POLICIES.address, now)).toBe(0);
    // The account waits at most a minute, however many failures.
    const acct = await b.wait('account:root', POLICIES.account, now);
    expect(acct).toBeGreaterThan(0);
    expect(acct).toBeLessThanOrEqual(60);
    expect(await b.waitAll([['ip:5.6.7.8', POLICIES.address], ['account:root', POLICIES.account]], now)).toBe(acct);
    await a.clear('account:root');
    expect(await b.wait('account:root', POLICIES.account, now)).toBe(0);
    expect(await b.wait('ip:1.2.3.4', POLICIES.address, now)).toBeGreaterThan(0);
  });
});

describe('the client address', () => {
  const app = (hops: number) => {
    const h = new Hono();
    h.get('/', (c) => c.text(clientAddress(c, hops)));
    return h;
  };
  it('ignores X-Forwarded-For unless told how many proxies to trust, then takes the hop before them', async () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 10.0.0.9' };
    expect(await (await app(0).request('/', { headers })).text()).toBe('local');
    expect(await (await app(1).request('/', { headers })).text()).toBe('10.0.0.9');
    expect(await (await app(2).request('/', { headers })).text()).toBe('6.6.6.6');
  });
});
