/**
 * The HTTP API. Every list exists as `.json`, `.csv` and `.xlsx`; query
 * parameters are validated at the edge; errors share one envelope.
 */
import { z } from 'zod';
import { ReportNotFound, scorecardFromStore } from '../check/from-store.js';
import { COMPARISON_COLUMNS, compareIndicator } from '../check/research.js';
import { SCORECARD_COLUMNS, scorecardRows } from '../check/rows.js';
import { importUpload, sharedReaderPool } from '../import/index.js';
import { resolveReport, type Repository } from '../store/repository.js';
import { errorResponse, HttpError, json, type AppRequest, type AppResponse } from './http.js';
import { table } from './respond.js';
import { bodyOf, parse, parseQuery, year, type Format, type Route } from './validate.js';
import { ledgerRoutes, type LedgerOptions } from './ledger-routes.js';
import { proposalRoutes } from './proposal-routes.js';
import { voteRoutes } from './vote-routes.js';
import { withReadCache } from './cache.js';
import { LEVELS, PARTS } from '../vocab.js';
import { openApiDocument } from './openapi.js';
import { Access } from './access.js';
import { LedgerStore } from '../ledger/store.js';
import type { Role } from '../ledger/workflow.js';

export interface AppOptions {
  /** Largest upload accepted, in bytes. */
  readonly maxUploadBytes?: number;
  /** Serves the web UI's files for paths outside /api and /-/ . */
  readonly staticHandler?: (path: string) => Promise<AppResponse | undefined>;
  /** The supervision ledger's clock, light rules and cookie settings. */
  readonly ledger?: LedgerOptions;
  /** Cache public GET answers between writes (default on; see cache.ts). */
  readonly cache?: boolean;
  /** The clock (tests move it); the ledger uses it unless `ledger.now` is given. */
  readonly now?: () => Date;
  /** What one account may import through the API in a rolling day. */
  readonly importQuota?: ImportQuota;
}

export interface ImportQuota {
  readonly files: number;
  readonly bytes: number;
}

/** Enough for an office loading its own decades of reports in a day; far from filling a disk. */
export const DEFAULT_IMPORT_QUOTA: ImportQuota = { files: 500, bytes: 512 * 1024 * 1024 };

/** Roles that may add reports to the published record (and pick the authoritative one). */
export const IMPORTERS: readonly Role[] = ['admin', 'supervisor'];

export const DEFAULT_MAX_UPLOAD = 32 * 1024 * 1024;


const paging = {
  _limit: z.coerce.number().int().min(1).max(10000).default(100),
  _offset: z.coerce.number().int().min(0).default(0),
};

const placeFilters = {
  jurisdiction: z.string().max(50).optional(),
  level: z.enum(LEVELS).optional(),
};

const DOC_COLUMNS = ['id', 'jurisdiction', 'province', 'level', 'report_year', 'review_year', 'date', 'doc_type', 'script', 'n_targets', 'n_outcomes', 'n_commitments', 'duplicates', 'file_name', 'part'] as const;
const FACT_COLUMNS = ['id', 'document_id', 'jurisdiction', 'level', 'report_year', 'year', 'fact', 'indicator', 'kind', 'value', 'value_max', 'unit', 'qualifier', 'scope', 'headline', 'estimated', 'text', 'start', 'end', 'source_start', 'source_end'] as const;

