/**
 * 建议/提案 handling as pure rules: the statutory reply deadline, whether an
 * item was answered in time, and the figures a work report quotes
 * (办理人大代表建议97件、政协委员提案222件，满意率和办结率均达到100%),
 * computed from the items rather than typed in.
 *
 * Dates are calendar days (YYYY-MM-DD) in China Standard Time: a deadline is
 * met by a reply dated on or before it.
 */
import type { ProposalStats, ReplyMonths, StatsRow } from './schema.js';
import { KINDS, type ProposalKind, type ReplyStatus, type Satisfaction } from './vocab.js';

export * from './vocab.js';
export type { ProposalStats, ReplyMonths, StatsRow };

/** Both the 代表法 practice and CPPCC rules give three months from 交办. */
export const DEFAULT_REPLY_MONTHS: ReplyMonths = { suggestion: 3, proposal: 3 };
export const MAX_REPLY_MONTHS = 24;

const pad = (n: number) => String(n).padStart(2, '0');

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The calendar day of `now` in China (UTC+8), whatever the server's zone. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * `date` plus `months` calendar months. A day the target month lacks becomes
 * its last day (11-30 + 3 months → 02-28, or 02-29 in a leap year), so the
 * deadline never spills into the month after.
 */
export function addMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months must be a whole number ≥ 0, not ${months}`);
  const [y, m, d] = date.split('-').map(Number);
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function replyDeadline(assignedAt: string, kind: ProposalKind, months: ReplyMonths = DEFAULT_REPLY_MONTHS): string {
  return addMonths(assignedAt, months[kind]);
}

/** What the status of an item depends on. */
export interface ReplyFacts {
  assigned_at: string | null;
  reply_deadline: string | null;
  /** The first reply: the statutory deadline is about it, not a later one after 不满意. */
  replied_at: string | null;
}

/**
 * on_time: replied on or before the deadline; late: replied after it;
 * open_overdue: no reply and the deadline has passed by `asOf`;
 * open: no reply, still within the deadline; unassigned: not yet 交办.
 */
export function replyStatus(item: ReplyFacts, asOf: string): ReplyStatus {
  if (item.replied_at) return item.reply_deadline !== null && item.replied_at > item.reply_deadline ? 'late' : 'on_time';
  if (!item.assigned_at || !item.reply_deadline) return 'unassigned';
  return asOf > item.reply_deadline ? 'open_overdue' : 'open';
}

export interface StatItem extends ReplyFacts {
  year: number;
  kind: ProposalKind;
  /** 主办单位 */
  lead_unit_id: number | null;
  /** 会办单位 */
  assist_unit_ids: number[];
  satisfaction: Satisfaction | null;
}

export const UNASSIGNED_LABEL = '（未交办）';

export const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

function emptyRow(key: Pick<StatsRow, 'unit_id' | 'unit' | 'year' | 'kind'>): StatsRow {
  return {
    ...key, total: 0, replied: 0, replied_on_time: 0, replied_late: 0, open_overdue: 0, open: 0, unassigned: 0, completion_rate: null, on_time_rate: null,
    rated: 0, satisfied: 0, basically: 0, dissatisfied: 0, satisfaction_rate: null, fully_satisfied_rate: null, assisting: 0,
  };
}

function count(row: StatsRow, item: StatItem, asOf: string): void {
  row.total++;
  const s = replyStatus(item, asOf);
  if (s === 'on_time' || s === 'late') {
    row.replied++;
    if (s === 'on_time') row.replied_on_time++;
    else row.replied_late++;
    if (item.satisfaction) {
      row.rated++;
      row[item.satisfaction]++;
    }
  } else row[s]++;
}

function withRates(r: StatsRow): StatsRow {
  return {
    ...r,
    completion_rate: rate(r.replied, r.total),
    on_time_rate: rate(r.replied_on_time, r.total),
    satisfaction_rate: rate(r.satisfied + r.basically, r.rated),
    fully_satisfied_rate: rate(r.satisfied, r.rated),
  };
}

export function proposalStats(items: readonly StatItem[], units: readonly { id: number; name: string }[], asOf: string): ProposalStats {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const unitName = (id: number | null) => (id === null ? UNASSIGNED_LABEL : names.get(id) ?? `#${id}`);
  const byUnit = new Map<number | null, StatsRow>();
  const byGroup = new Map<string, StatsRow>();
  const total = emptyRow({ unit_id: null, unit: null, year: null, kind: null });
  const unitRow = (id: number | null) => {
    let r = byUnit.get(id);
    if (!r) byUnit.set(id, (r = emptyRow({ unit_id: id, unit: unitName(id), year: null, kind: null })));
    return r;
  };
  for (const item of items) {
    count(unitRow(item.lead_unit_id), item, asOf);
    const key = `${item.year}/${item.kind}`;
    let g = byGroup.get(key);
    if (!g) byGroup.set(key, (g = emptyRow({ unit_id: null, unit: null, year: item.year, kind: item.kind })));
    count(g, item, asOf);
    count(total, item, asOf);
    for (const a of new Set(item.assist_unit_ids)) if (a !== item.lead_unit_id) unitRow(a).assisting++;
  }
  const order = (id: number | null) => (id === null ? Infinity : id);
  return {
    as_of: asOf,
    units: [...byUnit.values()].sort((a, b) => order(a.unit_id) - order(b.unit_id)).map(withRates),
    groups: [...byGroup.values()].sort((a, b) => a.year! - b.year! || KINDS.indexOf(a.kind!) - KINDS.indexOf(b.kind!)).map(withRates),
    total: withRates(total),
  };
}
