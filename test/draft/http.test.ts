/**
 * The draft review over HTTP: who may set year-end states and draw the
 * draft (a supervisor; not a unit officer, not a stranger), the files with
 * their kept id and hash, and the routes in the OpenAPI document.
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { STORES } from '../store/stores.js';
import { body, Client, text } from '../ledger/client.js';
import { addAccount, addUnits, admin, PLAN_2023, signedIn, upload, world } from '../ledger/fixtures.js';

const LEDGER = '?jurisdiction=四平市&year=2023';

async function ledgerWorld(storeName: (typeof STORES)[number]) {
  const w = await world(storeName, '2023-02-01T09:00:00+08:00');
  const root = await admin(w);
  await upload(root, PLAN_2023);
  await addUnits(w, [['四平市农业农村局', null]]);
  await addAccount(w, 'sup', 'supervisor');
  await addAccount(w, 'agri', 'unit_officer', '四平市农业农村局');
  const sup = await signedIn(w, 'sup', '10.0.0.2');
  const officer = await signedIn(w, 'agri', '10.0.0.3');
  const items = body(await sup.post('/api/ledger/generate', { jurisdiction: '四平市', year: 2023 })).items as { id: number; title: string; version: number }[];
  // Two tasks handed to the unit (交办): the published ledger.
  const picked = [items.find((t) => t.title.includes('高标准农田'))!, items.find((t) => t.title.includes('改造农村厕所'))!];
  for (const t of picked) {
    const e = body(await sup.put(`/api/ledger/tasks/${t.id}`, { version: t.version, lead_unit_id: w.units['四平市农业农村局'] })).task;
    expect((await sup.post(`/api/ledger/tasks/${t.id}/actions/assign`, { version: e.version })).status).toBe(200);
  }
  return { w, sup, officer, picked };
}

describe.each(STORES)('draft review over HTTP on %s', (storeName) => {
  it('lets supervisors set year-end states and draw the draft; a unit officer gets 403, a stranger 401', async () => {
    const { w, sup, officer, picked } = await ledgerWorld(storeName);
    const [fields, toilets] = picked;
    const state = { final_state: 'not_done', reason: '冬季停工，余下8个村次年完成', new_deadline: '2024-05-31' };
    expect((await officer.put(`/api/ledger/tasks/${toilets.id}/year-end-state`, state)).status).toBe(403);
    const set = await sup.put(`/api/ledger/tasks/${toilets.id}/year-end-state`, state);
    expect(set.status, text(set)).toBe(200);
    expect(body(set).year_end).toMatchObject({ task_id: toilets.id, ...state });
    expect((await sup.put(`/api/ledger/tasks/${toilets.id}/year-end-state`, { final_state: 'finished' })).status).toBe(400);
    expect(body(await sup.get(`/api/ledger/tasks/${toilets.id}/year-end-state`)).year_end).toMatchObject(state);
    expect(body(await sup.get(`/api/ledger/tasks/${fields.id}/year-end-state`)).year_end).toBeNull();
    // The step is in the task's history.
    const detail = body(await sup.get(`/api/ledger/tasks/${toilets.id}`));
    expect(detail.history.map((h: { action: string }) => h.action)).toContain('year_end');

    const stranger = new Client(w.app, '10.0.0.9');
    for (const path of ['/api/ledger/draft-review.docx', '/api/ledger/draft-review.html', '/api/ledger/draft-reviews']) {
      expect((await officer.get(path + LEDGER)).status, path).toBe(403);
      expect((await stranger.get(path + LEDGER)).status, path).toBe(401);
    }

    w.at('2024-01-12T09:00:00+08:00');
    const docx = await sup.get(`/api/ledger/draft-review.docx${LEDGER}`);
    expect(docx.status, text(docx)).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = Buffer.from(docx.body as Uint8Array);
    expect(docx.headers['x-luoshi-draft-sha256']).toBe(createHash('sha256').update(bytes).digest('hex'));
    const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(raw).toContain('重点任务共2项。截至2024年1月12日，完成0项，基本完成0项，推进中0项，未完成1项，年终状态未评定1项，按期完成0项，按期完成率0%。');
    expect(raw).toContain('提级新建高标准农田32.95万亩，未报送完成数据，年终状态未评定。');
    expect(raw).toContain('改造农村厕所2900个（未完成）：冬季停工，余下8个村次年完成，计划于2024年5月31日前完成。');

    const html = await sup.get(`/api/ledger/draft-review.html${LEDGER}`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-disposition']).toMatch(/^inline; filename="draft-review-2023-\d+\.html"/);
    expect(text(html)).toContain('改造农村厕所2900个');

    // Both are kept; the file comes back byte for byte.
    const kept = body(await sup.get(`/api/ledger/draft-reviews${LEDGER}`));
    expect(kept.items.map((r: { format: string }) => r.format)).toEqual(['html', 'docx']);
    const id = Number(docx.headers['x-luoshi-draft-id']);
    const file = await sup.get(`/api/ledger/draft-reviews/${id}/file`);
    expect(Buffer.from(file.body as Uint8Array).equals(bytes)).toBe(true);
    const one = body(await sup.get(`/api/ledger/draft-reviews/${id}`));
    expect(one.draft.sources.some((s: { kind: string; text: string }) => s.kind === 'year_end' && s.text.includes('2024-05-31'))).toBe(true);
    expect((await officer.get(`/api/ledger/draft-reviews/${id}`)).status).toBe(403);
    expect((await sup.get('/api/ledger/draft-reviews/999999')).status).toBe(404);
    expect((await sup.get('/api/ledger/draft-review.docx?jurisdiction=某县&year=2023')).status).toBe(404);
  }, 300_000);
});

describe('draft review in the OpenAPI document', () => {
  it('lists its routes', async () => {
    const { w } = { w: await world('sqlite', '2023-02-01T09:00:00+08:00') };
    const doc = JSON.parse(text(await new Client(w.app).get('/api/openapi.json')));
    for (const p of ['/api/ledger/draft-review.docx', '/api/ledger/draft-review.html', '/api/ledger/draft-reviews', '/api/ledger/draft-reviews/{id}', '/api/ledger/draft-reviews/{id}/file']) expect(doc.paths[p]?.get, p).toBeTruthy();
    expect(doc.paths['/api/ledger/tasks/{id}/year-end-state']?.put).toBeTruthy();
    expect(doc.paths['/api/ledger/tasks/{id}/year-end-state']?.get).toBeTruthy();
  });
});