export function createApp(repo: Repository, options: AppOptions = {}): (req: AppRequest) => Promise<AppResponse> {
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const now = options.ledger?.now ?? options.now ?? (() => new Date());
  const access = new Access(new LedgerStore(repo), now);
  const quota = options.importQuota ?? DEFAULT_IMPORT_QUOTA;
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/-\/health$/,
      handler: async () => json(200, { ok: true, engine: repo.engine, counts: await repo.counts() }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/openapi\.json$/,
      handler: async () => json(200, openApiDocument()),
    },
    {
      method: 'GET',
      pattern: /^\/api\/reports$/,
      handler: async (_req, _p, query, format) => {
        const q = parseQuery({ ...placeFilters, year_from: year.optional(), year_to: year.optional(), ...paging }, query);
        const page = await repo.listDocuments({ jurisdiction: q.jurisdiction, level: q.level, yearFrom: q.year_from, yearTo: q.year_to }, { limit: q._limit, offset: q._offset });
        return table(format, page.items, [...DOC_COLUMNS], 'reports', { ok: true, total: page.total, limit: q._limit, offset: q._offset, items: page.items });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/documents\/(\d+)$/,
      handler: async (_req, [id]) => {
        const doc = await repo.getDocument(Number(id));
        if (!doc) throw new HttpError(404, `no document with id ${id}`);
        return json(200, { ok: true, document: doc });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/(targets|outcomes|commitments)$/,
      handler: async (_req, [kind], query, format) => {
        const q = parseQuery({ ...placeFilters, indicator: z.string().max(80).optional(), year: year.optional(), headline: z.enum(['true', 'false']).optional(), document_id: z.coerce.number().int().positive().optional(), ...paging }, query);
        const fact = kind.slice(0, -1) as 'target' | 'outcome' | 'commitment';
        const page = await repo.facts({ fact, indicator: q.indicator, year: q.year, jurisdiction: q.jurisdiction, level: q.level, headline: q.headline === undefined ? undefined : q.headline === 'true', documentId: q.document_id, limit: q._limit, offset: q._offset });
        return table(format, page.items, [...FACT_COLUMNS], kind, { ok: true, total: page.total, limit: q._limit, offset: q._offset, items: page.items });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/search$/,
      handler: async (_req, _p, query, format) => {
        const q = parseQuery({ q: z.string().trim().min(1, 'give a query').max(200, 'a query is at most 200 characters'), ...placeFilters, year_from: year.optional(), year_to: year.optional(), part: z.enum(PARTS).optional(), _limit: paging._limit.default(20), _offset: paging._offset }, query);
        const res = await repo.search({ q: q.q, jurisdiction: q.jurisdiction, level: q.level, yearFrom: q.year_from, yearTo: q.year_to, part: q.part, limit: q._limit, offset: q._offset });
        const rows = res.items.flatMap((h) => h.snippets.map((s) => ({ document_id: h.document.id, jurisdiction: h.document.jurisdiction, report_year: h.document.report_year, matches: h.matches, start: s.start, before: s.before, match: s.match, after: s.after })));
        return table(format, rows, ['document_id', 'jurisdiction', 'report_year', 'matches', 'start', 'before', 'match', 'after'], 'search', { ok: true, query: q.q, total: res.total, items: res.items });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/check$/,
      handler: async (_req, _p, query, format) => {
        const q = parseQuery({ jurisdiction: z.string().min(1).max(50), year }, query);
        let card;
        try {
          card = await scorecardFromStore(repo, q.jurisdiction, q.year);
        } catch (e) {
          if (e instanceof ReportNotFound) throw new HttpError(404, e.message);
          throw e;
        }
        return table(format, scorecardRows(card), [...SCORECARD_COLUMNS], 'scorecard', { ok: true, ...card });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/compare$/,
      handler: async (_req, _p, query, format) => {
        const q = parseQuery({ indicator: z.string().min(1).max(80), kind: z.enum(['growth', 'level']).optional(), ...placeFilters, year_from: year.optional(), year_to: year.optional() }, query);
        const rows = await compareIndicator(repo, { indicator: q.indicator, kind: q.kind, level: q.level, jurisdiction: q.jurisdiction, yearFrom: q.year_from, yearTo: q.year_to });
        return table(format, rows, COMPARISON_COLUMNS, 'compare', { ok: true, indicator: q.indicator, total: rows.length, items: rows });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/import$/,
      handler: async (req, _p, query) => {
        // Imports change the published record: only an account that may import, with the CSRF token.
        const s = await access.writer(req, IMPORTERS);
        const q = parseQuery({ filename: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path') }, query);
        const body = req.body ?? new Uint8Array();
        if (body.length > maxUpload) throw new HttpError(413, `upload too large: ${body.length} bytes, the limit is ${maxUpload} bytes`);
        const since = new Date(now().getTime() - 24 * 3600_000).toISOString();
        const used = await repo.importUsage(s.account.id, since);
        if (used.files + 1 > quota.files || used.bytes + body.length > quota.bytes) {
          throw new HttpError(429, `import quota reached: ${used.files} files and ${used.bytes} bytes in the last 24 hours; an account may import ${quota.files} files and ${quota.bytes} bytes a day`);
        }
        const item = await importUpload(repo, { fileName: q.filename, bytes: body, accountId: s.account.id }, sharedReaderPool());
        // Over a budget: 413 (too much to read); the pool full: 503; unreadable content: 422.
        const kind = item.failure?.kind;
        if (item.status === 'failed') throw new HttpError(kind === 'time' || kind === 'memory' ? 413 : kind === 'busy' ? 503 : 422, item.reason ?? 'unreadable');
        return json(item.status === 'imported' ? 201 : 200, { ok: true, ...item });
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/reports\/choice$/,
      handler: async (req) => {
        const s = await access.writer(req, IMPORTERS);
        const b = parse(z.object({ jurisdiction: z.string().min(1).max(50), year, document_id: z.number().int().positive(), note: z.string().max(500).optional() }), bodyOf(req), 'choice');
        const resolved = await resolveReport(repo, b.jurisdiction, b.year);
        if (!resolved?.candidates.some((d) => d.id === b.document_id)) {
          throw new HttpError(422, `document ${b.document_id} is not a stored report of ${b.jurisdiction} for ${b.year}`);
        }
        const choice = await repo.chooseReport({ jurisdiction: b.jurisdiction, report_year: b.year, document_id: b.document_id, chosen_by: s.account.id, note: b.note ?? null });
        return json(200, { ok: true, choice });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/reports\/choice$/,
      handler: async (_req, _p, query) => {
        const q = parseQuery({ jurisdiction: z.string().min(1).max(50), year }, query);
        const r = await resolveReport(repo, q.jurisdiction, q.year);
        if (!r) throw new HttpError(404, `no stored report of ${q.jurisdiction} for ${q.year}`);
        return json(200, { ok: true, document_id: r.document.id, rule: r.rule, choice: r.choice ?? null, candidates: r.candidates });
      },
    },
  ];
  routes.push(...ledgerRoutes(repo, { now: options.now, ...options.ledger }));
  routes.push(...proposalRoutes(repo, { now: options.ledger?.now ?? options.now }));
  routes.push(...voteRoutes(repo, { now: options.ledger?.now ?? options.now }));

  const handle = async (req: AppRequest): Promise<AppResponse> => {
    try {
      const url = new URL(req.url, 'http://luoshi.local');
      let path = decodeURIComponent(url.pathname);
      let format: Format = 'json';
      const ext = /\.(json|csv|xlsx)$/.exec(path);
      if (ext && !path.startsWith('/api/openapi')) {
        format = ext[1] as Format;
        path = path.slice(0, -ext[0].length);
      }
      const fmt = url.searchParams.get('_format');
      if (fmt) {
        if (fmt !== 'json' && fmt !== 'csv' && fmt !== 'xlsx') throw new HttpError(400, `unknown _format ${fmt} (json, csv or xlsx)`);
        format = fmt;
      }
      let methodMismatch = false;
      for (const r of routes) {
        const m = r.pattern.exec(path);
        if (!m) continue;
        if (r.method !== req.method && !(r.method === 'GET' && req.method === 'HEAD')) {
          methodMismatch = true;
          continue;
        }
        return await r.handler(req, m.slice(1), url.searchParams, format);
      }
      if (methodMismatch) return errorResponse(405, `method ${req.method} not allowed on ${path}`);
      if (!path.startsWith('/api/') && !path.startsWith('/-/') && options.staticHandler) {
        const res = await options.staticHandler(path);
        if (res) return res;
      }
      return errorResponse(404, `no such endpoint: ${path}`);
    } catch (e) {
      if (e instanceof HttpError) return errorResponse(e.status, e.message, e.errors);
      if (e instanceof URIError) return errorResponse(400, 'malformed URL encoding');
      process.stderr.write(`luoshi serve: ${(e as Error).stack ?? String(e)}\n`);
      return errorResponse(500, 'internal error');
    }
  };
  if (options.cache === false) return handle;
  return withReadCache(handle, {
    prefixes: ['/api/reports', '/api/documents', '/api/targets', '/api/outcomes', '/api/commitments', '/api/search', '/api/check', '/api/compare', '/api/openapi'],
  });
}
