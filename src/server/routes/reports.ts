/**
 * The reports API: stored documents, their facts, search, scorecards, the
 * research comparison, and importing (which changes the published record,
 * so it needs an account that may import).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { IMPORTERS } from '../../accounts/roles.js';
import { pairedYears } from '../../check/from-store.js';
import { YEARS_COLUMNS, yearsRows, yearsTable } from '../../check/years.js';
import { ruledScorecard } from '../../rulings/scorecard.js';
import { msg } from '../../messages.js';
import { COMPARISON_COLUMNS, compareIndicator } from '../../check/research.js';
import { SCORECARD_COLUMNS, scorecardRows } from '../../check/rows.js';
import { InvalidInput, NotFound, TooLarge, TooMany, Unavailable } from '../../errors.js';
import { refusalInChinese } from '../../identify/report-signal.js';
import { importUpload, type ReaderPool } from '../../import/index.js';
import { resolveReport, type Repository } from '../../store/repository.js';
import { LEVELS, PARTS } from '../../vocab.js';
import type { AppEnv } from '../env.js';
import type { Auth } from '../middleware/auth.js';
import { errors, FileName, fileBody, fileOk, jsonBody, ok, Paging, params, PathId, query, tableOk, Year } from '../openapi.js';
import { download, langOf, table } from '../respond.js';
import { DOC_COLUMNS, indicatorCell, publicName, SEARCH_COLUMNS, STORED_FACT_COLUMNS, storedFactRows } from '../../export/facts.js';
import { ComparisonRow, DocumentDetail, DocumentSummary, Fact, ImportResult, pageOf, ReportChoice, Scorecard, SearchHit, YearsTable } from './reports.schema.js';

export interface ImportQuota {
  readonly files: number;
  readonly bytes: number;
}

export interface ReportDeps {
  readonly repo: Repository;
  readonly auth: Auth;
  readonly now: () => Date;
  readonly maxUploadBytes: number;
  readonly importQuota: ImportQuota;
  /** Reads uploads in worker threads, each within a time and memory budget. */
  readonly readers: () => ReaderPool;
}

function publicDoc<T extends { file_name: string }>(d: T): T {
  return { ...d, file_name: publicName(d.file_name) };
}

/** Years as a file name says them: 2023, 2019-2023, 2019-, -2023. */
const yearSpan = (from?: number, to?: number) => (from === undefined && to === undefined ? undefined : from === to ? from : `${from ?? ''}-${to ?? ''}`);

const place = { jurisdiction: z.string().max(50).optional(), level: z.enum(LEVELS).optional() };
const Place = z.string().min(1).max(50);

