/**
 * What the ledger shows: lights on tasks, the public view, the dashboard,
 * the monthly progress table and the year-end comparison. Pure functions of
 * stored rows, the rules and the time.
 */
import type { CheckItem, Scorecard } from '../check/index.js';
import { deadlineInstant } from './deadline.js';
import { computeLight, type Light, type LightResult, type LightRules } from './lights.js';
import type { Unit } from '../accounts/schema.js';
import { INTERNAL_TASK_FIELDS, type LitTask, type ProgressReport, type ProgressRow, type PublicProgress, type PublicTask, type Task, type UnitDashboard, type YearEndFlag, type YearEndRow as YearEndRowSchema } from './schema.js';
import { col, type Column } from '../export/table.js';
import { labelOf, LIGHT_COLOURS, LIGHT_LABELS, LIGHTS, STATE_LABELS } from '../vocab.js';

export type { LitTask, ProgressRow, UnitDashboard, YearEndFlag };

export function lightOf(t: Task, rules: LightRules, now: Date): LightResult {
  return computeLight(
    { state: t.state, deadline: t.deadline, assignedAt: t.assigned_at, lastProgressAt: t.last_progress_at, figureTarget: t.figure.value, figureReached: t.progress_figure },
    rules,
    now,
  );
}

export function withLight(t: Task, rules: LightRules, now: Date): LitTask {
  const l = lightOf(t, rules, now);
  return { ...t, light: l.light, light_reasons: l.reasons, overdue: l.overdue };
}

/** A task without the fields only signed-in accounts see. */
export function publicTask(t: LitTask): PublicTask {
  const out: Record<string, unknown> & LitTask = { ...t };
  for (const k of Object.keys(INTERNAL_TASK_FIELDS)) delete out[k];
  return out;
}

/** Progress reports for the public: not the internal ones, not who wrote them. */
export function publicProgress(reports: ProgressReport[]): PublicProgress[] {
  return reports.filter((r) => !r.internal).map(({ report_date, narrative, figure, unit_id }) => ({ report_date, narrative, figure, unit_id }));
}

