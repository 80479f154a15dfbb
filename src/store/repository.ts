/**
 * The one interface the rest of Luoshi uses to keep and query reports. It is
 * implemented once on top of kysely; the engine supplies what differs.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Engine, EngineName } from './engine.js';
import type { Writable } from './transaction.js';
import { factRecord } from './facts.js';
import { documentFilter, escapeLike, type DocumentFilter } from './filters.js';
import type { NewFile } from './input.js';
import { migrate } from './migrations/index.js';
import { evidenceOf, sectionsOf, warningsOf } from './rows.js';
import type { Database, ReportChoicesTable } from './schema.js';
import { unpackSourceBytes } from './source-bytes.js';
import type { DocumentDetail, DocumentSummary, FactRecord, FactType, ImportItemResult, ImportStatus, Page, RunSummary, SearchHit, Snippet } from './types.js';
import { writeTransaction } from './transaction.js';
import { knownDocuments, recordItem, recordKnownFile, storeFilesIn } from './write.js';
import { findAll, occurrencesIn, snippetAt } from './occurrences.js';
import { readText } from './document-text.js';

export type { DocumentDetail, DocumentSummary, FactRecord, ImportItemResult, ImportStatus, Page, RunSummary, SearchHit, Snippet };
export type { NewFile } from './input.js';

export type { DocumentFilter } from './filters.js';

export interface Paging {
  limit: number;
  offset: number;
}

export interface SearchQuery extends DocumentFilter {
  q: string;
  /** Only matches inside sections of this part kind (review, plan, …). */
  part?: string;
  limit?: number;
  /** Snippets per document. */
  snippets?: number;
  /** Documents to skip (paging). */
  offset?: number;
}

export interface FactFilter {
  fact: FactType;
  indicator?: string;
  year?: number;
  jurisdiction?: string;
  level?: DocumentFilter['level'];
  headline?: boolean;
  documentId?: number;
  limit?: number;
  offset?: number;
}

/** A reviewer's choice of the report that speaks for a place and year: the row as stored. */
export type ReportChoice = ReportChoicesTable;

/** The store of reports; as `Writable`, what feature stores write through (src/store/transaction.ts). */
export interface Repository extends Writable {
  readonly engine: EngineName;
  readonly location: string;
  /** The query builder over the same database, for modules with tables of their own (the ledger). */
  readonly db: Kysely<Database>;
  /** Opens an import run; `by` names the account (API imports) and the bytes handed in. */
  startRun(by?: { accountId: number; bytes: number }): Promise<number>;
  /** Files and bytes an account handed in since `sinceIso` (its import quota). */
  importUsage(accountId: number, sinceIso: string): Promise<{ files: number; bytes: number }>;
  /** A reviewer's choice of the report that speaks for a place and year; undefined when none was made. */
  reportChoice(jurisdiction: string, reportYear: number): Promise<ReportChoice | undefined>;
  chooseReport(choice: Omit<ReportChoice, 'chosen_at'>): Promise<ReportChoice>;
  finishRun(runId: number, status: 'done' | 'failed'): Promise<RunSummary>;
  /** Stores one read file atomically (all of it or nothing); documents already stored from another file are recorded as duplicates. */
  storeFile(input: NewFile, runId: number | null): Promise<ImportItemResult>;
  /**
   * Stores several read files in one transaction, in order, each as storeFile
   * would (all of them or none): one full-text segment to write and merge for
   * the lot instead of one per file (bench/README.md, "Storing in batches").
   */
  storeFiles(inputs: readonly NewFile[], runId: number | null): Promise<ImportItemResult[]>;
  /** Whether a file with these exact bytes was seen before (stored, or recorded as a copy). Reads only. */
  knowsFile(sha256: string): Promise<boolean>;
  /** Records `file` as a duplicate when a file with these exact bytes was seen before; undefined otherwise. */
  importKnownFile(file: string, sha256: string, runId: number | null): Promise<ImportItemResult | undefined>;
  recordFailure(runId: number | null, file: string, reason: string): Promise<ImportItemResult>;
  listDocuments(filter: DocumentFilter, paging: Paging): Promise<Page<DocumentSummary>>;
  getDocument(id: number): Promise<DocumentDetail | undefined>;
  /** The file a document was read from, byte for byte as it was found; undefined when there is no such document. */
  originalFile(documentId: number): Promise<OriginalFile | undefined>;
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  /** Changes when any connection commits a change to report data (see Engine.changeToken). */
  changeToken(): Promise<string>;
  facts(filter: FactFilter): Promise<Page<FactRecord>>;
  counts(): Promise<{ sources: number; documents: number; facts: number; duplicates: number }>;
  /** Takes a document out of the full-text index (on the connection of a transaction), as indexing put it in. */
  unindexDocument(trx: Kysely<Database>, documentId: number, text: string): Promise<void>;
  /** The engine's forgetHistory: what the files keep of deleted rows of `tables` is dropped (best effort). */
  forgetHistory(tables: readonly (keyof Database & string)[]): Promise<void>;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();

/** A source file as it was found: the bytes its document's sha256 was computed over. */
export interface OriginalFile {
  readonly file_name: string;
  readonly bytes: Uint8Array;
}

/** The columns a fact row is read with (FactRow): its own and its document's place and year. */
const FACT_ROW_COLUMNS = ['f.id', 'f.document_id', 'd.jurisdiction', 'd.level', 'd.report_year', 'f.fact', 'f.indicator', 'f.kind', 'f.value', 'f.value_max', 'f.unit', 'f.qualifier', 'f.scope', 'f.year', 'f.headline', 'f.estimated', 'f.text', 'f.start_offset', 'f.end_offset', 'f.source_start', 'f.source_end', 'f.data_json'] as const;

export async function openRepository(engine: Engine): Promise<Repository> {
  await migrate(engine);
  return new KyselyRepository(engine);
}

class KyselyRepository implements Repository {
  readonly engine: EngineName;
  readonly location: string;
  readonly db: Kysely<Database>;

