/**
 * The one interface the rest of Luoshi uses to keep and query reports. It is
 * implemented once on top of kysely; the engine supplies what differs.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { documentJson, type DocumentJson } from '../document-json.js';
import type { FileResult } from '../pipeline.js';
import type { Section } from '../model.js';
import type { Engine, EngineName } from './engine.js';
import { documentFilter, escapeLike, type DocumentFilter } from './filters.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import type { DocumentDetail, DocumentSummary, FactRecord, Page, SearchHit, Snippet } from './types.js';

export type { DocumentDetail, DocumentSummary, FactRecord, Page, SearchHit, Snippet };

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportItemResult {
  readonly file: string;
  readonly status: ImportStatus;
  readonly reason?: string;
  /** Stored document ids (new ones, or the ones this file duplicates). */
  readonly documentIds: number[];
  readonly newDocuments: number;
  readonly duplicateDocuments: number;
}

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
  fact: 'target' | 'outcome' | 'commitment';
  indicator?: string;
  year?: number;
  jurisdiction?: string;
  level?: string;
  headline?: boolean;
  documentId?: number;
  limit?: number;
  offset?: number;
}

export interface ReportChoice {
  jurisdiction: string;
  report_year: number;
  document_id: number;
  chosen_by: number | null;
  chosen_at: string;
  note: string | null;
}