export function reportRoutes(d: ReportDeps): OpenAPIHono<AppEnv> {
  const { repo, auth } = d;
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/reports', summary: 'Stored documents with identity and fact counts',
      request: { query: query({ ...place, year_from: Year.optional(), year_to: Year.optional(), ...Paging }) },
      responses: { 200: tableOk(pageOf(DocumentSummary)), ...errors(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await repo.listDocuments({ jurisdiction: q.jurisdiction, level: q.level, yearFrom: q.year_from, yearTo: q.year_to }, { limit: q._limit, offset: q._offset });
      const items = page.items.map(publicDoc);
      return table(c, items, DOC_COLUMNS, { what: ['报告库', 'reports'], of: [q.jurisdiction, yearSpan(q.year_from, q.year_to)] }, { ok: true, total: page.total, limit: q._limit, offset: q._offset, items });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/documents/{id}', summary: 'One document with its text, sections, facts and warnings',
      request: { params: params({ id: PathId }) },
      responses: { 200: ok(z.object({ ok: z.literal(true), document: DocumentDetail })), ...errors(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const doc = await repo.getDocument(id);
      if (!doc) throw new NotFound(msg('report.no_document', { id }));
      const document = { ...publicDoc(doc), duplicate_files: doc.duplicate_files.map((f) => ({ ...f, file: publicName(f.file) })) };
      return c.json({ ok: true as const, document }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/documents/{id}/original', summary: 'The file a document was read from, byte for byte as it was found (its sha256 is the document\'s), as a download',
      request: { params: params({ id: PathId }) },
      responses: { 200: fileOk('the file as found'), ...errors(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const file = await repo.originalFile(id);
      if (!file) throw new NotFound(msg('report.no_document', { id }));
      // Always a download, never shown inline: an HTML file as found is someone else's page, not ours to render.
      return download(file.bytes, 'application/octet-stream', publicName(file.file_name));
    },
  );

  for (const kind of ['targets', 'outcomes', 'commitments'] as const) {
    const summary = { targets: 'Expected targets (预期目标)', outcomes: 'Results stated in review parts', commitments: 'Quantified tasks of plan parts' }[kind];
    app.openapi(
      createRoute({
        method: 'get', path: `/${kind}`, summary,
        request: { query: query({ ...place, indicator: z.string().max(80).optional(), year: Year.optional(), headline: z.enum(['true', 'false']).optional(), document_id: z.coerce.number().int().positive().optional(), ...Paging }) },
        responses: { 200: tableOk(pageOf(Fact)), ...errors(400) },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const fact = kind.slice(0, -1) as 'target' | 'outcome' | 'commitment';
        const page = await repo.facts({ fact, indicator: q.indicator, year: q.year, jurisdiction: q.jurisdiction, level: q.level, headline: q.headline === undefined ? undefined : q.headline === 'true', documentId: q.document_id, limit: q._limit, offset: q._offset });
        const what = { targets: ['预期目标', 'targets'], outcomes: ['上年实绩', 'outcomes'], commitments: ['量化任务', 'commitments'] }[kind] as [string, string];
        return table(c, storedFactRows(page.items, langOf(c)), STORED_FACT_COLUMNS, { what, of: [q.jurisdiction, q.year] }, { ok: true, total: page.total, limit: q._limit, offset: q._offset, items: page.items });
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get', path: '/search', summary: 'Full-text search, any query length, with snippets and positions',
      description:
        'Every report holding the query verbatim, with how often and the first snippets (offsets in UTF-16 units of the report text). ' +
        'Order: on SQLite, up to 2,000 matches (200 for a query of one character) are ranked by relevance (bm25: more occurrences in a shorter report first); ' +
        'more matches, and every result on PostgreSQL, are listed newest report first.',
      request: {
        query: query({
          q: z.string().trim().min(1, 'give a query').max(200, 'a query is at most 200 characters'), ...place, year_from: Year.optional(), year_to: Year.optional(),
          part: z.enum(PARTS).optional(), _limit: Paging._limit.default(20), _offset: Paging._offset,
        }),
      },
      responses: { 200: tableOk(z.object({ ok: z.literal(true), query: z.string(), total: z.number().int(), items: z.array(SearchHit) })), ...errors(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const found = await repo.search({ q: q.q, jurisdiction: q.jurisdiction, level: q.level, yearFrom: q.year_from, yearTo: q.year_to, part: q.part, limit: q._limit, offset: q._offset });
      const res = { ...found, items: found.items.map((h) => ({ ...h, document: publicDoc(h.document) })) };
      const rows = res.items.flatMap((h) => h.snippets.map((s) => ({ document_id: h.document.id, jurisdiction: h.document.jurisdiction, report_year: h.document.report_year, matches: h.matches, start: s.start, before: s.before, match: s.match, after: s.after })));
      return table(c, rows, SEARCH_COLUMNS, { what: ['检索结果', 'search'], of: [q.q.slice(0, 20)] }, { ok: true, query: q.q, total: res.total, items: res.items });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/check', summary: 'Scorecard: the year-N promises of a place against its year-N+1 report, with reviewers\' rulings (current) over the machine\'s verdicts',
      request: { query: query({ jurisdiction: Place, year: Year }) },
      responses: { 200: tableOk(Scorecard), ...errors(400, 404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const card = await ruledScorecard(repo, q.jurisdiction, q.year);
      const basis = { plan: { ...card.basis.plan, others: card.basis.plan.others.map(publicDoc) }, review: { ...card.basis.review, others: card.basis.review.others.map(publicDoc) } };
      return table(c, scorecardRows(card, langOf(c)), SCORECARD_COLUMNS, { what: ['承诺核对', 'scorecard'], of: [q.jurisdiction, q.year] }, { ok: true, ...card, basis });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/check/years', summary: 'Every stored year of a place side by side: rows by indicator, columns by year, the verdicts in each cell',
      request: { query: query({ jurisdiction: Place }) },
      responses: { 200: tableOk(YearsTable), ...errors(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const cards = [];
      for (const year of await pairedYears(repo, q.jurisdiction)) cards.push(await ruledScorecard(repo, q.jurisdiction, year));
      const years = yearsTable(q.jurisdiction, cards);
      return table(c, yearsRows(years), [...YEARS_COLUMNS], 'scorecard-years', { ok: true as const, ...years });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/compare', summary: 'One indicator: target vs outcome by place and year (research view)',
      request: { query: query({ indicator: z.string().min(1).max(80), kind: z.enum(['growth', 'level']).optional(), ...place, year_from: Year.optional(), year_to: Year.optional() }) },
      responses: { 200: tableOk(z.object({ ok: z.literal(true), indicator: z.string(), total: z.number().int(), items: z.array(ComparisonRow) })), ...errors(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await compareIndicator(repo, { indicator: q.indicator, kind: q.kind, level: q.level, jurisdiction: q.jurisdiction, yearFrom: q.year_from, yearTo: q.year_to });
      return table(c, rows, COMPARISON_COLUMNS, { what: ['目标与实绩对照', 'compare'], of: [q.jurisdiction, indicatorCell(q.indicator, langOf(c)), yearSpan(q.year_from, q.year_to)] }, { ok: true, indicator: q.indicator, total: rows.length, items: rows });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/import',
      summary: 'Import one report file (raw bytes in the body); needs an admin or supervisor session and the CSRF header, within the account\'s daily quota',
      middleware: auth.need(IMPORTERS, { write: true }),
      request: { query: query({ filename: FileName }), body: fileBody('the report file: text, HTML or .docx') },
      responses: { 201: ok(ImportResult, 'imported'), 200: ok(ImportResult, 'a duplicate of a stored report'), ...errors(400, 401, 403, 413, 422, 429) },
    }),
    async (c) => {
      const s = c.get('session');
      const { filename } = c.req.valid('query');
      const body = new Uint8Array(await c.req.arrayBuffer());
      const since = new Date(d.now().getTime() - 24 * 3600_000).toISOString();
      const used = await repo.importUsage(s.account.id, since);
      if (used.files + 1 > d.importQuota.files || used.bytes + body.length > d.importQuota.bytes) {
        throw new TooMany(msg('import.quota', { files: used.files, bytes: used.bytes, max_files: d.importQuota.files, max_bytes: d.importQuota.bytes }), undefined, 'import_quota');
      }
      const { run: _run, ...item } = await importUpload(repo, { fileName: filename, bytes: body, accountId: s.account.id }, d.readers());
      if (item.status === 'failed') {
        // Read off the request thread within a time and memory budget: over a budget or a read limit 413, readers all busy 503, unreadable 422.
        const kind = item.failure?.kind;
        const reason = item.reason ?? 'unreadable';
        if (kind === 'not_report') {
          // Refused as no work report (src/identify/report-signal.ts): said in the request's language; the code is what clients branch on.
          throw new InvalidInput(msg('import.not_a_report', { reason_zh: refusalInChinese(reason) ?? reason, reason }), [], 'not_a_report');
        }
        throw kind === 'time' || kind === 'memory' || kind === 'limit' ? new TooLarge(reason) : kind === 'busy' ? new Unavailable(reason) : new InvalidInput(reason, [], 'unreadable_file');
      }
      const answer = { ok: true as const, ...item };
      return item.status === 'imported' ? c.json(answer, 201) : c.json(answer, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/reports/choice', summary: 'Which stored report speaks for a place and year (a reviewer\'s choice, else the first stored), and every other claimant',
      request: { query: query({ jurisdiction: Place, year: Year }) },
      responses: { 200: ok(z.object({ ok: z.literal(true), document_id: z.number().int(), rule: z.enum(['chosen', 'first']), choice: ReportChoice.nullable(), candidates: z.array(DocumentSummary) })), ...errors(400, 404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await resolveReport(repo, q.jurisdiction, q.year);
      if (!r) throw new NotFound(msg('report.none', { place: q.jurisdiction, year: q.year }));
      return c.json({ ok: true as const, document_id: r.document.id, rule: r.rule, choice: r.choice ?? null, candidates: r.candidates.map(publicDoc) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/reports/choice', summary: 'Mark one stored report authoritative for its place and year (admin or supervisor)',
      middleware: auth.need(IMPORTERS, { write: true }),
      request: { body: jsonBody(z.object({ jurisdiction: Place, year: Year, document_id: z.number().int().positive(), note: z.string().max(500).optional() })) },
      responses: { 200: ok(z.object({ ok: z.literal(true), choice: ReportChoice })), ...errors(400, 401, 403, 422) },
    }),
    async (c) => {
      const s = c.get('session');
      const b = c.req.valid('json');
      const resolved = await resolveReport(repo, b.jurisdiction, b.year);
      if (!resolved?.candidates.some((x) => x.id === b.document_id)) throw new InvalidInput(`document ${b.document_id} is not a stored report of ${b.jurisdiction} for ${b.year}`);
      const choice = await repo.chooseReport({ jurisdiction: b.jurisdiction, report_year: b.year, document_id: b.document_id, chosen_by: s.account.id, note: b.note ?? null });
      return c.json({ ok: true as const, choice }, 200);
    },
  );

  return app;
}