  constructor(private readonly eng: Engine) {
    this.engine = eng.name;
    this.location = eng.location;
    this.db = eng.db;
  }

  async startRun(by?: { accountId: number; bytes: number }): Promise<number> {
    const r = await this.write(async (trx) => {
      // A run left 'running' by a killed process is over.
      await trx.updateTable('import_runs').set({ status: 'interrupted' }).where('status', '=', 'running').execute();
      return trx
        .insertInto('import_runs')
        .values({ started_at: now(), status: 'running', imported: 0, duplicates: 0, failed: 0, account_id: by?.accountId ?? null, bytes: by?.bytes ?? 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
    });
    return Number(r.id);
  }

  async importUsage(accountId: number, sinceIso: string): Promise<{ files: number; bytes: number }> {
    const r = await this.db
      .selectFrom('import_runs')
      .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.coalesce(eb.fn.sum<number>('bytes'), eb.val(0)).as('bytes')])
      .where('account_id', '=', accountId)
      .where('started_at', '>=', sinceIso)
      .executeTakeFirstOrThrow();
    return { files: Number(r.files), bytes: Number(r.bytes) };
  }

  async reportChoice(jurisdiction: string, reportYear: number): Promise<ReportChoice | undefined> {
    const r = await this.db.selectFrom('report_choices').selectAll().where('jurisdiction', '=', jurisdiction).where('report_year', '=', reportYear).executeTakeFirst();
    return r ? { ...r, report_year: Number(r.report_year), document_id: Number(r.document_id), chosen_by: r.chosen_by === null ? null : Number(r.chosen_by) } : undefined;
  }

  async chooseReport(c: Omit<ReportChoice, 'chosen_at'>): Promise<ReportChoice> {
    const row = { ...c, chosen_at: now() };
    await this.write(async (trx) => {
      await trx.deleteFrom('report_choices').where('jurisdiction', '=', c.jurisdiction).where('report_year', '=', c.report_year).execute();
      await trx.insertInto('report_choices').values(row).execute();
    });
    return row;
  }

  async finishRun(runId: number, status: 'done' | 'failed'): Promise<RunSummary> {
    const counts = await this.db
      .selectFrom('import_items')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('run_id', '=', runId)
      .groupBy('status')
      .execute();
    const get = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const summary = { imported: get('imported'), duplicates: get('duplicate'), failed: get('failed') };
    await this.write((trx) => trx.updateTable('import_runs').set({ ...summary, status, finished_at: now() }).where('id', '=', runId).execute());
    return { id: runId, status, ...summary };
  }

  async recordFailure(runId: number | null, file: string, reason: string): Promise<ImportItemResult> {
    return this.write((trx) => recordItem(trx, runId, { file, sha256: null, status: 'failed', reason, sourceId: null, ids: [], fresh: 0, dups: 0 }));
  }

  async knowsFile(sha256: string): Promise<boolean> {
    return (await knownDocuments(this.db, sha256)) !== undefined;
  }

