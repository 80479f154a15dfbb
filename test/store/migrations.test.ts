import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/store/engine.js';
import { SCHEMA_VERSION, stepName } from '../../src/store/migrations/index.js';
import { STEPS } from '../../src/store/migrations/steps.js';
import { openRepository } from '../../src/store/repository.js';
import type { SourcesTable } from '../../src/store/schema.js';
import { segmentForIndex } from '../../src/store/segment.js';
import { GRAM_AUTOMERGE } from '../../src/store/sqlite/engine.js';
import { createTestDatabase, makeReport, processed, STORES, unnamedReport, type TestDatabase } from './stores.js';

const BIN = join(__dirname, '..', '..', 'bin', 'luoshi.js');

/** What the first migration runner left: steps 1–8 applied and recorded in schema_migrations only. */
async function legacyDatabase(engine: Engine): Promise<void> {
  await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)`.execute(engine.db);
  for (const step of STEPS.filter((s) => s.version <= 8)) {
    await engine.db.transaction().execute(async (trx) => {
      await step.up(trx, engine);
      await trx.insertInto('schema_migrations').values({ version: step.version, name: step.name, applied_at: new Date(Date.UTC(2026, 0, step.version)).toISOString() }).execute();
    });
  }
}

// A document that starts 100 characters into its source, laid out as the first repository stored it:
// section spans into the source's text, fact columns relative to the document, the fact's JSON span into the source.
const PREFIX = '目'.repeat(100);
const DOC = '一、过去一年工作回顾' + '。'.repeat(10) + '新建高标准农田十万亩' + '。'.repeat(60) + '二、今年工作安排' + '。'.repeat(5) + '改造老旧小区一百个';

async function legacyDocument(engine: Engine): Promise<number> {
  // As the tables stood then: a source kept its decoded text too (until migration 23).
  const db = engine.db.withTables<{ sources: SourcesTable & { text: string } }>();
  return db.transaction().execute(async (trx) => {
    const source = await trx
      .insertInto('sources')
      .values({ sha256: 'ab'.repeat(32), file_name: 'old.txt', size: 900, format: 'txt', encoding: 'utf-8', offset_unit: 'byte', script: 'simplified', text: PREFIX + DOC, bytes: new Uint8Array([1, 2, 3]), warnings_json: '[]', imported_at: '2026-01-09T00:00:00.000Z', run_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const review = DOC.indexOf('二、');
    const sections = [
      { title: '一、过去一年工作回顾', level: 1, part: 'review', span: { start: 100, end: 100 + review, sourceStart: 300, sourceEnd: 300 + 3 * review } },
      { title: '二、今年工作安排', level: 1, part: 'plan', span: { start: 100 + review, end: 100 + DOC.length, sourceStart: 300 + 3 * review, sourceEnd: 300 + 3 * DOC.length } },
    ];
    const doc = await trx
      .insertInto('documents')
      .values({
        source_id: source.id, part: 1, doc_key: '旧市|2020|full', fingerprint: 'f'.repeat(32), jurisdiction: '旧市', province: null, level: 'prefecture',
        report_year: 2020, review_year: 2019, date: null, meeting: null, speaker: null, doc_type: 'full', script: 'simplified',
        identity_json: JSON.stringify({ jurisdiction: { evidence: '旧市', confidence: 0.9 } }), start_offset: 100, end_offset: 100 + DOC.length,
        text: DOC, sections_json: JSON.stringify(sections), n_targets: 1, n_outcomes: 0, n_commitments: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const at = DOC.indexOf('新建');
    const target = { indicator: 'farmland', kind: 'level', value: 10, unit: '万亩', qualifier: 'exact', text: '新建高标准农田十万亩', year: 2020, span: { start: 100 + at, end: 110 + at, sourceStart: 300 + 3 * at, sourceEnd: 330 + 3 * at } };
    await trx
      .insertInto('facts')
      .values({
        document_id: doc.id, fact: 'target', ord: 0, indicator: 'farmland', kind: 'level', value: 10, value_max: null, unit: '万亩', qualifier: 'exact',
        scope: null, year: 2020, headline: 0, estimated: 0, text: target.text, start_offset: at, end_offset: at + 10, source_start: 300 + 3 * at,
        source_end: 330 + 3 * at, data_json: JSON.stringify(target),
      })
      .execute();
    // As the index stood then: SQLite's per-character and trigram tables (PostgreSQL's trigram index follows the row).
    if (engine.name === 'sqlite') {
      await sql`insert into doc_fts(rowid, body) values (${doc.id}, ${segmentForIndex(DOC)})`.execute(trx);
      await sql`insert into doc_tri(rowid, body) values (${doc.id}, ${DOC})`.execute(trx);
    }
    return Number(doc.id);
  });
}

describe.each(STORES)('migrations on %s', (name) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(name);
  });
  afterEach(async () => {
    await database?.dispose();
  });

  it('opens a database the first runner migrated (versions 1–8): marks them applied, applies the rest, keeps the data', async () => {
    const old = database.open();
    await legacyDatabase(old);
    const id = await legacyDocument(old);
    await old.close();

    // The upgrade says what it is doing before the wait; a new database and a current one say nothing.
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let repo;
    try {
      repo = await openRepository(database.open());
      expect(said.mock.calls.map((c) => String(c[0])).join('')).toMatch(new RegExp(`upgrading .* from schema 8 to ${SCHEMA_VERSION};`));
    } finally {
      said.mockRestore();
    }
    try {
      const kysely = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(repo.db);
      expect(kysely.rows.map((r) => r.name)).toEqual(STEPS.map((s) => stepName(s.version)));
      const legacy = await repo.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
      expect(legacy.map((r) => Number(r.version))).toEqual(STEPS.map((s) => s.version));

      // Spans of sections and facts are now relative to the document; byte offsets into the file are kept.
      const doc = (await repo.getDocument(id))!;
      const review = DOC.indexOf('二、');
      expect(doc.sections.map((s) => [s.span.start, s.span.end, s.span.sourceStart])).toEqual([[0, review, 300], [review, DOC.length, 300 + 3 * review]]);
      expect(doc.text).toBe(DOC);
      expect(doc.text.slice(doc.sections[1].span.start, doc.sections[1].span.start + 2)).toBe('二、');
      // SQLite rewrote the stored text as UTF-16 bytes (step 28); PostgreSQL keeps text.
      const kept = await sql<{ t: string }>`select ${name === 'sqlite' ? sql`typeof(text)` : sql`pg_typeof(text)::text`} as t from documents`.execute(repo.db);
      expect(kept.rows[0].t).toBe(name === 'sqlite' ? 'blob' : 'text');
      // SQLite's gram tables merge sixteen segments at a time from step 29 on (FTS5 keeps it in each table's config).
      if (name === 'sqlite') {
        for (const t of ['doc_char', 'doc_pair']) {
          const merge = await sql<{ v: number }>`select v from ${sql.table(`${t}_config`)} where k = 'automerge'`.execute(repo.db);
          expect(merge.rows.map((r) => Number(r.v))).toEqual([GRAM_AUTOMERGE]);
        }
        // The duplicate look-up by sketch reads the index alone (step 30), not a table row per shared hash.
        const plan = await sql<{ detail: string }>`explain query plan select document_id from doc_sketches where hash in (1, 2) group by document_id having count(*) >= 1`.execute(repo.db);
        expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/COVERING INDEX doc_sketches_hash_document/);
      }
      const fact = doc.facts[0];
      expect(fact.fact).toBe('target');
      expect(doc.text.slice(fact.data.span.start, fact.data.span.end)).toBe('新建高标准农田十万亩');
      expect(fact.data.span).toEqual({ start: fact.start, end: fact.end, sourceStart: fact.source_start, sourceEnd: fact.source_end });

      // Search within a part reads the converted sections.
      expect((await repo.search({ q: '农田', part: 'review' })).total).toBe(1);
      expect((await repo.search({ q: '农田', part: 'plan' })).total).toBe(0);
      expect((await repo.search({ q: '小区', part: 'plan' })).total).toBe(1);
      // The gram index (steps 17/27) was filled from the stored document: queries find it, split pairs do not.
      expect((await repo.search({ q: '农田' })).items.map((h) => h.document.id)).toEqual([id]);
      expect((await repo.search({ q: '回' })).total).toBe(1);
      expect((await repo.search({ q: '田十' })).total).toBe(1);
      expect((await repo.search({ q: '新建高标准农田' })).total).toBe(1);
      expect((await repo.search({ q: '作。' })).total).toBe(0);
      // The source keeps the file as found and no second copy of the text (step 23).
      const source = await sql<Record<string, unknown>>`select * from sources`.execute(repo.db);
      expect(Object.keys(source.rows[0])).not.toContain('text');
      expect([...(source.rows[0].bytes as Uint8Array)]).toEqual([1, 2, 3]);
      // A file stored before step 24 stays uncompressed and reads back as it was.
      expect(source.rows[0].compression).toBe('none');
      expect([...(await repo.originalFile(id))!.bytes]).toEqual([1, 2, 3]);
    } finally {
      await repo.close();
    }

    // Opening again applies nothing and changes nothing.
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let written = '';
    const again = await openRepository(database.open()).finally(() => {
      written = quiet.mock.calls.map((c) => String(c[0])).join('');
      quiet.mockRestore();
    });
    expect(written).not.toContain('upgrading');
    try {
      const doc = (await again.getDocument(id))!;
      expect(doc.sections[0].span.start).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('step 31 marks the sketches of stored reports without place and year; a keyed report looks among those only', async () => {
    const repo = await openRepository(database.open());
    const [keyed] = (await repo.storeFile(await processed('k.txt', Buffer.from(makeReport(3))), null)).documentIds;
    const [keyless] = (await repo.storeFile(await processed('u.txt', Buffer.from(unnamedReport(4))), null)).documentIds;
    // Back to schema 30: the column, its index and the step's records gone.
    await sql`drop index doc_sketches_keyless`.execute(repo.db);
    await sql`alter table doc_sketches drop column keyless`.execute(repo.db);
    await repo.db.deleteFrom('schema_migrations').where('version', '=', 31).execute();
    await sql`delete from kysely_migration where name = ${stepName(31)}`.execute(repo.db);
    await repo.close();

    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const upgraded = await openRepository(database.open()).finally(() => said.mockRestore());
    try {
      const rows = await upgraded.db.selectFrom('doc_sketches').select(['document_id', 'keyless']).distinct().orderBy('document_id').execute();
      expect(rows.map((r) => [Number(r.document_id), Number(r.keyless)])).toEqual([[keyed, 0], [keyless, 1]]);
      if (name === 'sqlite') {
        const plan = await sql<{ detail: string }>`explain query plan select document_id from doc_sketches where hash in (1, 2) and keyless = 1 group by document_id having count(*) >= 1`.execute(upgraded.db);
        expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/COVERING INDEX doc_sketches_keyless/);
      }
      // The keyless report's copy with its place and year is found by its words.
      expect((await upgraded.storeFile(await processed('k4.txt', Buffer.from(makeReport(4))), null)).documentIds).toEqual([keyless]);
    } finally {
      await upgraded.close();
    }
  });

  it('refuses a database a newer Luoshi migrated, by either record', async () => {
    const repo = await openRepository(database.open());
    await repo.db.insertInto('schema_migrations').values({ version: SCHEMA_VERSION + 1, name: 'from the future', applied_at: new Date().toISOString() }).execute();
    await repo.close();
    await expect(openRepository(database.open())).rejects.toThrow(/newer than this Luoshi/);

    const fix = database.open();
    await fix.db.deleteFrom('schema_migrations').where('version', '>', SCHEMA_VERSION).execute();
    await sql`insert into kysely_migration (name, timestamp) values (${stepName(SCHEMA_VERSION + 1)}, ${new Date().toISOString()})`.execute(fix.db);
    await fix.close();
    await expect(openRepository(database.open())).rejects.toThrow(/newer than this Luoshi/);
  });

  it('lets several processes open a new database at once: one migrates, the others wait and find it done', async () => {
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((done) => {
        const child = spawn(process.execPath, [BIN, 'reports', '--db', database.location, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (err += c));
        child.on('exit', (code) => done({ code, out, err }));
      });
    const results = await Promise.all([run(), run(), run()]);
    for (const r of results) {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual({ ok: true, total: 0, items: [] });
    }
    const engine = database.open();
    try {
      const versions = await engine.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
      expect(versions.map((r) => Number(r.version))).toEqual(STEPS.map((s) => s.version));
    } finally {
      await engine.close();
    }
  });
});
