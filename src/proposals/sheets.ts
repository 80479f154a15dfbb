/**
 * 建议/提案 as spreadsheets offices file: the list and the figures with
 * Chinese column names, rates as percentages and 合计 last.
 */
import type { Unit } from '../accounts/schema.js';
import { KIND_LABELS, REPLY_STATUS_LABELS, SATISFACTION_LABELS, type ProposalKind, type ProposalStats, type StatsRow } from './rules.js';
import type { ProposalView } from './schema.js';
import { col, type Column } from '../export/table.js';

export type Sheet = Record<string, string | number | null>;

/** The figures' Chinese column names, in the order of the CSV and XLSX. */
export const STATS_COLUMNS: [keyof StatsRow, string][] = [
  ['unit', '承办单位'], ['year', '年度'], ['kind', '类型'], ['total', '件数'], ['replied', '已答复（办结）'], ['replied_on_time', '按期答复'],
  ['replied_late', '逾期答复'], ['open_overdue', '逾期未答复'], ['open', '办理中'], ['unassigned', '未交办'], ['completion_rate', '办结率'],
  ['on_time_rate', '按期办结率'], ['rated', '已测评'], ['satisfied', '满意'], ['basically', '基本满意'], ['dissatisfied', '不满意'],
  ['satisfaction_rate', '满意率'], ['fully_satisfied_rate', '满意占比'], ['assisting', '会办件数'],
];

/** Each figure's Chinese name, for the JSON answer's `labels`. */
export const STATS_LABELS = Object.fromEntries(STATS_COLUMNS) as Record<keyof StatsRow, string>;

export const LIST_COLUMNS = ['编号', '类型', '年度', '标题', '提出人', '主办单位', '会办单位', '交办日期', '答复期限', '答复日期', '办理情况', '满意度', '测评日期', '跟踪办理'] as const;

const RATES = new Set<keyof StatsRow>(['completion_rate', 'on_time_rate', 'satisfaction_rate', 'fully_satisfied_rate']);

/** The figures' sheet columns: counts as numbers, rates as fractions a spreadsheet shows as percents. */
export const STATS_SHEET: readonly Column<Sheet>[] = STATS_COLUMNS.map(([k, label]) =>
  col(label, label, k, k === 'unit' || k === 'kind' || k === 'year' ? {} : { type: RATES.has(k) ? 'percent' : 'number' }),
);

/** Rows of the figures per 承办单位 (`unit`) or per year and kind, 合计 last. */
export function statsSheet(s: ProposalStats, group: 'unit' | 'year_kind', filter: { year?: number; kind?: ProposalKind }): Sheet[] {
  const lines = group === 'unit' ? s.units : s.groups;
  const row = (r: StatsRow, unit: string): Sheet => {
    const out: Sheet = {};
    for (const [k, label] of STATS_COLUMNS) {
      if (k === 'unit') out[label] = unit;
      else if (k === 'year') out[label] = r.year ?? filter.year ?? '全部';
      else if (k === 'kind') out[label] = r.kind ? KIND_LABELS[r.kind] : filter.kind ? KIND_LABELS[filter.kind] : '建议、提案';
      else if (RATES.has(k)) out[label] = r[k] as number | null;
      else out[label] = r[k] as number;
    }
    return out;
  };
  return [...lines.map((r) => row(r, r.unit ?? '全部')), row(s.total, '合计')];
}

/** The list, one row per item, with unit names. */
export function listSheet(items: readonly ProposalView[], units: readonly Unit[]): Sheet[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const unit = (u: number | null) => (u === null ? '' : names.get(u) ?? `#${u}`);
  return items.map((p) => ({
    编号: p.number, 类型: KIND_LABELS[p.kind], 年度: p.year, 标题: p.title, 提出人: p.proposers.join('、'), 主办单位: unit(p.lead_unit_id),
    会办单位: p.assist_unit_ids.map(unit).join('、'), 交办日期: p.assigned_at ?? '', 答复期限: p.reply_deadline ?? '', 答复日期: p.replied_at ?? '',
    办理情况: REPLY_STATUS_LABELS[p.reply_status], 满意度: p.satisfaction ? SATISFACTION_LABELS[p.satisfaction] : '', 测评日期: p.satisfaction_at ?? '', 跟踪办理: p.follow_up ?? '',
  }));
}
