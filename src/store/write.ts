/**
 * Storing files: inside one transaction, decide for each document whether
 * the same report is already stored (from these bytes or another source), and
 * add the new ones with their facts, sketch and full-text entry.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Engine } from './engine.js';
import { factColumns } from './facts.js';
import { containment, docKey, isKeyless, SAME_REPORT } from './identity.js';
import { readText } from './document-text.js';
import type { NewDocument, NewFile } from './input.js';
import type { Database } from './schema.js';
import type { ImportItemResult, ImportStatus } from './types.js';

/** A connection inside the file's transaction. */
type Trx = Kysely<Database>;

const now = () => new Date().toISOString();

const IDENTICAL = 'identical file already imported';
const SAME_ELSEWHERE = 'same report already imported from another file';

/** Ids of the stored documents these exact bytes gave (or were a copy of), in part order; undefined when never seen. */
export async function knownDocuments(db: Pick<Trx, 'selectFrom'>, sha256: string): Promise<number[] | undefined> {
  const existing = await db.selectFrom('sources').select('id').where('sha256', '=', sha256).executeTakeFirst();
  if (existing) {
    return (await db.selectFrom('documents').select('id').where('source_id', '=', existing.id).orderBy('part').execute()).map((r) => Number(r.id));
  }
  // The same bytes seen before as a copy of a stored report from another source.
  const seen = await db.selectFrom('duplicates').select(['document_id', 'part']).where('sha256', '=', sha256).orderBy('part').orderBy('id').execute();
  if (seen.length === 0) return undefined;
  return [...new Map(seen.map((d) => [d.part, Number(d.document_id)])).values()];
}

/** Records `file` as a copy of bytes already seen; undefined when they were not. */
export async function recordKnownFile(trx: Trx, file: string, sha256: string, runId: number | null): Promise<ImportItemResult | undefined> {
  const ids = await knownDocuments(trx, sha256);
  if (!ids) return undefined;
  for (const [i, id] of ids.entries()) {
    await trx.insertInto('duplicates').values({ document_id: id, file, sha256, part: i + 1, reason: IDENTICAL, run_id: runId, at: now() }).execute();
  }
  return recordItem(trx, runId, { file, sha256, status: 'duplicate', reason: IDENTICAL, sourceId: null, ids, fresh: 0, dups: ids.length });
}

export async function recordItem(
  trx: Pick<Trx, 'insertInto'>,
  runId: number | null,
  r: { file: string; sha256: string | null; status: ImportStatus; reason: string | null; sourceId: number | null; ids: number[]; fresh: number; dups: number },
): Promise<ImportItemResult> {
  if (runId !== null) {
    await trx
      .insertInto('import_items')
      .values({ run_id: runId, file: r.file, sha256: r.sha256, status: r.status, reason: r.reason, source_id: r.sourceId, document_ids: r.status === 'failed' ? null : JSON.stringify(r.ids), at: now() })
      .execute();
  }
  return { file: r.file, status: r.status, ...(r.reason ? { reason: r.reason } : {}), documentIds: r.ids, newDocuments: r.fresh, duplicateDocuments: r.dups };
}

/** The stored document that is the same report as `doc`, if any. */
async function sameReport(trx: Trx, doc: NewDocument, text: string): Promise<number | undefined> {
  const key = docKey(doc, doc.fingerprint);
  // Three indexed look-ups rather than one OR (which scans). A sketch
  // candidate must share half of its hashes: one shared hash is often
  // only boilerplate wording that many reports repeat.
  const ids = new Set<number>();
  for (const r of await trx.selectFrom('documents').select('id').where('doc_key', '=', key).execute()) ids.add(Number(r.id));
  for (const r of await trx.selectFrom('documents').select('id').where('fingerprint', '=', doc.fingerprint).execute()) ids.add(Number(r.id));
  if (doc.sketch.length) {
    let bySketch = trx.selectFrom('doc_sketches').select('document_id').where('hash', 'in', [...doc.sketch]);
    // A keyed report matches another keyed one only by key or fingerprint (found above; see the candidates
    // below), so its words are compared with keyless reports only: the partial index doc_sketches_keyless
    // (migration 31), which SQLite uses only for the literal condition, not a bound parameter.
    if (!isKeyless(key)) bySketch = bySketch.where(sql<SqlBool>`keyless = 1`);
    const shared = await bySketch
      .groupBy('document_id')
      .having((eb) => eb.fn.countAll(), '>=', Math.ceil(doc.sketch.length / 2))
      .execute();
    for (const r of shared) ids.add(Number(r.document_id));
  }
  if (ids.size === 0) return undefined;
  // Text is loaded only for the candidates that need a containment check.
  const candidates = await trx.selectFrom('documents').select(['id', 'fingerprint', 'doc_key']).where('id', 'in', [...ids]).orderBy('id').execute();
  // Different known identities are different reports, however alike the words.
  for (const c of candidates) {
    if (c.fingerprint === doc.fingerprint) return Number(c.id);
    if (c.doc_key === key || isKeyless(c.doc_key) || isKeyless(key)) {
      const other = await trx.selectFrom('documents').select('text').where('id', '=', c.id).executeTakeFirstOrThrow();
      if (containment(readText(other.text), text) >= SAME_REPORT) return Number(c.id);
    }
  }
  return undefined;
}

