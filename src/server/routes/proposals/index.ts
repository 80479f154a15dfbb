/**
 * 建议/提案 handling under /api/proposals and the public figures under
 * /api/public/proposals. Accounts, sessions and CSRF are the shared ones; a
 * stale version answers 409 with the current item. Lists and figures also
 * exist as CSV and XLSX with Chinese column names.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MANAGE } from '../../../accounts/roles.js';
import {
  AssignRequest, FollowUpRequest, ProposalCreate, ProposalHistoryEntry, ProposalImportResult, ProposalPlace, ProposalStats, ProposalView, RatingRequest,
  ReplyMonths, ReplyRequest,
} from '../../../proposals/schema.js';
import { DEFAULT_REPLY_MONTHS, KINDS, MAX_REPLY_MONTHS, PROPOSAL_ACTIONS, PROPOSAL_STATES, REPLY_STATUSES } from '../../../proposals/rules.js';
import type { Proposals } from '../../../proposals/service.js';
import { LIST_COLUMNS, listSheet, STATS_LABELS, STATS_SHEET, statsSheet } from '../../../proposals/sheets.js';
import { Jurisdiction } from '../../../records/fields.js';
import type { AppEnv } from '../../env.js';
import type { Auth } from '../../middleware/auth.js';
import { errors, FileName, fileBody, jsonBody, ok, params, PathId, query, tableOk, Year } from '../../openapi.js';
import { table } from '../../respond.js';
import { answer, ListFilter } from '../answer.js';

const ItemId = { params: params({ id: PathId }) };
const ItemAnswer = answer({ proposal: ProposalView });

const StatsQuery = query({
  jurisdiction: Jurisdiction,
  year: Year.optional(),
  kind: z.enum(KINDS).optional(),
  group: z.enum(['unit', 'year_kind']).default('unit').openapi({ description: 'rows of a CSV or XLSX: per 承办单位 (default) or per year and kind' }),
});
const StatsAnswer = answer({ jurisdiction: z.string(), year: z.number().int().nullable(), kind: z.enum(KINDS).nullable(), labels: z.record(z.string(), z.string()), ...ProposalStats.shape });
const Settings = answer({ reply_months: ReplyMonths, defaults: ReplyMonths });
const Months = z.number().int().min(1).max(MAX_REPLY_MONTHS);

export function proposalRoutes(proposals: Proposals, auth: Auth): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const { store } = proposals;

  app.openapi(
    createRoute({
      method: 'get', path: '/proposals', summary: '建议 and 提案 this account may see, with their reply status today', middleware: auth.need(),
      request: {
        query: query({
          ...ListFilter, kind: z.enum(KINDS).optional(), state: z.enum(PROPOSAL_STATES).optional(), status: z.enum(REPLY_STATUSES).optional(), overdue: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: { 200: tableOk(answer({ total: z.number().int(), as_of: z.string(), items: z.array(ProposalView) })), ...errors(400, 401) },
    }),
    async (c) => {
      const items = await proposals.list(c.get('session'), c.req.valid('query'));
      const rows = c.get('format') === 'json' ? [] : listSheet(items, await proposals.accounts.listUnits());
      return table(c, rows, [...LIST_COLUMNS], 'proposals', { ok: true, total: items.length, as_of: proposals.today(), items });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/proposals', summary: 'Register an item (supervisor); with a lead unit it is assigned at once', middleware: auth.need(MANAGE, { write: true }),
      request: { body: jsonBody(ProposalCreate) }, responses: { 201: ok(ItemAnswer, 'registered'), ...errors(400, 401, 403, 409, 422) },
    }),
    async (c) => {
      const { lead_unit_id, assist_unit_ids, assigned_at, reply_deadline, ...item } = c.req.valid('json');
      const assign = lead_unit_id === undefined ? undefined : { lead_unit_id, assist_unit_ids, assigned_at, reply_deadline };
      return c.json({ ok: true as const, proposal: await proposals.create(c.get('session'), item, assign) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/proposals/import', summary: 'Register a list (CSV or XLSX in the body): numbers registered already are left as they are; unknown units are created',
      middleware: auth.need(MANAGE, { write: true }),
      request: { query: query({ filename: FileName, jurisdiction: Jurisdiction, year: Year, kind: z.enum(KINDS).optional() }), body: fileBody('the list: CSV (UTF-8 or GBK) or XLSX') },
      responses: { 200: ok(answer({ filename: z.string(), jurisdiction: z.string(), year: z.number().int(), ...ProposalImportResult.shape })), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await proposals.importList(c.get('session'), new Uint8Array(await c.req.arrayBuffer()), q);
      return c.json({ ok: true as const, filename: q.filename, jurisdiction: q.jurisdiction, year: q.year, ...r }, 200);
    },
  );

  for (const [path, summary, middleware] of [
    ['/proposals/stats', 'The figures (办结率, 按期办结率, 满意率…) per unit, per year and kind, and in total', auth.need()],
    ['/public/proposals/stats', 'The same figures for anyone (no sign-in)', undefined],
  ] as const) {
    app.openapi(
      createRoute({ method: 'get', path, summary, middleware, request: { query: StatsQuery }, responses: { 200: tableOk(StatsAnswer), ...errors(400, 401) } }),
      async (c) => {
        const q = c.req.valid('query');
        const s = await proposals.stats(q);
        const sheet = statsSheet(s, q.group, q);
        return table(c, sheet, STATS_SHEET, { what: ['建议提案办理统计', 'proposal-stats'], of: [q.jurisdiction, q.year] }, { ok: true, jurisdiction: q.jurisdiction, year: q.year ?? null, kind: q.kind ?? null, labels: STATS_LABELS, ...s });
      },
    );
  }

  app.openapi(
    createRoute({ method: 'get', path: '/proposals/settings', summary: 'Months from 交办 to the reply deadline, per kind', middleware: auth.need(MANAGE), responses: { 200: ok(Settings), ...errors(401, 403) } }),
    async (c) => c.json({ ok: true as const, reply_months: await store.replyMonths(), defaults: DEFAULT_REPLY_MONTHS }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/proposals/settings', summary: 'Change the months for items assigned from now on (admin)', middleware: auth.need(['admin'], { write: true }),
      request: { body: jsonBody(z.object({ reply_months: z.object({ suggestion: Months.optional(), proposal: Months.optional() }).strict() }).strict()) },
      responses: { 200: ok(Settings), ...errors(400, 401, 403) },
    }),
    async (c) => c.json({ ok: true as const, reply_months: await store.setReplyMonths(c.req.valid('json').reply_months, proposals.now()), defaults: DEFAULT_REPLY_MONTHS }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/proposals/{id}', summary: 'An item, its history and the steps open to this account', middleware: auth.need(), request: ItemId,
      responses: { 200: ok(answer({ proposal: ProposalView, history: z.array(ProposalHistoryEntry), actions: z.array(z.enum(PROPOSAL_ACTIONS)) })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, ...(await proposals.detail(c.get('session'), c.req.valid('param').id)) }, 200),
  );

  const step = { responses: { 200: ok(ItemAnswer), ...errors(400, 401, 403, 404, 409, 422) } };
  const UNIT_STEP = [...MANAGE, 'unit_officer'] as const;
  app.openapi(
    createRoute({ method: 'post', path: '/proposals/{id}/assign', summary: '交办 (or 改办) to a lead unit and assisting units', middleware: auth.need(MANAGE, { write: true }), request: { ...ItemId, body: jsonBody(AssignRequest) }, ...step }),
    async (c) => {
      const { version, ...a } = c.req.valid('json');
      return c.json({ ok: true as const, proposal: await proposals.assign(c.get('session'), c.req.valid('param').id, version, a) }, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/proposals/{id}/reply', summary: '答复 by the lead unit (again after 不满意)', middleware: auth.need(UNIT_STEP, { write: true }), request: { ...ItemId, body: jsonBody(ReplyRequest) }, ...step }),
    async (c) => c.json({ ok: true as const, proposal: await proposals.reply(c.get('session'), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/proposals/{id}/satisfaction', summary: 'The proposer\'s opinion (满意/基本满意/不满意)', middleware: auth.need(MANAGE, { write: true }), request: { ...ItemId, body: jsonBody(RatingRequest) }, ...step }),
    async (c) => c.json({ ok: true as const, proposal: await proposals.rate(c.get('session'), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/proposals/{id}/follow-up', summary: '跟踪办理 after the reply', middleware: auth.need(UNIT_STEP, { write: true }), request: { ...ItemId, body: jsonBody(FollowUpRequest) }, ...step }),
    async (c) => c.json({ ok: true as const, proposal: await proposals.followUp(c.get('session'), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/public/proposals/places', summary: 'Places and years that have items, with the count of each kind (no sign-in)',
      responses: { 200: ok(answer({ items: z.array(ProposalPlace) })) },
    }),
    async (c) => c.json({ ok: true as const, items: await store.places() }, 200),
  );

  return app;
}
