/**
 * Importing changes the published record, so it needs an account that may
 * import, the CSRF token and room in that account's quota; and a later upload
 * never silently replaces the report a scorecard rests on.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { createApp } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, text, type App } from '../ledger/client.js';
import { createTestStore, makeReport, STORES, type TestStore } from '../store/stores.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const PLAN_2023 = '000_a1392cf4c794e201.txt';
const REVIEW_2024 = '004_7053f82eff3fb455.txt';
const PASSWORD = 'S3cret-pass!';

/** A short document that claims to be the place's 2024 report and states no results at all. */
const FAKE_2024 = ['四平市政府工作报告', '——2024年1月10日在四平市第九届人民代表大会第三次会议上', '各位代表：', '现在，我代表市人民政府向大会报告工作。',
  '一、2023年工作回顾', '过去一年，我们做了很多工作，各项事业稳步推进。', '二、2024年工作安排', '今年要继续努力，推动高质量发展。'].join('\n');

describe.each(STORES)('import access on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let root: Client;
  let sup: Client;
  let officer: Client;

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo, { importQuota: { files: 6, bytes: 4 * 1024 * 1024 } }));
    await createAdmin(store.repo, 'root', PASSWORD);
    root = new Client(app, '10.9.0.1');
    await root.login('root', PASSWORD);
    const unit = body(await root.post('/api/ledger/units', { name: '某局' })).unit.id;
    await root.post('/api/ledger/accounts', { name: 'sup', password: PASSWORD, role: 'supervisor' });
    await root.post('/api/ledger/accounts', { name: 'officer', password: PASSWORD, role: 'unit_officer', unit_id: unit });
    sup = new Client(app, '10.9.0.2');
    officer = new Client(app, '10.9.0.3');
    await sup.login('sup', PASSWORD);
    await officer.login('officer', PASSWORD);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('refuses anonymous, CSRF-less and wrong-role imports, storing nothing', async () => {
    const bytes = Buffer.from(makeReport(3));
    const anonymous = await app({ method: 'POST', url: '/api/import?filename=a.txt', headers: {}, body: bytes });
    const stranger = new Client(app, '10.9.0.9');
    await stranger.get('/api/ledger/session'); // a CSRF cookie, but no account
    const anonymousWithCsrf = await stranger.upload('a.txt', bytes);
    const noCsrf = await sup.upload('a.txt', bytes, { csrf: false });
    const officerTry = await officer.upload('a.txt', bytes);
    expect([anonymous.status, anonymousWithCsrf.status, noCsrf.status, officerTry.status]).toEqual([403, 401, 403, 403]);
    expect(text(officerTry)).toMatch(/管理员或督查人员/);
    expect((await store.repo.counts()).documents).toBe(0);
  });

  it('lets a supervisor import, within a per-account daily quota', async () => {
    for (let i = 0; i < 6; i++) expect((await sup.upload(`r${i}.txt`, Buffer.from(makeReport(10 + i)))).status).toBe(201);
    const over = await sup.upload('r6.txt', Buffer.from(makeReport(16)));
    expect(over.status).toBe(429);
    expect(body(over).error).toMatchObject({ code: 'import_quota', message: expect.stringMatching(/^导入已达上限/) });
    // The quota is the account's own: another account still imports.
    expect((await root.upload('r7.txt', Buffer.from(makeReport(17)))).status).toBe(201);
    expect((await store.repo.counts()).documents).toBe(7);
  });

  it('keeps the first stored review report when a later upload claims the same place and year, naming both', async () => {
    expect((await root.upload(PLAN_2023, readFileSync(new URL(PLAN_2023, SEEDS)))).status).toBe(201);
    const real = await root.upload(REVIEW_2024, readFileSync(new URL(REVIEW_2024, SEEDS)));
    expect(real.status).toBe(201);
    const realId = body(real).documentIds[0];
    const card = async () => body(await app({ method: 'GET', url: `/api/check?jurisdiction=${encodeURIComponent('四平市')}&year=2023`, headers: {} }));
    const before = await card();
    expect(before.counts.met).toBeGreaterThan(0);

    const fake = await root.upload('四平市2024年政府工作报告.txt', Buffer.from(FAKE_2024));
    expect(fake.status, text(fake)).toBe(201);
    const fakeId = body(fake).documentIds[0];
    const after = await card();
    expect(after.counts).toEqual(before.counts);
    expect(after.basis.review).toMatchObject({ document_id: realId, rule: 'first' });
    expect(after.basis.review.others.map((d: { id: number }) => d.id)).toContain(fakeId);

    // Only a reviewer's explicit choice switches it; and it is recorded with who chose.
    const anon = await app({ method: 'PUT', url: '/api/reports/choice', headers: {}, body: Buffer.from(JSON.stringify({ jurisdiction: '四平市', year: 2024, document_id: fakeId })) });
    expect(anon.status).toBe(403);
    expect((await officer.put('/api/reports/choice', { jurisdiction: '四平市', year: 2024, document_id: fakeId })).status).toBe(403);
    expect((await sup.put('/api/reports/choice', { jurisdiction: '四平市', year: 2024, document_id: 999999 })).status).toBe(422);
    const chosen = await sup.put('/api/reports/choice', { jurisdiction: '四平市', year: 2024, document_id: fakeId, note: 'test' });
    expect(chosen.status, text(chosen)).toBe(200);
    const switched = await card();
    expect(switched.basis.review).toMatchObject({ document_id: fakeId, rule: 'chosen' });
    expect(switched.basis.review.chosen_by).not.toBeNull();
    expect(switched.counts.met).toBeLessThan(before.counts.met);
  });
});