/** A stored document whose text the full-text index has yet to take. */
interface Unindexed {
  readonly id: number;
  readonly text: string;
}

/**
 * Stores `inputs` in `trx`, in order (a later file may be a copy of an
 * earlier one): all of them or, when the transaction fails, nothing.
 *
 * The texts go into the full-text index last, one after another. SQLite's
 * FTS5 keeps the terms of consecutive inserts in memory and writes them out
 * as a segment at any savepoint, and SQLite opens one for every statement
 * that may fail after a partial write: an insert into a table with a UNIQUE
 * column and a trigger, as `sources` is. Indexed between its rows, each
 * document became a small segment of its own, and the merges that follow cost
 * about a tenth of a batch's time. Nothing in storing a file reads the index,
 * so the order changes no result.
 */
export async function storeFilesIn(trx: Trx, engine: Engine, inputs: readonly NewFile[], runId: number | null): Promise<ImportItemResult[]> {
  const out: ImportItemResult[] = [];
  const unindexed: Unindexed[] = [];
  for (const input of inputs) out.push(await storeFileIn(trx, engine, input, runId, unindexed));
  for (const d of unindexed) await engine.indexDocument(trx, d.id, d.text);
  return out;
}

/** Stores one file in `trx`; its new documents are added to `unindexed`. */
async function storeFileIn(trx: Trx, engine: Engine, input: NewFile, runId: number | null, unindexed: Unindexed[]): Promise<ImportItemResult> {
  const src = input.source;
  const known = await recordKnownFile(trx, src.fileName, src.sha256, runId);
  if (known) return known;
  // Which documents are already stored from another source?
  const plan: { doc: NewDocument; text: string; dupOf?: number }[] = [];
  for (const doc of input.documents) {
    const text = src.text.slice(doc.start, doc.end);
    plan.push({ doc, text, dupOf: await sameReport(trx, doc, text) });
  }
  const fresh = plan.filter((p) => p.dupOf === undefined);
  let sourceId: number | null = null;
  if (fresh.length > 0) {
    const s = await trx
      .insertInto('sources')
      .values({
        sha256: src.sha256, file_name: src.fileName, size: src.size, format: src.format, encoding: src.encoding,
        offset_unit: src.offsetUnit, script: src.script, bytes: src.kept.bytes, compression: src.kept.compression,
        warnings_json: JSON.stringify(src.warnings), imported_at: now(), run_id: runId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sourceId = Number(s.id);
  }
  const ids: number[] = [];
  for (const p of plan) {
    if (p.dupOf !== undefined) {
      await trx.insertInto('duplicates').values({ document_id: p.dupOf, file: src.fileName, sha256: src.sha256, part: p.doc.part, reason: SAME_ELSEWHERE, run_id: runId, at: now() }).execute();
      ids.push(p.dupOf);
    } else {
      const id = await insertDocument(trx, engine, sourceId!, p.doc, p.text);
      unindexed.push({ id, text: p.text });
      ids.push(id);
    }
  }
  const status: ImportStatus = fresh.length > 0 ? 'imported' : 'duplicate';
  const reason = fresh.length === 0 ? SAME_ELSEWHERE : plan.length > fresh.length ? `${plan.length - fresh.length} of ${plan.length} documents already imported` : null;
  return recordItem(trx, runId, { file: src.fileName, sha256: src.sha256, status, reason, sourceId, ids, fresh: fresh.length, dups: plan.length - fresh.length });
}

async function insertDocument(trx: Trx, engine: Engine, sourceId: number, d: NewDocument, text: string): Promise<number> {
  const key = docKey(d, d.fingerprint);
  const row = await trx
    .insertInto('documents')
    .values({
      source_id: sourceId, part: d.part, doc_key: key, fingerprint: d.fingerprint, jurisdiction: d.jurisdiction,
      province: d.province, level: d.level, report_year: d.report_year, review_year: d.review_year, date: d.date, meeting: d.meeting,
      speaker: d.speaker, doc_type: d.doc_type, script: d.script, identity_json: JSON.stringify(d.evidence), start_offset: d.start,
      end_offset: d.end, sections_json: JSON.stringify(d.sections), n_targets: count(d, 'target'),
      n_outcomes: count(d, 'outcome'), n_commitments: count(d, 'commitment'), ...engine.textColumns(text),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  // Order within each kind, as extracted.
  const ord = { target: 0, outcome: 0, commitment: 0 };
  const rows = d.facts.map((f) => ({ document_id: id, ord: ord[f.fact]++, ...factColumns(f) }));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('facts').values(rows.slice(i, i + 200)).execute();
  if (d.sketch.length) {
    const keyless = isKeyless(key) ? 1 : 0;
    await trx.insertInto('doc_sketches').values(d.sketch.map((hash) => ({ hash, document_id: id, keyless }))).execute();
  }
  return id;
}

function count(d: NewDocument, fact: NewDocument['facts'][number]['fact']): number {
  return d.facts.reduce((n, f) => n + (f.fact === fact ? 1 : 0), 0);
}