export interface RunSummary {
  id: number;
  status: string;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface Repository {
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
  /** Stores one processed file atomically (all of it or nothing). */
  importResult(result: FileResult, runId: number | null): Promise<ImportItemResult>;
  /** Records `file` as a duplicate when a file with these exact bytes is stored; undefined otherwise. */
  importKnownFile(file: string, sha256: string, runId: number | null): Promise<ImportItemResult | undefined>;
  recordFailure(runId: number | null, file: string, reason: string): Promise<ImportItemResult>;
  listDocuments(filter: DocumentFilter, paging: Paging): Promise<Page<DocumentSummary>>;
  getDocument(id: number): Promise<DocumentDetail | undefined>;
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  facts(filter: FactFilter): Promise<Page<FactRecord>>;
  counts(): Promise<{ sources: number; documents: number; facts: number; duplicates: number }>;
  close(): Promise<void>;
}

// --- identity of a document across sources ------------------------------------

/** The text reduced to what survives re-encoding and re-markup. */
function contentCore(text: string): string {
  return text.replace(/[^\u4e00-\u9fff0-9]/g, '');
}

export function fingerprint(text: string): string {
  return createHash('sha256').update(contentCore(text)).digest('hex').slice(0, 32);
}

function shingles(text: string): Set<number> {
  const core = contentCore(text);
  const out = new Set<number>();
  for (let i = 0; i + 8 <= core.length; i++) {
    let h = 2166136261;
    for (let j = i; j < i + 8; j++) h = Math.imul(h ^ core.charCodeAt(j), 16777619);
    if ((h & 7) === 0) out.add(h);
  }
  return out;
}

const SKETCH_SIZE = 8;

/** The smallest shingle hashes (a bottom-k MinHash): similar texts share most of them. */
export function sketch(text: string): number[] {
  return [...shingles(text)].map((h) => h >>> 0).sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Share of the shorter text's shingles found in the longer one (0..1). */
export function containment(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return contentCore(a) === contentCore(b) ? 1 : 0;
  let hit = 0;
  for (const h of small) if (big.has(h)) hit++;
  return hit / small.size;
}

const SAME_REPORT = 0.6;

function docKey(d: DocumentJson, fp: string): string {
  return d.jurisdiction && d.report_year ? `${d.jurisdiction}|${d.report_year}|${d.doc_type}` : `fp:${fp}`;
}

const now = () => new Date().toISOString();

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
    // A run left 'running' by a killed process is over.
    await this.db.updateTable('import_runs').set({ status: 'interrupted' }).where('status', '=', 'running').execute();
    const r = await this.db
      .insertInto('import_runs')
      .values({ started_at: now(), status: 'running', imported: 0, duplicates: 0, failed: 0, account_id: by?.accountId ?? null, bytes: by?.bytes ?? 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    await this.db.transaction().execute(async (trx) => {
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
    await this.db.updateTable('import_runs').set({ ...summary, status, finished_at: now() }).where('id', '=', runId).execute();
    return { id: runId, status, ...summary };
  }

  async recordFailure(runId: number | null, file: string, reason: string): Promise<ImportItemResult> {
    if (runId !== null) {
      await this.db.insertInto('import_items').values({ run_id: runId, file, sha256: null, status: 'failed', reason, source_id: null, document_ids: null, at: now() }).execute();
    }
    return { file, status: 'failed', reason, documentIds: [], newDocuments: 0, duplicateDocuments: 0 };
  }

  async importKnownFile(file: string, sha256: string, runId: number | null): Promise<ImportItemResult | undefined> {
    return this.db.transaction().execute((trx) => this.knownFile(trx, file, sha256, runId));
  }

  private async knownFile(trx: Transaction<Database>, file: string, sha256: string, runId: number | null): Promise<ImportItemResult | undefined> {
    const existing = await trx.selectFrom('sources').select('id').where('sha256', '=', sha256).executeTakeFirst();
    let ids: number[];
    if (existing) {
      ids = (await trx.selectFrom('documents').select('id').where('source_id', '=', existing.id).orderBy('part').execute()).map((r) => Number(r.id));
    } else {
      // The same bytes seen before as a copy of a stored report from another source.
      const seen = await trx.selectFrom('duplicates').select(['document_id', 'part']).where('sha256', '=', sha256).orderBy('part').orderBy('id').execute();
      if (seen.length === 0) return undefined;
      ids = [...new Map(seen.map((d) => [d.part, Number(d.document_id)])).values()];
    }
    for (const [i, id] of ids.entries()) {
      await trx.insertInto('duplicates').values({ document_id: id, file, sha256, part: i + 1, reason: 'identical file already imported', run_id: runId, at: now() }).execute();
    }
    return this.item(trx, runId, file, sha256, 'duplicate', 'identical file already imported', null, ids, 0, ids.length);
  }

  async importResult(result: FileResult, runId: number | null): Promise<ImportItemResult> {
    const src = result.source;
    const docs = result.documents.map(documentJson);
    return this.db.transaction().execute(async (trx) => {
      const known = await this.knownFile(trx, result.file, src.sha256, runId);
      if (known) return known;
      // Which documents are already stored from another source?
      const plan: { doc: DocumentJson; text: string; fp: string; key: string; dupOf?: number }[] = [];
      for (const doc of docs) {
        const text = src.text.slice(doc.span.start, doc.span.end);
        const fp = fingerprint(text);
        const key = docKey(doc, fp);
        const sk = sketch(text);
        // Three indexed look-ups rather than one OR (which scans). A sketch
        // candidate must share half of its hashes: one shared hash is often
        // only boilerplate wording that many reports repeat.
        const ids = new Set<number>();
        for (const r of await trx.selectFrom('documents').select('id').where('doc_key', '=', key).execute()) ids.add(Number(r.id));
        for (const r of await trx.selectFrom('documents').select('id').where('fingerprint', '=', fp).execute()) ids.add(Number(r.id));
        if (sk.length) {
          const shared = await trx
            .selectFrom('doc_sketches')
            .select('document_id')
            .where('hash', 'in', sk)
            .groupBy('document_id')
            .having((eb) => eb.fn.countAll(), '>=', Math.ceil(sk.length / 2))
            .execute();
          for (const r of shared) ids.add(Number(r.document_id));
        }
        // Text is loaded only for the candidates that need a containment check.
        const candidates = ids.size ? await trx.selectFrom('documents').select(['id', 'fingerprint', 'doc_key']).where('id', 'in', [...ids]).orderBy('id').execute() : [];
        // Different known identities are different reports, however alike the words.
        let same: (typeof candidates)[number] | undefined;
        for (const c of candidates) {
          if (c.fingerprint === fp) same = c;
          else if (c.doc_key === key || c.doc_key.startsWith('fp:') || key.startsWith('fp:')) {
            const other = await trx.selectFrom('documents').select('text').where('id', '=', c.id).executeTakeFirstOrThrow();
            if (containment(other.text, text) >= SAME_REPORT) same = c;
          }
          if (same) break;
        }
        plan.push({ doc, text, fp, key, dupOf: same ? Number(same.id) : undefined });
      }
      const fresh = plan.filter((p) => p.dupOf === undefined);
      let sourceId: number | null = null;
      const ids: number[] = [];
      if (fresh.length > 0) {
        const s = await trx
          .insertInto('sources')
          .values({
            sha256: src.sha256, file_name: result.file, size: src.size, format: src.format, encoding: src.encoding,
            offset_unit: src.offsetUnit, script: src.script, text: src.text, bytes: src.bytes,
            warnings_json: JSON.stringify(result.diagnostics), imported_at: now(), run_id: runId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        sourceId = Number(s.id);
      }
      for (const p of plan) {
        if (p.dupOf !== undefined) {
          await trx.insertInto('duplicates').values({ document_id: p.dupOf, file: result.file, sha256: src.sha256, part: p.doc.part, reason: 'same report already imported from another file', run_id: runId, at: now() }).execute();
          ids.push(p.dupOf);
          continue;
        }
        ids.push(await this.insertDocument(trx, sourceId!, p.doc, p.text, p.fp, p.key));
      }
      const status: ImportStatus = fresh.length > 0 ? 'imported' : 'duplicate';
      const reason = fresh.length === 0 ? 'same report already imported from another file' : plan.length > fresh.length ? `${plan.length - fresh.length} of ${plan.length} documents already imported` : undefined;
      return this.item(trx, runId, result.file, src.sha256, status, reason ?? null, sourceId, ids, fresh.length, plan.length - fresh.length);
    });
  }

  private async item(
    trx: Transaction<Database>, runId: number | null, file: string, sha256: string, status: ImportStatus,
    reason: string | null, sourceId: number | null, ids: number[], fresh: number, dups: number,
  ): Promise<ImportItemResult> {
    if (runId !== null) {
      await trx.insertInto('import_items').values({ run_id: runId, file, sha256, status, reason, source_id: sourceId, document_ids: JSON.stringify(ids), at: now() }).execute();
    }
    return { file, status, ...(reason ? { reason } : {}), documentIds: ids, newDocuments: fresh, duplicateDocuments: dups };
  }

  private async insertDocument(trx: Transaction<Database>, sourceId: number, d: DocumentJson, text: string, fp: string, key: string): Promise<number> {
    const row = await trx
      .insertInto('documents')
      .values({
        source_id: sourceId, part: d.part, doc_key: key, fingerprint: fp, jurisdiction: d.jurisdiction, province: d.province,
        level: d.level, report_year: d.report_year, review_year: d.review_year, date: d.date, meeting: d.meeting, speaker: d.speaker,
        doc_type: d.doc_type, script: d.script, identity_json: JSON.stringify(d.evidence), start_offset: d.span.start,
        end_offset: d.span.end, text, sections_json: JSON.stringify(d.sections), n_targets: d.targets.length,
        n_outcomes: d.outcomes.length, n_commitments: d.commitments.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    const base = d.span.start;
    const facts = [
      ...d.targets.map((t, i) => ({ fact: 'target', ord: i, indicator: t.indicator, kind: t.kind, value: t.value ?? null, value_max: t.value_max ?? null, unit: t.unit ?? null, qualifier: t.qualifier, scope: t.scope ?? null, year: t.year, headline: 0, estimated: 0, text: t.text, span: t.span, data: t })),
      ...d.outcomes.map((o, i) => ({ fact: 'outcome', ord: i, indicator: o.indicator, kind: o.kind, value: o.value ?? null, value_max: o.value_max ?? null, unit: o.unit ?? null, qualifier: o.qualifier, scope: o.scope ?? null, year: o.year, headline: o.headline ? 1 : 0, estimated: o.estimated ? 1 : 0, text: o.text, span: o.span, data: o })),
      ...d.commitments.map((c, i) => ({ fact: 'commitment', ord: i, indicator: c.indicator ?? null, kind: null, value: c.value ?? null, value_max: c.value_max ?? null, unit: c.unit ?? null, qualifier: c.qualifier ?? null, scope: null, year: c.year, headline: 0, estimated: 0, text: c.text, span: c.span, data: c })),
    ];
    for (let i = 0; i < facts.length; i += 200) {
      await trx
        .insertInto('facts')
        .values(
          facts.slice(i, i + 200).map((f) => ({
            document_id: id, fact: f.fact, ord: f.ord, indicator: f.indicator, kind: f.kind, value: f.value, value_max: f.value_max,
            unit: f.unit, qualifier: f.qualifier, scope: f.scope, year: f.year, headline: f.headline, estimated: f.estimated,
            text: f.text, start_offset: f.span.start - base, end_offset: f.span.end - base, source_start: f.span.sourceStart,
            source_end: f.span.sourceEnd, data_json: JSON.stringify(f.data),
          })),
        )
        .execute();
    }
    const sk = sketch(text);
    if (sk.length) await trx.insertInto('doc_sketches').values(sk.map((hash) => ({ hash, document_id: id }))).execute();
    await this.eng.indexDocument(trx, id, text);
    return id;
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
    const facts = await this.facts({ fact: 'target', documentId: id, limit: 100000 });
    const outcomes = await this.facts({ fact: 'outcome', documentId: id, limit: 100000 });
    const commitments = await this.facts({ fact: 'commitment', documentId: id, limit: 100000 });
    const dups = await this.db.selectFrom('duplicates').select(['file', 'reason', 'at']).where('document_id', '=', id).orderBy('id').execute();
    const start = Number(d.start_offset);
    const sections = (JSON.parse(d.sections_json) as Section[]).map((sec) => ({ ...sec, span: { ...sec.span, start: sec.span.start - start, end: sec.span.end - start } }));
    return {
      ...normalizeSummary(s), meeting: d.meeting, speaker: d.speaker, text: d.text, identity: JSON.parse(d.identity_json),
      sections, warnings: JSON.parse(d.warnings_json), encoding: d.encoding, format: d.format, sha256: d.sha256,
      offset_unit: d.offset_unit, start_offset: start, facts: [...facts.items, ...outcomes.items, ...commitments.items], duplicate_files: dups,
    };
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
    const rows = await this.summaryQuery().select(['d.text']).where('d.id', 'in', page.ids).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const hits: SearchHit[] = [];
    for (const id of page.ids) {
      const r = byId.get(id);
      if (!r) continue;
      const positions = findAll(r.text, q);
      hits.push({ document: normalizeSummary(r), matches: positions.length, snippets: positions.slice(0, query.snippets ?? 3).map((at) => snippet(r.text, at, q.length)) });
    }
    return { total: page.total, items: hits };
  }

  /** Search limited to sections of one part kind: positions must be checked against each document's sections. */
  private async searchInParts(query: SearchQuery, q: string, ids: number[], limit: number): Promise<Page<SearchHit>> {
    const hits: SearchHit[] = [];
    // Filter in chunks to keep parameter lists small.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.summaryQuery().where(documentFilter(query)).select(['d.text', 'd.sections_json', 'd.start_offset']).where('d.id', 'in', chunk).execute();
      for (const r of rows) {
        const positions = findAll(r.text, q);
        const sections = JSON.parse(r.sections_json) as Section[];
        const start = Number(r.start_offset);
        const kept = positions.filter((p) => sections.some((s) => s.part === query.part && s.span.start - start <= p && p < s.span.end - start));
        if (kept.length === 0) continue;
        hits.push({ document: normalizeSummary(r), matches: kept.length, snippets: kept.slice(0, query.snippets ?? 3).map((p) => snippet(r.text, p, q.length)) });
      }
    }
    hits.sort((a, b) => b.matches - a.matches || (b.document.report_year ?? 0) - (a.document.report_year ?? 0) || a.document.id - b.document.id);
    return { total: hits.length, items: hits.slice(0, limit) };
  }

  async facts(f: FactFilter): Promise<Page<FactRecord>> {
    let q = this.db
      .selectFrom('facts as f')
      .innerJoin('documents as d', 'd.id', 'f.document_id')
      .where('f.fact', '=', f.fact);
    if (f.indicator) q = q.where('f.indicator', '=', f.indicator);
    if (f.year !== undefined) q = q.where((eb) => eb.or([eb('f.year', '=', f.year!), eb.and([eb('f.year', 'is', null), eb('d.report_year', '=', f.year!)])]));
    if (f.jurisdiction) q = q.where(sql<SqlBool>`d.jurisdiction like ${`%${escapeLike(f.jurisdiction)}%`} escape '\\'`);
    if (f.level) q = q.where('d.level', '=', f.level);
    if (f.headline !== undefined) q = q.where('f.headline', '=', f.headline ? 1 : 0);
    if (f.documentId !== undefined) q = q.where('f.document_id', '=', f.documentId);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select(['f.id', 'f.document_id', 'd.jurisdiction', 'd.level', 'd.report_year', 'f.fact', 'f.indicator', 'f.kind', 'f.value', 'f.value_max', 'f.unit', 'f.qualifier', 'f.scope', 'f.year', 'f.headline', 'f.estimated', 'f.text', 'f.start_offset', 'f.end_offset', 'f.source_start', 'f.source_end', 'f.data_json'])
      .orderBy('d.report_year', 'desc')
      .orderBy('d.jurisdiction')
      .orderBy('f.document_id')
      .orderBy('f.ord')
      .limit(f.limit ?? 1000)
      .offset(f.offset ?? 0)
      .execute();
    return {
      total: Number(total.n),
      items: rows.map((r) => ({
        id: Number(r.id), document_id: Number(r.document_id), jurisdiction: r.jurisdiction, level: r.level,
        report_year: r.report_year === null ? null : Number(r.report_year), fact: r.fact, indicator: r.indicator, kind: r.kind,
        value: r.value === null ? null : Number(r.value), value_max: r.value_max === null ? null : Number(r.value_max), unit: r.unit,
        qualifier: r.qualifier, scope: r.scope, year: r.year === null ? null : Number(r.year), headline: Number(r.headline) === 1,
        estimated: Number(r.estimated) === 1, text: r.text, start: Number(r.start_offset), end: Number(r.end_offset),
        source_start: Number(r.source_start), source_end: Number(r.source_end), data: JSON.parse(r.data_json),
      })),
    };
  }

  async counts() {
    const one = async (t: 'sources' | 'documents' | 'facts' | 'duplicates') =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { sources: await one('sources'), documents: await one('documents'), facts: await one('facts'), duplicates: await one('duplicates') };
  }

  async close(): Promise<void> {
    await this.eng.close();
  }
}

function normalizeSummary(r: Record<string, unknown>): DocumentSummary {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id), source_id: Number(r.source_id), file_name: String(r.file_name), part: Number(r.part),
    jurisdiction: (r.jurisdiction as string | null) ?? null, province: (r.province as string | null) ?? null,
    level: (r.level as string | null) ?? null, report_year: num(r.report_year), review_year: num(r.review_year),
    date: (r.date as string | null) ?? null, doc_type: String(r.doc_type), script: String(r.script),
    n_targets: Number(r.n_targets), n_outcomes: Number(r.n_outcomes), n_commitments: Number(r.n_commitments),
    duplicates: Number(r.duplicates ?? 0),
  };
}

function findAll(text: string, q: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length)) out.push(i);
  return out;
}

function snippet(text: string, at: number, len: number, ctx = 30): Snippet {
  return { start: at, end: at + len, before: text.slice(Math.max(0, at - ctx), at), match: text.slice(at, at + len), after: text.slice(at + len, at + len + ctx) };
}

/**
 * The stored document for a place and report year: the full text rather than
 * a summary, then the one with most facts.
 */
/** Which stored report speaks for a place and year, and why. */
export interface ResolvedReport {
  readonly document: DocumentSummary;
  /** chosen: a reviewer picked it; first: the first one stored. */
  readonly rule: 'chosen' | 'first';
  readonly choice?: ReportChoice;
  /** Every stored document that claims the same place and year (the chosen one included). */
  readonly candidates: DocumentSummary[];
}

/**
 * The report of `jurisdiction` for `reportYear` that the record rests on: the
 * one a reviewer marked authoritative, else the first stored. Never "the
 * fullest-looking one": a later upload (a fake, a digest dressed as a full
 * report) must not silently replace the report a scorecard was built on.
 */
export async function resolveReport(repo: Repository, jurisdiction: string, reportYear: number): Promise<ResolvedReport | undefined> {
  const page = await repo.listDocuments({ jurisdiction, yearFrom: reportYear, yearTo: reportYear }, { limit: 200, offset: 0 });
  const exact = page.items.filter((d) => d.jurisdiction === jurisdiction);
  // Without an exact name, only the same place written longer or shorter (徐水区 / 保定市徐水区) counts —
  // never a place whose name merely contains this one (保定市清苑区 is not 保定市).
  const samePlace = (name: string | null) => !!name && (name.endsWith(jurisdiction) || jurisdiction.endsWith(name));
  const candidates = (exact.length ? exact : page.items.filter((d) => samePlace(d.jurisdiction))).sort((a, b) => a.id - b.id);
  if (!candidates.length) return undefined;
  const choice = await repo.reportChoice(jurisdiction, reportYear);
  const chosen = choice && candidates.find((d) => d.id === choice.document_id);
  if (chosen) return { document: chosen, rule: 'chosen', choice, candidates };
  return { document: candidates[0], rule: 'first', candidates };
}

export async function findReport(repo: Repository, jurisdiction: string, reportYear: number): Promise<DocumentSummary | undefined> {
  return (await resolveReport(repo, jurisdiction, reportYear))?.document;
}