  async importKnownFile(file: string, sha256: string, runId: number | null): Promise<ImportItemResult | undefined> {
    return this.write((trx) => recordKnownFile(trx, file, sha256, runId));
  }

  async storeFile(input: NewFile, runId: number | null): Promise<ImportItemResult> {
    return (await this.write((trx) => storeFilesIn(trx, this.eng, [input], runId)))[0];
  }

  async storeFiles(inputs: readonly NewFile[], runId: number | null): Promise<ImportItemResult[]> {
    return this.write((trx) => storeFilesIn(trx, this.eng, inputs, runId));
  }

  unindexDocument(trx: Kysely<Database>, documentId: number, text: string): Promise<void> {
    return this.eng.unindexDocument(trx, documentId, text);
  }

  /** Runs `fn` in a transaction begun as a write (see Engine.beginWrite): all of it or nothing. */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, (conn) => this.eng.beginWrite(conn), fn);
  }

  private summaryQuery() {
    return this.db
      .selectFrom('documents as d')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .select((eb) => [
        'd.id', 'd.source_id', 's.file_name', 'd.part', 'd.jurisdiction', 'd.province', 'd.level', 'd.report_year', 'd.review_year',
        'd.date', 'd.doc_type', 'd.script', 'd.n_targets', 'd.n_outcomes', 'd.n_commitments',
        eb.selectFrom('duplicates as x').select((e) => e.fn.countAll<number>().as('n')).whereRef('x.document_id', '=', 'd.id').as('duplicates'),
      ]);
  }

  async listDocuments(filter: DocumentFilter, paging: Paging): Promise<Page<DocumentSummary>> {
    const items = await this.summaryQuery().where(documentFilter(filter)).orderBy('d.report_year', 'desc').orderBy('d.jurisdiction').orderBy('d.id').limit(paging.limit).offset(paging.offset).execute();
    const total = await this.db.selectFrom('documents as d').select((eb) => eb.fn.countAll<number>().as('n')).where(documentFilter(filter)).executeTakeFirstOrThrow();
    return { total: Number(total.n), items: items.map(normalizeSummary) };
  }

  async getDocument(id: number): Promise<DocumentDetail | undefined> {
    const s = await this.summaryQuery().where('d.id', '=', id).executeTakeFirst();
    if (!s) return undefined;
    const d = await this.db
      .selectFrom('documents as d')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .select(['d.meeting', 'd.speaker', 'd.text', 'd.identity_json', 'd.sections_json', 'd.start_offset', 's.warnings_json', 's.encoding', 's.format', 's.sha256', 's.offset_unit'])
      .where('d.id', '=', id)
      .executeTakeFirstOrThrow();
    // One query for all of the document's facts (not one per kind, each with its count): a document read is mostly this.
    const rows = await this.factsWithDocuments().select(FACT_ROW_COLUMNS).where('f.document_id', '=', id).orderBy('f.ord').execute();
    const facts = rows.map(factRecord);
    const byKind = (k: FactRecord['fact']) => facts.filter((f) => f.fact === k);
    const dups = await this.db.selectFrom('duplicates').select(['file', 'reason', 'at']).where('document_id', '=', id).orderBy('id').execute();
    return {
      ...normalizeSummary(s), meeting: d.meeting, speaker: d.speaker, text: readText(d.text), identity: evidenceOf(d.identity_json, id),
      sections: sectionsOf(d.sections_json, id), warnings: warningsOf(d.warnings_json, id), encoding: d.encoding, format: d.format,
      sha256: d.sha256, offset_unit: d.offset_unit, start_offset: Number(d.start_offset),
      facts: [...byKind('target'), ...byKind('outcome'), ...byKind('commitment')], duplicate_files: dups,
    };
  }

  async originalFile(documentId: number): Promise<OriginalFile | undefined> {
    const r = await this.db
      .selectFrom('documents as d')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .select(['s.file_name', 's.bytes', 's.compression'])
      .where('d.id', '=', documentId)
      .executeTakeFirst();
    return r && { file_name: r.file_name, bytes: unpackSourceBytes(r.bytes, r.compression) };
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    const q = query.q.trim();
    if (!q) return { total: 0, items: [] };
    const limit = query.limit ?? 20;
    if (query.part) {
      const ids = await this.eng.matchDocuments(this.db, q, 5000);
      return ids.length ? this.searchInParts(query, q, ids, limit) : { total: 0, items: [] };
    }
    // The index ranks, filters and counts; text leaves the database only for the page.
    const page = await this.eng.searchPage(this.db, q, query, limit, query.offset ?? 0);
    if (page.ids.length === 0) return { total: page.total, items: [] };
    const rows = await this.summaryQuery().select('d.text').where('d.id', 'in', page.ids).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const hits: SearchHit[] = [];
    for (const id of page.ids) {
      const r = byId.get(id);
      if (!r) continue;
      hits.push({ document: normalizeSummary(r), ...occurrencesIn(readText(r.text), q, query.snippets ?? 3) });
    }
    return { total: page.total, items: hits };
  }

  /** Search limited to sections of one part kind: positions must be checked against each document's sections. */
  private async searchInParts(query: SearchQuery, q: string, ids: number[], limit: number): Promise<Page<SearchHit>> {
    const hits: SearchHit[] = [];
    // Filter in chunks to keep parameter lists small.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.summaryQuery().where(documentFilter(query)).select(['d.text', 'd.sections_json']).where('d.id', 'in', chunk).execute();
      for (const r of rows) {
        const text = readText(r.text);
        const positions = findAll(text, q);
        const sections = sectionsOf(r.sections_json, Number(r.id));
        const kept = positions.filter((p) => sections.some((s) => s.part === query.part && s.span.start <= p && p < s.span.end));
        if (kept.length === 0) continue;
        hits.push({ document: normalizeSummary(r), matches: kept.length, snippets: kept.slice(0, query.snippets ?? 3).map((p) => snippetAt(text, p, q.length)) });
      }
    }
    hits.sort((a, b) => b.matches - a.matches || (b.document.report_year ?? 0) - (a.document.report_year ?? 0) || a.document.id - b.document.id);
    return { total: hits.length, items: hits.slice(0, limit) };
  }

  /** Facts joined to their documents (whose place and year factRecord reads with them). */
  private factsWithDocuments() {
    return this.db.selectFrom('facts as f').innerJoin('documents as d', 'd.id', 'f.document_id');
  }

  async facts(f: FactFilter): Promise<Page<FactRecord>> {
    let q = this.factsWithDocuments().where('f.fact', '=', f.fact);
    if (f.indicator) q = q.where('f.indicator', '=', f.indicator);
    if (f.year !== undefined) q = q.where((eb) => eb.or([eb('f.year', '=', f.year!), eb.and([eb('f.year', 'is', null), eb('d.report_year', '=', f.year!)])]));
    if (f.jurisdiction) q = q.where(sql<SqlBool>`d.jurisdiction like ${`%${escapeLike(f.jurisdiction)}%`} escape '\\'`);
    if (f.level) q = q.where('d.level', '=', f.level);
    if (f.headline !== undefined) q = q.where('f.headline', '=', f.headline ? 1 : 0);
    if (f.documentId !== undefined) q = q.where('f.document_id', '=', f.documentId);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select(FACT_ROW_COLUMNS)
      .orderBy('d.report_year', 'desc')
      .orderBy('d.jurisdiction')
      .orderBy('f.document_id')
      .orderBy('f.ord')
      .limit(f.limit ?? 1000)
      .offset(f.offset ?? 0)
      .execute();
    return { total: Number(total.n), items: rows.map(factRecord) };
  }

  async counts() {
    const one = async (t: 'sources' | 'documents' | 'facts' | 'duplicates') =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { sources: await one('sources'), documents: await one('documents'), facts: await one('facts'), duplicates: await one('duplicates') };
  }

  changeToken(): Promise<string> {
    return this.eng.changeToken();
  }

  forgetHistory(tables: readonly (keyof Database & string)[]): Promise<void> {
    return this.eng.forgetHistory(tables);
  }

  async close(): Promise<void> {
    await this.eng.close();
  }
}

type SummaryRow = Omit<DocumentSummary, 'duplicates'> & { duplicates: number | null };

/** Drivers give numbers as bigint-ish strings or numbers; the API gives numbers. */
function normalizeSummary(r: SummaryRow): DocumentSummary {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(r.id), source_id: Number(r.source_id), file_name: r.file_name, part: Number(r.part), jurisdiction: r.jurisdiction,
    province: r.province, level: r.level, report_year: num(r.report_year), review_year: num(r.review_year), date: r.date,
    doc_type: r.doc_type, script: r.script, n_targets: Number(r.n_targets), n_outcomes: Number(r.n_outcomes),
    n_commitments: Number(r.n_commitments), duplicates: Number(r.duplicates ?? 0),
  };
}

export { findReport, resolveReport, type ResolvedReport } from './reports.js';
