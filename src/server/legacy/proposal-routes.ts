/**
 * HTTP routes of 建议/提案 handling under /api/proposals, and the public
 * figures under /api/public/proposals. Accounts, sessions and CSRF are the
 * ledger's; a stale version answers 409 with the current item.
 */
import { z } from 'zod';
import { AccountStore } from '../../accounts/store.js';
import { readTable } from '../../tables/read.js';
import { importProposals } from '../../proposals/import.js';
import {
  chinaDate, DEFAULT_REPLY_MONTHS, KIND_LABELS, KINDS, MAX_REPLY_MONTHS, PROPOSAL_STATES, proposalStats, REPLY_STATUS_LABELS, REPLY_STATUSES,
  replyStatus, SATISFACTION_LABELS, SATISFACTIONS, type ProposalKind, type ProposalStats, type StatsRow,
} from '../../proposals/rules.js';
import { ProposalConflict, ProposalInputError, ProposalNotFound, ProposalStateError, ProposalStore, type Proposal, type VersionedProposal } from '../../proposals/store.js';
import type { ProposalAction, ProposalView } from '../../proposals/types.js';
import type { Repository } from '../../store/repository.js';
import { Access, MANAGE, type Session } from './access.js';
import { HttpError, json, type AppResponse } from './http.js';
import { table } from './respond.js';
import { bodyOf, fileName, id, isoDate, parse, parseQuery, year, type Route } from './validate.js';

export interface ProposalRouteOptions {
  /** The clock (tests move it). */
  readonly now?: () => Date;
}

export type { ProposalAction, ProposalView } from '../../proposals/types.js';

/** The figures' Chinese column names, in the order of the CSV and XLSX. */
export const STATS_COLUMNS: [keyof StatsRow, string][] = [
  ['unit', '承办单位'], ['year', '年度'], ['kind', '类型'], ['total', '件数'], ['replied', '已答复（办结）'], ['replied_on_time', '按期答复'],
  ['replied_late', '逾期答复'], ['open_overdue', '逾期未答复'], ['open', '办理中'], ['unassigned', '未交办'], ['completion_rate', '办结率'],
  ['on_time_rate', '按期办结率'], ['rated', '已测评'], ['satisfied', '满意'], ['basically', '基本满意'], ['dissatisfied', '不满意'],
  ['satisfaction_rate', '满意率'], ['fully_satisfied_rate', '满意占比'], ['assisting', '会办件数'],
];

const LIST_COLUMNS = ['编号', '类型', '年度', '标题', '提出人', '主办单位', '会办单位', '交办日期', '答复期限', '答复日期', '办理情况', '满意度', '测评日期', '跟踪办理'] as const;

type Sheet = Record<string, string | number>;

const percent = (r: number | null) => (r === null ? '' : `${Number((r * 100).toFixed(2))}%`);

const RATES = new Set<keyof StatsRow>(['completion_rate', 'on_time_rate', 'satisfaction_rate', 'fully_satisfied_rate']);

/** Rows for a spreadsheet: rates as percentages, 合计 last. */
function statsSheet(s: ProposalStats, group: 'unit' | 'year_kind', filter: { year?: number; kind?: ProposalKind }): Sheet[] {
  const lines = group === 'unit' ? s.units : s.groups;
  const row = (r: StatsRow, unit: string): Sheet => {
    const out: Sheet = {};
    for (const [k, label] of STATS_COLUMNS) {
      if (k === 'unit') out[label] = unit;
      else if (k === 'year') out[label] = r.year ?? filter.year ?? '全部';
      else if (k === 'kind') out[label] = r.kind ? KIND_LABELS[r.kind] : filter.kind ? KIND_LABELS[filter.kind] : '建议、提案';
      else if (RATES.has(k)) out[label] = percent(r[k] as number | null);
      else out[label] = r[k] as number;
    }
    return out;
  };
  return [...lines.map((r) => row(r, r.unit ?? '全部')), row(s.total, '合计')];
}

const STATS_QUERY = {
  jurisdiction: z.string().min(1).max(50),
  year: year.optional(),
  kind: z.enum(KINDS).optional(),
  /** Which rows a CSV or XLSX holds: per 承办单位 (default) or per year and kind. */
  group: z.enum(['unit', 'year_kind']).default('unit'),
};

