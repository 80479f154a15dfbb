/**
 * 分工方案 import: a decomposition table (CSV in UTF-8 or GBK, or XLSX) with
 * the columns 任务 / 牵头单位 / 责任单位 / 时间节点 (and 分管领导). Each row updates the
 * draft task whose source sentence shares the most character bigrams with
 * it, or becomes a new task; units are found by name (missing ones are
 * created). Bad rows are reported and never stop the others.
 */
import { findHeader, normHeader, splitList } from '../tables/header.js';
import { parseDeadline } from './deadline.js';
import type { Unit, UnitRef } from '../accounts/schema.js';
import type { AccountStore } from '../accounts/store.js';
import { StaleVersion } from '../errors.js';
import type { PlanColumn, PlanImportResult, PlanRowResult } from './schema.js';
import type { LedgerStore, Task } from './store.js';

export type { PlanColumn, PlanImportResult, PlanRowResult };

const HEADERS: Record<string, PlanColumn> = {
  序号: 'seq', 编号: 'seq',
  任务: 'task', 工作任务: 'task', 重点任务: 'task', 主要任务: 'task', 任务内容: 'task', 重点工作: 'task', 工作内容: 'task',
  牵头单位: 'lead', 牵头部门: 'lead', 牵头: 'lead',
  责任单位: 'responsible', 配合单位: 'responsible', 协办单位: 'responsible', 责任部门: 'responsible', 配合部门: 'responsible', 协办部门: 'responsible',
  // 分管领导 / 分管市领导 / 责任领导 / 牵头领导: the leader in charge, a person's name (or several, 、-separated, kept as written).
  分管领导: 'leader', 分管市领导: 'leader', 分管县领导: 'leader', 分管区领导: 'leader', 分管省领导: 'leader', 责任领导: 'leader', 牵头领导: 'leader', 分管负责同志: 'leader',
  时间节点: 'deadline', 完成时限: 'deadline', 完成时间: 'deadline', 时限: 'deadline', 时间要求: 'deadline',
};

export function headerColumn(cell: string): PlanColumn | undefined {
  return HEADERS[normHeader(cell)];
}

/** Character bigrams of the text's letters and digits. */
export function bigrams(s: string): Set<string> {
  const t = s.replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

const shared = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** Share of the row's bigrams a source sentence must contain to match. */
export const MATCH_THRESHOLD = 0.5;

/** The task whose source sentence shares the most bigrams with `text` (ties: with its title), above the threshold. */
export function bestMatch(text: string, tasks: Task[]): { task: Task; score: number } | undefined {
  const row = bigrams(text);
  if (row.size === 0) return undefined;
  let best: { task: Task; n: number; title: number } | undefined;
  for (const t of tasks) {
    if (!t.source.sentence) continue;
    const n = shared(row, bigrams(t.source.sentence));
    if (n < Math.max(2, row.size * MATCH_THRESHOLD)) continue;
    const title = shared(row, bigrams(t.title));
    if (!best || n > best.n || (n === best.n && title > best.title)) best = { task: t, n, title };
  }
  return best && { task: best.task, score: Math.round((best.n / row.size) * 100) / 100 };
}

/** A deadline cell: an ISO or slashed date, or a phrase the deadline parser reads. */
export function deadlineCell(cell: string, year: number): string | undefined {
  const c = cell.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(c);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() === +m[2] - 1) return d.toISOString().slice(0, 10);
    return undefined;
  }
  return parseDeadline(c, year)?.date;
}

