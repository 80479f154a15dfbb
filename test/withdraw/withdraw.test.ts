/**
 * Withdrawing an import on both stores: the document and everything derived
 * from it go (facts, sketch, search rows, copies, the authoritative choice,
 * the file once empty), counted before and after; tasks and votes built on it
 * refuse the withdrawal until forced, then stay, detached, and are reported;
 * the log says who, when and what.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { importFiles } from '../../src/import/index.js';
import { gramMatch } from '../../src/store/segment.js';
import { createApp } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, type App } from '../ledger/client.js';
import { createTestStore, makeReport, STORES, type TestStore } from '../store/stores.js';

const PASSWORD = 'S3cret-pass!';
/** A phrase only report `i` holds (see makeReport). */
const phraseOf = (i: number) => `改造老旧小区${100 + i}个`;

describe.each(STORES)('withdrawing an import on %s', (storeName) => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-withdraw-'));
  let store: TestStore;
  let app: App;
  let root: Client;
  let officer: Client;
  let docA: number;
  let docB: number;

  const rows = async (table: 'facts' | 'doc_sketches' | 'duplicates' | 'report_choices' | 'documents' | 'sources', documentId?: number) => {
    let q = store.repo.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (documentId !== undefined) q = q.where(table === 'documents' ? 'id' : table === 'sources' ? 'id' : 'document_id', '=', documentId) as typeof q;
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  /**
   * Documents the search finds by the phrase; on SQLite also the index's own rows (its tables are apart
   * from the documents): the phrase's, and every document's in both gram tables (FTS5 keeps one
   * `_docsize` row per indexed document), which must be exactly the stored documents.
   */
  const hits = async (i: number) => {
    const found = (await store.repo.search({ q: phraseOf(i) })).total;
    if (storeName !== 'sqlite') return found;
    const indexed = await sql<{ n: number }>`select count(*) as n from doc_pair where doc_pair match ${gramMatch(phraseOf(i))!.match}`.execute(store.repo.db);
    expect(Number(indexed.rows[0].n)).toBe(found);
    const stored = (await store.repo.db.selectFrom('documents').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    for (const table of ['doc_char_docsize', 'doc_pair_docsize']) {
      const ids = await sql<{ id: number }>`select id from ${sql.table(table)} order by id`.execute(store.repo.db);
      expect(ids.rows.map((r) => Number(r.id)), table).toEqual(stored);
    }
    return found;
  };

  beforeAll(async () => {
    store = await createTestStore(storeName);
    const files: [string, string][] = [['a.txt', makeReport(1)], ['a-copy.txt', makeReport(1)], ['b.txt', makeReport(2)]];
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    const run = await importFiles(store.repo, files.map(([n]) => join(dir, n)), undefined, { workers: 0 });
    [docA, , docB] = run.items.map((i) => i.documentIds[0]);
    app = inProcess(createApp(store.repo));
    await createAdmin(store.repo, 'root', PASSWORD);
    root = new Client(app, '10.9.2.1');
    await root.login('root', PASSWORD);
    const unit = body(await root.post('/api/ledger/units', { name: '某局' })).unit.id;
    await root.post('/api/ledger/accounts', { name: 'officer', password: PASSWORD, role: 'unit_officer', unit_id: unit });
    officer = new Client(app, '10.9.2.2');
    await officer.login('officer', PASSWORD);
    const doc = (await store.repo.getDocument(docA))!;
    await store.repo.chooseReport({ jurisdiction: doc.jurisdiction!, report_year: doc.report_year!, document_id: docA, chosen_by: null, note: null });
  });
  afterAll(async () => {
    await store?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('withdraws a document nothing rests on: it and its derived rows go, in one step, logged', async () => {
    const before = await store.repo.counts();
    const facts = await rows('facts', docB);
    expect(facts).toBeGreaterThan(0);
    expect(await hits(2)).toBe(1);
    const plan = body(await root.get(`/api/documents/${docB}/withdrawal`)).plan;
    expect(plan).toMatchObject({ document_id: docB, file_name: 'b.txt', dependents: [], removed: { documents: 1, facts, sources: 1 } });

    const res = await root.delete(`/api/documents/${docB}?note=${encodeURIComponent('误导入')}`);
    expect(res.status).toBe(200);
    const w = body(res).withdrawal;
    expect(w).toMatchObject({ document_id: docB, file_name: 'b.txt', actor: 'root', note: '误导入', forced: false, dependents: [], removed: { documents: 1, facts, sources: 1 } });
    expect(await store.repo.counts()).toEqual({ ...before, sources: before.sources - 1, documents: before.documents - 1, facts: before.facts - facts });
    for (const t of ['facts', 'doc_sketches', 'documents'] as const) expect(await rows(t, docB)).toBe(0);
    expect(await hits(2)).toBe(0);
    expect((await root.get(`/api/documents/${docB}`)).status).toBe(404);
    expect(body(await root.get('/api/withdrawals')).items).toMatchObject([{ id: w.id, document_id: docB, actor: 'root' }]);
  });

  it('refuses the withdrawal while tasks and votes rest on it, then detaches and reports them when forced', async () => {
    const generated = body(await root.post('/api/ledger/generate', { document_id: docA }));
    expect(generated.created).toBeGreaterThan(0);
    const doc = (await store.repo.getDocument(docA))!;
    const session = body(await root.post('/api/votes/sessions', { jurisdiction: doc.jurisdiction, year: doc.report_year, title: '民生实事票决', seats: 3, document_id: docA })).session;
    const before = await store.repo.counts();
    expect(await rows('duplicates', docA)).toBe(1);
    expect(await rows('report_choices', docA)).toBe(1);

    const refused = await root.delete(`/api/documents/${docA}`);
    expect(refused.status).toBe(409);
    const err = body(refused);
    expect(err.error.code).toBe('has_dependents');
    expect(err.current.dependents.filter((d: { kind: string }) => d.kind === 'task')).toHaveLength(generated.created);
    expect(err.current.dependents).toContainEqual(expect.objectContaining({ kind: 'vote_session', id: session.id }));
    expect(await store.repo.counts()).toEqual(before);

    expect((await root.delete(`/api/documents/${docA}?force=true`, { csrf: false })).status).toBe(403);
    expect((await officer.delete(`/api/documents/${docA}?force=true`)).status).toBe(403);
    expect(await store.repo.counts()).toEqual(before);

    const res = await root.delete(`/api/documents/${docA}?force=true`);
    expect(res.status).toBe(200);
    const w = body(res).withdrawal;
    expect(w).toMatchObject({ forced: true, removed: { duplicates: 1, report_choices: 1, sources: 1 } });
    expect(w.dependents).toEqual(err.current.dependents);
    expect(await store.repo.counts()).toMatchObject({ documents: before.documents - 1, duplicates: before.duplicates - 1, facts: before.facts - w.removed.facts });
    for (const t of ['facts', 'doc_sketches', 'duplicates', 'report_choices', 'documents'] as const) expect(await rows(t, docA)).toBe(0);
    expect(await hits(1)).toBe(0);

    // The tasks stay, with their sentence, detached, and their history says why.
    const taskIds = w.dependents.filter((d: { kind: string }) => d.kind === 'task').map((d: { id: number }) => d.id);
    const tasks = await store.repo.db.selectFrom('tasks').select(['id', 'document_id', 'fact_id', 'source_sentence']).where('id', 'in', taskIds).execute();
    expect(tasks).toHaveLength(taskIds.length);
    for (const t of tasks) expect(t).toMatchObject({ document_id: null, fact_id: null, source_sentence: expect.any(String) });
    const history = body(await root.get(`/api/ledger/tasks/${taskIds[0]}/history`)).items;
    expect(history).toContainEqual(expect.objectContaining({ action: 'source_withdrawn', note: `source document ${docA} withdrawn` }));
    expect(body(await root.get(`/api/votes/sessions/${session.id}`)).session.document_id).toBeNull();
    expect(body(await root.get('/api/withdrawals')).total).toBe(2);
  });

  it('lets the withdrawn bytes be imported again, and answers 404 for a document that is not stored', async () => {
    const again = await root.upload('a.txt', Buffer.from(makeReport(1)));
    expect(again.status).toBe(201);
    expect(await hits(1)).toBe(1);
    expect((await root.delete('/api/documents/999999')).status).toBe(404);
  });
});