const version = z.number().int().positive();
const numberField = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1).max(50));

export function proposalRoutes(repo: Repository, options: ProposalRouteOptions = {}): Route[] {
  const store = new ProposalStore(repo);
    const now = options.now ?? (() => new Date());
  const accounts = new AccountStore(repo.db);
  const access = new Access(accounts, now);

  const view = (p: Proposal): ProposalView => ({ ...p, reply_status: replyStatus(p, chinaDate(now())) });

  async function itemFor(s: Session, pid: number): Promise<Proposal> {
    const p = await store.get(pid);
    if (!p) throw new HttpError(404, `no 建议/提案 with id ${pid}`);
    const units = await access.scope(s.account);
    if (units && ![p.lead_unit_id, ...p.assist_unit_ids].some((u) => u !== null && units.includes(u))) {
      throw new HttpError(403, `建议/提案 ${p.number} is not assigned to your unit (neither 主办 nor 会办)`);
    }
    return p;
  }

  /** Supervisors, or an officer of the lead unit (主办): 会办 units contribute, the lead answers. */
  async function leadsIt(s: Session, p: Proposal): Promise<boolean> {
    if (MANAGE.includes(s.account.role)) return true;
    const units = await access.scope(s.account);
    return s.account.role === 'unit_officer' && p.lead_unit_id !== null && (units ?? []).includes(p.lead_unit_id);
  }

  async function actionsFor(s: Session, p: Proposal): Promise<ProposalAction[]> {
    const manage = MANAGE.includes(s.account.role);
    const lead = await leadsIt(s, p);
    const out: ProposalAction[] = [];
    if (manage && p.state !== 'replied') out.push('assign');
    if (lead && (p.state === 'assigned' || (p.state === 'replied' && p.satisfaction === 'dissatisfied'))) out.push('reply');
    if (manage && p.state === 'replied') out.push('satisfaction');
    if (lead && p.state === 'replied') out.push('follow_up');
    return out;
  }

  function versioned(r: VersionedProposal): AppResponse {
    if (!r.ok) {
      return json(409, {
        ok: false,
        error: { status: 409, message: `the item changed meanwhile: it is at version ${r.current.version}; reload and apply your change again`, errors: [] },
        current: view(r.current),
      });
    }
    return json(200, { ok: true, proposal: view(r.proposal) });
  }

  async function guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof ProposalNotFound) throw new HttpError(404, e.message);
      if (e instanceof ProposalConflict) throw new HttpError(409, e.message, [{ field: 'number', message: `registered already as id ${e.existingId}` }]);
      if (e instanceof ProposalStateError) throw new HttpError(409, e.message);
      if (e instanceof ProposalInputError) throw new HttpError(422, e.message);
      throw e;
    }
  }

  async function stats(q: { jurisdiction: string; year?: number; kind?: ProposalKind }): Promise<ProposalStats> {
    const items = await store.list({ jurisdiction: q.jurisdiction, year: q.year, kind: q.kind });
    return proposalStats(items, await accounts.listUnits(), chinaDate(now()));
  }

  async function statsAnswer(format: 'json' | 'csv' | 'xlsx', q: z.infer<z.ZodObject<typeof STATS_QUERY>>, name: string): Promise<AppResponse> {
    const s = await stats(q);
    const rows = statsSheet(s, q.group, q);
    const labels = Object.fromEntries(STATS_COLUMNS.map(([k, l]) => [k, l]));
    return table(format, rows, STATS_COLUMNS.map(([, l]) => l), name, { ok: true, jurisdiction: q.jurisdiction, year: q.year ?? null, kind: q.kind ?? null, labels, ...s });
  }

  const write = (path: string) => new RegExp(`^/api/proposals/(\\d+)/${path}$`);

  return [
    {
      method: 'GET',
      pattern: /^\/api\/proposals$/,
      handler: async (req, _p, query, format) => {
        const s = await access.reader(req);
        const q = parseQuery({
          jurisdiction: z.string().max(50).optional(), year: year.optional(), kind: z.enum(KINDS).optional(), state: z.enum(PROPOSAL_STATES).optional(),
          unit_id: z.coerce.number().int().positive().optional(), status: z.enum(REPLY_STATUSES).optional(), overdue: z.enum(['true', 'false']).optional(),
        }, query);
        const scope = await access.scope(s.account);
        let items = (await store.list({ jurisdiction: q.jurisdiction, year: q.year, kind: q.kind, state: q.state, unitIds: scope }))
          .filter((p) => q.unit_id === undefined || p.lead_unit_id === q.unit_id || p.assist_unit_ids.includes(q.unit_id))
          .map(view);
        if (q.status) items = items.filter((p) => p.reply_status === q.status);
        // Overdue: the deadline was missed, answered late or not at all.
        if (q.overdue) items = items.filter((p) => (p.reply_status === 'open_overdue' || p.reply_status === 'late') === (q.overdue === 'true'));
        const names = new Map((await accounts.listUnits()).map((u) => [u.id, u.name]));
        const unit = (u: number | null) => (u === null ? '' : names.get(u) ?? `#${u}`);
        const rows: Sheet[] = items.map((p) => ({
          编号: p.number, 类型: KIND_LABELS[p.kind], 年度: p.year, 标题: p.title, 提出人: p.proposers.join('、'), 主办单位: unit(p.lead_unit_id),
          会办单位: p.assist_unit_ids.map(unit).join('、'), 交办日期: p.assigned_at ?? '', 答复期限: p.reply_deadline ?? '', 答复日期: p.replied_at ?? '',
          办理情况: REPLY_STATUS_LABELS[p.reply_status], 满意度: p.satisfaction ? SATISFACTION_LABELS[p.satisfaction] : '', 测评日期: p.satisfaction_at ?? '', 跟踪办理: p.follow_up ?? '',
        }));
        return table(format, rows, [...LIST_COLUMNS], 'proposals', { ok: true, total: items.length, as_of: chinaDate(now()), items });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/proposals$/,
      handler: async (req) => {
        const s = await access.writer(req, MANAGE);
        const b = parse(
          z.object({
            jurisdiction: z.string().trim().min(1).max(50), year: z.number().int().min(1949).max(2100), kind: z.enum(KINDS), number: numberField,
            title: z.string().trim().min(1).max(2000), proposers: z.array(z.string().trim().min(1).max(100)).max(500).default([]), received_at: isoDate.optional(),
            lead_unit_id: id.optional(), assist_unit_ids: z.array(id).max(50).optional(), assigned_at: isoDate.optional(), reply_deadline: isoDate.optional(),
          }).strict().refine((x) => x.lead_unit_id !== undefined || (x.assist_unit_ids === undefined && x.assigned_at === undefined && x.reply_deadline === undefined), {
            message: '会办 units, 交办 date and deadline come with a lead unit (lead_unit_id)', path: ['lead_unit_id'],
          }),
          bodyOf(req),
          '建议/提案',
        );
        const { lead_unit_id, assist_unit_ids, assigned_at, reply_deadline, ...item } = b;
        const assign = lead_unit_id === undefined ? undefined : { lead_unit_id, assist_unit_ids, assigned_at, reply_deadline };
        const p = await guard(() => store.create(item, assign, s.account.id, now()));
        return json(201, { ok: true, proposal: view(p) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/proposals\/import$/,
      handler: async (req, _p, query) => {
        const s = await access.writer(req, MANAGE);
        const q = parseQuery({ filename: fileName, jurisdiction: z.string().min(1).max(50), year, kind: z.enum(KINDS).optional() }, query);
        const bytes = req.body ?? new Uint8Array();
        if (bytes.length === 0) throw new HttpError(400, 'send the list of 建议/提案 (CSV or XLSX) as the request body');
        if (bytes.length > 10 * 1024 * 1024) throw new HttpError(413, 'the list of 建议/提案 is larger than 10 MiB');
        try {
          const rows = await readTable(bytes, q.filename);
          const r = await guard(() => importProposals(store, rows, { jurisdiction: q.jurisdiction, year: q.year, kind: q.kind }, s.account.id, now(), q.filename));
          return json(200, { ok: true, filename: q.filename, jurisdiction: q.jurisdiction, year: q.year, ...r });
        } catch (e) {
          throw e;
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/proposals\/stats$/,
      handler: async (req, _p, query, format) => {
        // Everyone signed in sees all figures: the same are public.
        await access.reader(req);
        return statsAnswer(format, parseQuery(STATS_QUERY, query), 'proposal-stats');
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/proposals\/settings$/,
      handler: async (req) => {
        await access.reader(req, MANAGE);
        return json(200, { ok: true, reply_months: await store.replyMonths(), defaults: DEFAULT_REPLY_MONTHS });
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/proposals\/settings$/,
      handler: async (req) => {
        await access.writer(req, ['admin']);
        const months = z.number().int().min(1).max(MAX_REPLY_MONTHS);
        const b = parse(z.object({ reply_months: z.object({ suggestion: months.optional(), proposal: months.optional() }).strict() }).strict(), bodyOf(req), 'settings');
        return json(200, { ok: true, reply_months: await store.setReplyMonths(b.reply_months, now()), defaults: DEFAULT_REPLY_MONTHS });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/proposals\/(\d+)$/,
      handler: async (req, [pid]) => {
        const s = await access.reader(req);
        const p = await itemFor(s, Number(pid));
        return json(200, { ok: true, proposal: view(p), history: await store.history(p.id), actions: await actionsFor(s, p) });
      },
    },
    {
      method: 'POST',
      pattern: write('assign'),
      handler: async (req, [pid]) => {
        const s = await access.writer(req, MANAGE);
        const p = await itemFor(s, Number(pid));
        const b = parse(
          z.object({ version, lead_unit_id: id, assist_unit_ids: z.array(id).max(50).default([]), assigned_at: isoDate.optional(), reply_deadline: isoDate.optional() }).strict(),
          bodyOf(req),
          '交办',
        );
        const { version: v, ...a } = b;
        return versioned(await guard(() => store.assign(p.id, v, a, s.account.id, now())));
      },
    },
    {
      method: 'POST',
      pattern: write('reply'),
      handler: async (req, [pid]) => {
        const s = await access.writer(req, [...MANAGE, 'unit_officer']);
        const p = await itemFor(s, Number(pid));
        if (!(await leadsIt(s, p))) throw new HttpError(403, `only the lead unit (主办单位) or a supervisor answers ${p.number}`);
        const b = parse(z.object({ version, text: z.string().trim().min(1).max(20000), replied_at: isoDate.optional() }).strict(), bodyOf(req), '答复');
        return versioned(await guard(() => store.reply(p.id, b.version, { text: b.text, replied_at: b.replied_at }, s.account.id, now())));
      },
    },
    {
      method: 'POST',
      pattern: write('satisfaction'),
      handler: async (req, [pid]) => {
        const s = await access.writer(req, MANAGE);
        const p = await itemFor(s, Number(pid));
        const b = parse(z.object({ version, satisfaction: z.enum(SATISFACTIONS), at: isoDate.optional(), note: z.string().trim().max(2000).optional() }).strict(), bodyOf(req), '满意度');
        return versioned(await guard(() => store.rate(p.id, b.version, { satisfaction: b.satisfaction, at: b.at, note: b.note || undefined }, s.account.id, now())));
      },
    },
    {
      method: 'POST',
      pattern: write('follow-up'),
      handler: async (req, [pid]) => {
        const s = await access.writer(req, [...MANAGE, 'unit_officer']);
        const p = await itemFor(s, Number(pid));
        if (!(await leadsIt(s, p))) throw new HttpError(403, `only the lead unit (主办单位) or a supervisor records the follow-up of ${p.number}`);
        const b = parse(z.object({ version, note: z.string().trim().min(1).max(5000) }).strict(), bodyOf(req), '跟踪办理');
        return versioned(await guard(() => store.followUp(p.id, b.version, b.note, s.account.id, now())));
      },
    },
    {
      method: 'GET',
      // The public figures need a place: without this a visitor could not know which to ask for.
      pattern: /^\/api\/public\/proposals\/places$/,
      handler: async () => json(200, { ok: true, items: await store.places() }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/public\/proposals\/stats$/,
      handler: async (_req, _p, query, format) => statsAnswer(format, parseQuery(STATS_QUERY, query), 'proposal-stats'),
    },
  ];
}