export function dashboard(tasks: Task[], units: Unit[], rules: LightRules, now: Date): { totals: Record<Light, number> & { total: number }; units: UnitDashboard[] } {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = new Map<number | null, UnitDashboard>();
  const totals = { total: 0, green: 0, yellow: 0, red: 0 };
  for (const t of tasks) {
    if (t.archived || t.state === 'draft') continue;
    const l = lightOf(t, rules, now);
    const key = t.lead_unit_id;
    const row = rows.get(key) ?? { unit_id: key, unit: key === null ? '（未分配）' : names.get(key) ?? `#${key}`, total: 0, green: 0, yellow: 0, red: 0, closed: 0, closed_on_time: 0, overdue_open: 0, completion_rate: null, on_time_rate: null };
    row.total++;
    if (l.light) {
      row[l.light]++;
      totals[l.light]++;
    }
    totals.total++;
    if (t.state === 'closed') {
      row.closed++;
      if (t.closed_at && Date.parse(t.closed_at) <= deadlineInstant(t.deadline).getTime()) row.closed_on_time++;
    } else if (l.overdue) row.overdue_open++;
    rows.set(key, row);
  }
  const out = [...rows.values()].map((r) => ({
    ...r,
    completion_rate: r.total ? round(r.closed / r.total) : null,
    on_time_rate: r.closed + r.overdue_open ? round(r.closed_on_time / (r.closed + r.overdue_open)) : null,
  }));
  out.sort((a, b) => (a.unit_id ?? Infinity) - (b.unit_id ?? Infinity));
  return { totals, units: out };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The 台账's columns, in the same places in every sheet, page and group. */
export const PROGRESS_COLUMNS: readonly Column<ProgressRow>[] = [
  col('seq', '序号', 'no.', { type: 'number' }),
  col('id', '任务编号', 'task id', { type: 'number' }),
  col('title', '任务', 'task', { type: 'long' }),
  col('lead_unit', '牵头单位', 'lead unit'),
  col('lead_leader', '分管领导', 'leader in charge'),
  col('responsible_units', '责任单位', 'responsible units'),
  col('deadline', '时间节点', 'deadline'),
  col('progress', '进展情况', 'progress', { type: 'long' }),
  col('state', '状态', 'state', { labels: STATE_LABELS }),
  col('light', '亮灯', 'light', { labels: LIGHT_LABELS, fills: LIGHT_COLOURS }),
];

/** The 台账 rows of tasks: the progress each shows is its latest report's words up to `until` (YYYY-MM-DD), else the latest of all. */
export function ledgerRows(tasks: Task[], units: Unit[], rules: LightRules, now: Date, progress: (t: Task) => string = (t) => t.progress_text ?? ''): ProgressRow[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  return tasks.map((t, i) => ({
    seq: i + 1,
    id: t.id,
    title: t.title,
    lead_unit: t.lead_unit_id === null ? '' : names.get(t.lead_unit_id) ?? '',
    lead_leader: t.lead_leader ?? '',
    responsible_units: t.responsible_unit_ids.map((u) => names.get(u) ?? `#${u}`).join('、'),
    deadline: t.deadline,
    progress: progress(t),
    state: t.state,
    light: lightOf(t, rules, now).light,
  }));
}

/** The monthly progress table: the latest report up to the end of `month` (YYYY-MM) for each task. */
export function progressTable(tasks: Task[], units: Unit[], reports: Map<number, ProgressReport[]>, rules: LightRules, now: Date, month?: string): ProgressRow[] {
  const until = month ? `${month}-31` : '9999-12-31';
  const open = tasks.filter((t) => !t.archived && t.state !== 'draft');
  return ledgerRows(open, units, rules, now, (t) => {
    const latest = (reports.get(t.id) ?? []).filter((r) => r.report_date <= until).at(-1);
    return latest ? `${latest.report_date}：${latest.narrative}${latest.figure !== null ? `（已完成 ${latest.figure}${t.figure.unit ?? ''}）` : ''}` : '';
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The table to print: the lights as background colours (kept when printing), the same columns as the XLSX. */
export function progressHtml(title: string, rows: ProgressRow[]): string {
  const head = PROGRESS_COLUMNS.map((c) => `<th>${escapeHtml(c.head[0])}</th>`).join('');
  const cell = (r: ProgressRow, c: Column<ProgressRow>) => {
    const v = r[c.key];
    const text = v === null ? '' : c.labels ? labelOf(c.labels, String(v)) : String(v);
    return c.key === 'light' && v ? `<td class="light-${v}">${escapeHtml(text)}</td>` : `<td>${escapeHtml(text)}</td>`;
  };
  const body = rows.map((r) => `<tr>${PROGRESS_COLUMNS.map((c) => cell(r, c)).join('')}</tr>`).join('\n');
  const lights = LIGHTS.map((l) => `.light-${l}{background:#${LIGHT_COLOURS[l]}}`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:"SimSun","Songti SC",serif;margin:2em}h1{text-align:center;font-size:20pt}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:4px 6px;vertical-align:top;font-size:11pt}
th{background:#eee}${lights}
@media print{body{margin:0}tr{page-break-inside:avoid}th,td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
</style></head>
<body><h1>${escapeHtml(title)}</h1>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}

/** The schema's row with the check module's own verdict and evidence types. */
export type YearEndRow = Omit<YearEndRowSchema, 'verdict' | 'evidence'> & { verdict: CheckItem['verdict'] | null; evidence: NonNullable<CheckItem['evidence']> | null };

/** Each task beside the next report's verdict on the same promise. */
export function yearEnd(tasks: Task[], card: Scorecard): YearEndRow[] {
  const planId = card.plan_report.id;
  return tasks
    .filter((t) => !t.archived)
    .map((t) => {
      let item: CheckItem | undefined;
      let by: YearEndRow['matched_by'] = null;
      if (t.document_id !== null && t.document_id === planId && t.source.start !== null) {
        item = card.items.find((i) => i.plan_span.start === t.source.start && i.plan_span.end === t.source.end);
        if (item) by = 'offsets';
      }
      if (!item) {
        item = card.items.find((i) => i.commitment === t.title || (t.source.sentence !== null && i.commitment === t.source.sentence));
        if (item) by = 'text';
      }
      const verdict = item?.verdict ?? null;
      const flag: YearEndFlag | null = verdict === 'met' && t.state !== 'closed' ? 'unfinished_but_met' : verdict === 'missed' && t.state === 'closed' ? 'closed_but_missed' : null;
      return { task_id: t.id, title: t.title, state: t.state, verdict, rule: item?.rule ?? null, evidence: item?.evidence ?? null, matched_by: by, flag };
    });
}