export async function importPlan(
  store: LedgerStore, accounts: AccountStore, table: string[][], where: { jurisdiction: string; year: number }, accountId: number | null, now: Date, filename: string,
): Promise<PlanImportResult> {
  const { at: headerAt, columns, problems, cols: col } = findHeader(table, HEADERS, 'task', '任务 (任务, 工作任务 or 重点任务)');
  const [taskCol] = col('task');
  const leadCols = col('lead');
  const respCols = col('responsible');
  const deadlineCols = col('deadline');
  const leaderCols = col('leader');

  const units = new Map((await accounts.listUnits()).map((u) => [u.name, u] as [string, Unit]));
  const createdUnits: UnitRef[] = [];
  const unitRef = async (name: string): Promise<UnitRef> => {
    const u = units.get(name);
    if (u) return { id: u.id, name, created: false };
    const nu = await accounts.createUnit(name, null, now);
    units.set(name, nu);
    const ref = { id: nu.id, name, created: true };
    createdUnits.push(ref);
    return ref;
  };

  let candidates = (await store.listTasks({ jurisdiction: where.jurisdiction, year: where.year })).filter((t) => t.state === 'draft' && t.source.sentence);
  const rows: PlanRowResult[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => !c.trim())) continue;
    const text = (cells[taskCol] ?? '').trim().replace(/\s+/g, ' ');
    const r: PlanRowResult = { row: i + 1, task: text, status: 'skipped', task_id: null, score: null, lead_unit: null, lead_leader: null, responsible_units: [], deadline: null, problems: [] };
    rows.push(r);
    if (!text) {
      r.problems.push('任务为空，本行未导入');
      continue;
    }
    try {
      const leadNames = leadCols.flatMap((c) => splitList(cells[c] ?? ''));
      const respNames = respCols.flatMap((c) => splitList(cells[c] ?? '')).filter((n) => !leadNames.slice(0, 1).includes(n));
      if (leadNames.length) r.lead_unit = await unitRef(leadNames[0]);
      // More than one lead unit: the others share the responsibility.
      for (const n of [...leadNames.slice(1), ...respNames]) if (!r.responsible_units.some((u) => u.name === n)) r.responsible_units.push(await unitRef(n));
      const dl = deadlineCols.map((c) => (cells[c] ?? '').trim()).find(Boolean);
      if (dl) {
        const d = deadlineCell(dl, where.year);
        if (d) r.deadline = d;
        else r.problems.push(`时间节点「${dl}」无法识别，期限保持不变`);
      }
      const leader = leaderCols.map((c) => (cells[c] ?? '').trim().replace(/\s+/g, ' ')).find(Boolean);
      if (leader) r.lead_leader = leader.slice(0, 50);
      const patch = {
        ...(r.lead_leader ? { lead_leader: r.lead_leader } : {}),
        ...(r.lead_unit ? { lead_unit_id: r.lead_unit.id } : {}),
        ...(r.responsible_units.length ? { responsible_unit_ids: r.responsible_units.map((u) => u.id) } : {}),
        ...(r.deadline ? { deadline: r.deadline } : {}),
      };
      const how = { action: 'import_plan', note: `分工方案 ${filename} 第${r.row}行` };
      const m = bestMatch(text, candidates);
      let task: Task;
      if (m) {
        r.score = m.score;
        candidates = candidates.filter((t) => t.id !== m.task.id);
        if (Object.keys(patch).length === 0) task = m.task;
        else {
          try {
            task = await store.updateTask(m.task.id, m.task.version, patch, accountId, now, how);
          } catch (e) {
            if (!(e instanceof StaleVersion)) throw e;
            r.status = 'conflict';
            r.task_id = m.task.id;
            r.problems.push(`任务 ${m.task.id} 已被他人修改，请重新导入`);
            continue;
          }
        }
        r.status = 'matched';
      } else {
        task = await store.createTask({ jurisdiction: where.jurisdiction, year: where.year, title: text, ...(r.deadline ? { deadline: r.deadline } : {}) }, accountId, now, how);
        if (r.lead_unit || r.lead_leader || r.responsible_units.length) task = await store.updateTask(task.id, task.version, { ...patch, deadline: undefined }, accountId, now, how);
        r.status = 'created';
      }
      r.task_id = task.id;
      r.deadline = task.deadline;
    } catch (e) {
      r.status = 'failed';
      r.problems.push((e as Error).message);
    }
  }
  if (rows.length === 0) problems.push('表头下没有数据行');
  return {
    columns, problems, created_units: createdUnits, rows,
    matched: rows.filter((r) => r.status === 'matched').length, created: rows.filter((r) => r.status === 'created').length,
    skipped: rows.filter((r) => r.status !== 'matched' && r.status !== 'created').length,
  };
}
