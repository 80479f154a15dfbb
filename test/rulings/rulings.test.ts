/**
 * Rulings on both stores: a reviewer's verdict with a reason, a stale save
 * refused, the history, keys that survive re-importing the plan report (the
 * same bytes, a GB18030 copy) and re-extraction, orphaned rulings, who may
 * rule, and the offline sheet (XLSX round trip; a bad sheet applies nothing).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { fromExtracted } from '../../src/check/adapters.js';
import { checkPair, type CheckItem } from '../../src/check/index.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { Rulings } from '../../src/rulings/service.js';
import { createApp } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, text, type App } from '../ledger/client.js';
import { createTestStore, STORES, type TestStore } from '../store/stores.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const PLAN = '000_a1392cf4c794e201.txt';
const REVIEW = '004_7053f82eff3fb455.txt';
const PASSWORD = 'S3cret-pass!';
const PLACE = '四平市';
const Q = `jurisdiction=${encodeURIComponent(PLACE)}&year=2023`;

describe.each(STORES)('rulings on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let root: Client;
  let rev1: Client;
  let rev2: Client;
  let officer: Client;
  let planId: number;
  /** The item every ruling test works on: a headline target the machine judged. */
  let target: CheckItem;
  /** A second item, ruled later and orphaned by re-extraction. */
  let other: CheckItem;

  const card = async () => body(await app({ method: 'GET', url: `/api/check?${Q}`, headers: {} }));
  const item = async (key: string): Promise<CheckItem> => (await card()).items.find((i: CheckItem) => i.key === key);
  const anotherVerdict = (i: CheckItem) => (i.machine_verdict === 'missed' ? 'met' : 'missed');

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo));
    await createAdmin(store.repo, 'root', PASSWORD);
    root = new Client(app, '10.8.0.1');
    await root.login('root', PASSWORD);
    const unit = body(await root.post('/api/ledger/units', { name: '统计局' })).unit.id;
    for (const [name, role] of [['rev1', 'reviewer'], ['rev2', 'reviewer']]) expect((await root.post('/api/ledger/accounts', { name, password: PASSWORD, role })).status).toBe(201);
    expect((await root.post('/api/ledger/accounts', { name: 'officer', password: PASSWORD, role: 'unit_officer', unit_id: unit })).status).toBe(201);
    [rev1, rev2, officer] = ['rev1', 'rev2', 'officer'].map((_, k) => new Client(app, `10.8.0.${k + 2}`));
    await rev1.login('rev1', PASSWORD);
    await rev2.login('rev2', PASSWORD);
    await officer.login('officer', PASSWORD);
    const plan = await root.upload(PLAN, readFileSync(new URL(PLAN, SEEDS)));
    expect(plan.status, text(plan)).toBe(201);
    planId = body(plan).documentIds[0];
    expect((await root.upload(REVIEW, readFileSync(new URL(REVIEW, SEEDS)))).status).toBe(201);
    const c = await card();
    target = c.items.find((i: CheckItem) => i.source === 'target' && i.evidence);
    other = c.items.find((i: CheckItem) => i.source === 'target' && i.key !== target.key && !c.items.some((j: CheckItem) => j !== i && j.commitment === i.commitment));
    expect(target && other).toBeTruthy();
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('shows every item as the machine\'s proposal before anyone rules, with a stable key', async () => {
    const c = await card();
    expect(c.reviewed).toBe(0);
    expect(c.orphaned).toEqual([]);
    expect(new Set(c.items.map((i: CheckItem) => i.key)).size).toBe(c.items.length);
    for (const i of c.items) expect(i).toMatchObject({ key: expect.stringMatching(/^[0-9a-f]{16}$/), current: 'machine', ruling: null, verdict: i.machine_verdict });
  });

  it('lets neither an anonymous visitor nor a unit officer rule', async () => {
    const stranger = new Client(app, '10.8.0.9');
    await stranger.get('/api/ledger/session'); // a CSRF cookie, no account
    const put = { jurisdiction: PLACE, year: 2023, verdict: target.machine_verdict };
    expect((await stranger.put(`/api/rulings/${target.key}`, put)).status).toBe(401);
    const refused = await officer.put(`/api/rulings/${target.key}`, put);
    expect(refused.status).toBe(403);
    expect(text(refused)).toMatch(/reviewer/);
    expect((await rev1.put(`/api/rulings/${target.key}`, put, { csrf: false })).status).toBe(403);
    expect((await card()).reviewed).toBe(0);
  });

  it('refuses a changed verdict without a reason, an unknown key and evidence outside the review report', async () => {
    const changed = { jurisdiction: PLACE, year: 2023, verdict: anotherVerdict(target) };
    const noReason = await rev1.put(`/api/rulings/${target.key}`, changed);
    expect(noReason.status).toBe(422);
    expect(body(noReason).error.code).toBe('reason_required');
    expect((await rev1.put('/api/rulings/0123456789abcdef', { ...changed, reason: '核对' })).status).toBe(404);
    const far = await rev1.put(`/api/rulings/${target.key}`, { ...changed, reason: '核对', evidence: { start: 10, end: 10_000_000 } });
    expect(far.status).toBe(422);
    expect(body(far).error.code).toBe('bad_evidence');
    expect((await card()).reviewed).toBe(0);
  });

  it('records a reviewer\'s changed verdict with a reason and chosen evidence; a second reviewer\'s stale save gets 409; the history lists both', async () => {
    const verdict = anotherVerdict(target);
    const first = await rev1.put(`/api/rulings/${target.key}`, { jurisdiction: PLACE, year: 2023, verdict, reason: '统计公报数字与报告不同' });
    expect(first.status, text(first)).toBe(200);
    expect(body(first).ruling).toMatchObject({ key: target.key, verdict, machine_verdict: target.machine_verdict, reviewer: 'rev1', version: 1, promise: target.commitment });

    // The public scorecard (its cached answer cleared by the write) shows the ruling as current, the machine's verdict beside it.
    const shown = await item(target.key);
    expect(shown).toMatchObject({ verdict, machine_verdict: target.machine_verdict, current: 'ruling', ruling: { verdict, reviewer: 'rev1', version: 1, reason: '统计公报数字与报告不同' } });
    const c = await card();
    expect(c.reviewed).toBe(1);
    expect(c.counts[verdict]).toBe(c.items.filter((i: CheckItem) => i.verdict === verdict).length);

    // rev1 moves it to 部分完成 with a passage of the review report as evidence.
    const ev = target.evidence!;
    const second = await rev1.put(`/api/rulings/${target.key}`, { jurisdiction: PLACE, year: 2023, verdict: 'partly_met', reason: '分项部分完成', evidence: { start: ev.start, end: ev.end }, version: 1 });
    expect(second.status, text(second)).toBe(200);
    expect(body(second).ruling).toMatchObject({ verdict: 'partly_met', version: 2, evidence: { start: ev.start, end: ev.end, text: ev.text } });

    // rev2 read version 1 (and another who saw no ruling at all): both stale.
    const stale = await rev2.put(`/api/rulings/${target.key}`, { jurisdiction: PLACE, year: 2023, verdict: target.machine_verdict, version: 1 });
    expect(stale.status).toBe(409);
    expect(body(stale).current).toMatchObject({ version: 2, verdict: 'partly_met', reviewer: 'rev1' });
    expect((await rev2.put(`/api/rulings/${target.key}`, { jurisdiction: PLACE, year: 2023, verdict: target.machine_verdict })).status).toBe(409);

    // rev2 reloads and confirms the machine's verdict: no reason needed.
    const third = await rev2.put(`/api/rulings/${target.key}`, { jurisdiction: PLACE, year: 2023, verdict: target.machine_verdict, version: 2 });
    expect(third.status, text(third)).toBe(200);

    const history = body(await app({ method: 'GET', url: `/api/rulings/${target.key}/history?${Q}`, headers: {} })).items;
    expect(history.map((h: { version: number; from_verdict: string; verdict: string; reviewer: string }) => [h.version, h.from_verdict, h.verdict, h.reviewer])).toEqual([
      [1, target.machine_verdict, verdict, 'rev1'],
      [2, verdict, 'partly_met', 'rev1'],
      [3, 'partly_met', target.machine_verdict, 'rev2'],
    ]);
    expect(history[1]).toMatchObject({ reason: '分项部分完成', evidence: { text: ev.text } });
  });

  it('keeps the ruling attached when the plan report is imported again, as the same bytes and as GB18030', async () => {
    const bytes = readFileSync(new URL(PLAN, SEEDS));
    const again = await root.upload(`again-${PLAN}`, bytes);
    expect(again.status, text(again)).toBeLessThan(300);
    const gb = iconv.encode(bytes.toString('utf8'), 'gb18030');
    expect(Buffer.compare(gb, bytes)).not.toBe(0);
    const gbUpload = await root.upload(`gb18030-${PLAN}`, gb);
    expect(gbUpload.status, text(gbUpload)).toBeLessThan(300);
    expect(await item(target.key)).toMatchObject({ current: 'ruling', ruling: { version: 3, reviewer: 'rev2' } });

    // Read afresh from the GB18030 bytes (a new extraction, no store), the items carry the same keys.
    const [plan, review] = await Promise.all([processBytes('plan-gb18030.txt', gb), processBytes(REVIEW, readFileSync(new URL(REVIEW, SEEDS)))]);
    if (isFailure(plan) || isFailure(review)) throw new Error('unreadable seed');
    const fresh = checkPair(fromExtracted(plan.documents[0], plan.source.text, 'plan'), fromExtracted(review.documents[0], review.source.text, 'review'));
    expect(plan.source.encoding).toMatch(/gb/i);
    expect(fresh.items.map((i) => i.key)).toEqual((await card()).items.map((i: CheckItem) => i.key));
  });

  it('reports a ruling whose promise is gone from a re-extraction as orphaned, and keeps the others attached', async () => {
    const ruled = await rev1.put(`/api/rulings/${other.key}`, { jurisdiction: PLACE, year: 2023, verdict: other.machine_verdict, reason: '确认' });
    expect(ruled.status, text(ruled)).toBe(200);
    // A newer extractor no longer reads that target from the plan report: its fact is gone, the text unchanged.
    await store.repo.db.deleteFrom('facts').where('document_id', '=', planId).where('fact', '=', 'target').where('text', '=', other.commitment).execute();
    const c = await card();
    expect(c.items.some((i: CheckItem) => i.key === other.key)).toBe(false);
    expect(c.orphaned).toEqual([expect.objectContaining({ key: other.key, promise: other.commitment, verdict: other.machine_verdict, reviewer: 'rev1', reason: '确认' })]);
    expect(c.reviewed).toBe(1);
    expect(await item(target.key)).toMatchObject({ current: 'ruling' });
    const list = body(await app({ method: 'GET', url: `/api/rulings?${Q}`, headers: {} })).items;
    expect(list.map((r: { key: string; orphaned: boolean }) => [r.key, r.orphaned]).sort()).toEqual([[other.key, true], [target.key, false]].sort());
    // Whoever withdraws the plan report learns which rulings rest on it.
    const onPlan = await new Rulings(store.repo).forDocument(planId);
    expect(onPlan.map((r) => [r.key, r.role]).sort()).toEqual([[other.key, 'plan'], [target.key, 'plan']].sort());
  });

  it('round-trips an XLSX sheet: exported with Chinese headers and labels, edited in Excel, loaded back', async () => {
    const res = await rev1.get(`/api/rulings.xlsx?${Q}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.body as Uint8Array).buffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['条目编号', '承诺', '机器初判', '机器依据', '裁定结论', '裁定理由', '裁定人', '裁定日期', '版本']);
    const c = await card();
    expect(ws.rowCount).toBe(c.items.length + 1);
    const rowOf = (key: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === key)!;
    expect(rowOf(target.key).getCell(5).value).toBe({ met: '已完成', missed: '未完成' }[target.machine_verdict as 'met' | 'missed'] ?? rowOf(target.key).getCell(3).value);
    expect(rowOf(target.key).getCell(9).value).toBe(3);
    const fresh = c.items.find((i: CheckItem) => !i.ruling && i.machine_verdict !== 'partly_met')!;
    rowOf(fresh.key).getCell(5).value = '部分完成';
    rowOf(fresh.key).getCell(6).value = '三项中完成两项';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const loaded = await rev1.app({ method: 'POST', url: `/api/rulings/import?${Q}&filename=review.xlsx`, headers: { ...rev1.headers(), 'content-type': 'application/octet-stream' }, body: edited });
    expect(loaded.status, text(loaded)).toBe(200);
    expect(body(loaded)).toMatchObject({ applied: 1 });
    expect(body(loaded).skipped).toBe(c.items.length - 1);
    expect(await item(fresh.key)).toMatchObject({ verdict: 'partly_met', current: 'ruling', ruling: { reviewer: 'rev1', reason: '三项中完成两项', version: 1 } });

    // The same sheet again, as a browser's form upload: every row is as stored now, so nothing is applied.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(edited)]), 'review.xlsx');
    const multipart = new Request('http://luoshi.local/', { method: 'POST', body: form });
    const again = await rev1.app({
      method: 'POST', url: `/api/rulings/import?${Q}`, headers: { ...rev1.headers(), 'content-type': multipart.headers.get('content-type')! }, body: new Uint8Array(await multipart.arrayBuffer()),
    });
    expect(again.status, text(again)).toBe(200);
    expect(body(again)).toMatchObject({ applied: 0, skipped: c.items.length });

    const en = await rev1.get(`/api/rulings.csv?${Q}&lang=en`);
    expect(text(en).split('\r\n')[0]).toBe('\ufeffkey,promise,machine verdict,machine evidence,ruling,reason,reviewer,date,version');
    expect(text(await rev1.get(`/api/rulings.csv?${Q}`))).toContain('部分完成');
  });

  it('applies nothing from a sheet with a bad row, naming each; nor from one exported before a later ruling', async () => {
    const before = body(await app({ method: 'GET', url: `/api/rulings?${Q}`, headers: {} })).items;
    const c = await card();
    const [a, b] = c.items.filter((i: CheckItem) => !i.ruling);
    const csv = (rows: string[][]) => Buffer.from('\ufeff' + [['条目编号', '裁定结论', '裁定理由', '版本'], ...rows].map((r) => r.join(',')).join('\r\n'));
    const upload = (bytes: Buffer, who = rev1) => who.app({ method: 'POST', url: `/api/rulings/import?${Q}&filename=r.csv`, headers: { ...who.headers(), 'content-type': 'text/csv' }, body: bytes });
    const bad = await upload(csv([[a.key, '已完成', '核对无误', ''], ['ffffffffffffffff', '已完成', '', ''], [b.key, '差不多', '', ''], [b.key === a.key ? '' : a.key, '', '', '']]));
    expect(bad.status).toBe(422);
    expect(body(bad).rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
    expect(body(bad).rows[1].error).toMatch(/差不多/);
    expect(body(await app({ method: 'GET', url: `/api/rulings?${Q}`, headers: {} })).items).toEqual(before);

    // A row exported when the target was at version 2 is stale now (version 3).
    const stale = await upload(csv([[a.key, '已完成', '核对无误', ''], [target.key, '未完成', '复核', '2']]));
    expect(stale.status).toBe(409);
    expect(body(stale).rows).toEqual([expect.objectContaining({ row: 3, key: target.key })]);
    expect(body(await app({ method: 'GET', url: `/api/rulings?${Q}`, headers: {} })).items).toEqual(before);

    // An officer may not load a sheet at all.
    expect((await upload(csv([[a.key, '已完成', '核对无误', '']]), officer)).status).toBe(403);
  });
});
