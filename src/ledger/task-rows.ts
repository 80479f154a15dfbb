/**
 * Tasks between their rows and their records: reading a task (its row and
 * units), writing a new one, writing a change, and the history table. The
 * store (store.ts), merges and splits (restructure.ts) and generation
 * (generate.ts) all go through these.
 */
import type { Updateable } from 'kysely';
import type { Db, HistoryEntryInput, RecordKind, Trx } from '../records/versioned.js';
import { deadlineFor } from './deadline.js';
import type { TasksTable, TaskUnitsTable } from './rows.js';
import type { Task } from './schema.js';

type TaskRow = Omit<TasksTable, 'id'> & { id: number };
type UnitRow = Pick<TaskUnitsTable, 'unit_id' | 'role'>;

/** Columns a change may set. */
export type TaskSet = Updateable<Omit<TasksTable, 'id' | 'version' | 'updated_at'>>;

/** Columns a new task may be given; the rest start as a draft's (no units, no progress, version 1). */
type Seedable = Omit<TasksTable, 'id' | 'state' | 'lead_unit_id' | 'progress_figure' | 'progress_text' | 'last_progress_at' | 'assigned_at' | 'closed_at' | 'pending_deadline' | 'extension_reason' | 'unit_note' | 'archived' | 'version' | 'created_at' | 'updated_at'>;
export type TaskSeed = Pick<Seedable, 'jurisdiction' | 'year' | 'title' | 'deadline' | 'deadline_rule'> & Partial<Seedable>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function taskOf(r: TaskRow, units: readonly UnitRow[]): Task {
  return {
    id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), document_id: num(r.document_id), fact_id: num(r.fact_id),
    source_kind: r.source_kind, title: r.title,
    source: { sentence: r.source_sentence, start: num(r.source_start), end: num(r.source_end), file_start: num(r.source_file_start), file_end: num(r.source_file_end) },
    indicator: r.indicator, figure: { value: num(r.figure_value), unit: r.figure_unit, text: r.figure_text }, firmness: r.firmness,
    livelihood: Number(r.livelihood) === 1, deadline: r.deadline, deadline_phrase: r.deadline_phrase, deadline_rule: r.deadline_rule,
    state: r.state, lead_unit_id: num(r.lead_unit_id), lead_leader: r.lead_leader ?? null,
    responsible_unit_ids: units.filter((u) => u.role === 'responsible').map((u) => Number(u.unit_id)).sort((a, b) => a - b),
    progress_figure: num(r.progress_figure), progress_text: r.progress_text ?? null, last_progress_at: r.last_progress_at, assigned_at: r.assigned_at, closed_at: r.closed_at,
    pending_extension: r.pending_deadline ? { deadline: r.pending_deadline, reason: r.extension_reason } : null,
    unit_note: r.unit_note, internal_note: r.internal_note, archived: Number(r.archived) === 1, version: Number(r.version),
    created_at: r.created_at, updated_at: r.updated_at,
  };
}

/**
 * One task with its responsible units in one query (a row per unit): a task is
 * read several times per request that changes it, and on PostgreSQL each
 * query is a round trip.
 */
export async function loadTask(db: Db, id: number): Promise<Task | undefined> {
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('task_units as u', (j) => j.onRef('u.task_id', '=', 't.id').on('u.role', '=', 'responsible'))
    .selectAll('t')
    .select('u.unit_id as responsible_unit_id')
    .where('t.id', '=', id)
    .execute();
  if (rows.length === 0) return undefined;
  const units = rows.flatMap((r) => (r.responsible_unit_id === null ? [] : [{ unit_id: r.responsible_unit_id, role: 'responsible' as const }]));
  return taskOf(rows[0], units);
}

/** Tasks of these rows, with their units read in one query. */
/** Ids per query: SQLite allows 32,766 bound values in one statement, PostgreSQL 65,535; a ledger may hold more tasks. */
const IDS_PER_QUERY = 1000;

export async function tasksOf(db: Db, rows: TaskRow[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const units: (UnitRow & { task_id: number })[] = [];
  for (let i = 0; i < rows.length; i += IDS_PER_QUERY) {
    const ids = rows.slice(i, i + IDS_PER_QUERY).map((r) => Number(r.id));
    units.push(...(await db.selectFrom('task_units').select(['task_id', 'unit_id', 'role']).where('task_id', 'in', ids).execute()));
  }
  const byTask = new Map<number, UnitRow[]>();
  for (const u of units) byTask.set(Number(u.task_id), [...(byTask.get(Number(u.task_id)) ?? []), u]);
  return rows.map((r) => taskOf(r, byTask.get(Number(r.id)) ?? []));
}

/** The deadline read from the report's phrase, else the end of the plan year. */
export function deadlineRow(phrase: string | null | undefined, year: number): Pick<TasksTable, 'deadline' | 'deadline_rule'> {
  const d = deadlineFor(phrase, year);
  return { deadline: d.date, deadline_rule: d.rule };
}

/** A new draft task; its id. */
export async function insertTask(trx: Trx, seed: TaskSeed, now: Date): Promise<number> {
  const at = now.toISOString();
  const r = await trx
    .insertInto('tasks')
    .values({
      document_id: null, fact_id: null, source_kind: 'manual', source_sentence: null, source_start: null, source_end: null, source_file_start: null, source_file_end: null,
      indicator: null, figure_value: null, figure_unit: null, figure_text: null, firmness: null, livelihood: 0, deadline_phrase: null, internal_note: null, lead_leader: null,
      ...seed,
      state: 'draft', lead_unit_id: null, progress_figure: null, progress_text: null, last_progress_at: null, assigned_at: null, closed_at: null,
      pending_deadline: null, extension_reason: null, unit_note: null, archived: 0, version: 1, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The lead unit and the responsible units of a task, replacing what it had. */
export async function setUnits(trx: Trx, id: number, lead: number | null, responsible: readonly number[]): Promise<void> {
  await trx.deleteFrom('task_units').where('task_id', '=', id).execute();
  const rows: TaskUnitsTable[] = [...(lead !== null ? [{ task_id: id, unit_id: lead, role: 'lead' as const }] : []), ...responsible.filter((u) => u !== lead).map((u) => ({ task_id: id, unit_id: u, role: 'responsible' as const }))];
  if (rows.length) await trx.insertInto('task_units').values(rows).execute();
  await trx.updateTable('tasks').set({ lead_unit_id: lead }).where('id', '=', id).execute();
}

/** A change's columns, and its units when either the lead or the responsible units change. */
export async function writeTask(trx: Trx, before: Task, set: TaskSet, responsible?: readonly number[]): Promise<void> {
  const { lead_unit_id: lead, ...rest } = set;
  if (Object.keys(rest).length) await trx.updateTable('tasks').set(rest).where('id', '=', before.id).execute();
  if (responsible || lead !== undefined) await setUnits(trx, before.id, lead !== undefined ? lead : before.lead_unit_id, responsible ?? before.responsible_unit_ids);
}

async function log(trx: Trx, id: number, e: HistoryEntryInput): Promise<void> {
  await trx
    .insertInto('task_history')
    .values({ task_id: id, account_id: e.accountId, action: e.action, at: e.at, before_json: e.before ? JSON.stringify(e.before) : null, after_json: e.after ? JSON.stringify(e.after) : null, note: e.note })
    .execute();
}

export const TASKS: RecordKind<Task> = { table: 'tasks', noun: 'task', load: loadTask, log };
