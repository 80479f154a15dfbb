/**
 * Ledger persistence over the reports' kysely database (migration 2). Tasks
 * are versioned records (src/records): every change is one transaction that
 * checks the version read, bumps it and appends to task_history; nothing is
 * deleted (archiving is a field). A stale version throws StaleVersion with
 * the task as `present` shows it.
 */
import type { Selectable } from 'kysely';
import { InvalidInput } from '../errors.js';
import { RecordStore, type Outcome, type Step, type Trx, type Writable } from '../records/versioned.js';
import type { ProgressReportsTable } from './rows.js';
import type { HistoryEntry, Notice, ProgressCreate, ProgressReport, Task, TaskCreate, TaskPatch } from './schema.js';
import { deadlineRow, insertTask, TASKS, tasksOf, writeTask, type TaskSet, type TaskSeed } from './task-rows.js';
import { nextState, type Action, type NoticeKind, type TaskState } from './workflow.js';

export type { HistoryEntry, Notice, ProgressReport, Task, TaskPatch };

/** A task to create: what a supervisor types, or what it was made from. */
export type NewTask = TaskCreate & Partial<Pick<TaskSeed, 'source_kind' | 'source_sentence' | 'document_id' | 'fact_id'>>;

export interface TaskFilter {
  jurisdiction?: string;
  year?: number;
  state?: TaskState;
  /** Only tasks where one of these units leads or is responsible. */
  unitIds?: number[];
  includeArchived?: boolean;
  includeDrafts?: boolean;
}

/** How the history names a step and what it notes, when not the default. */
export interface How {
  action?: string;
  note?: string | null;
}

/** A change's columns, its responsible units, and what the history says of it. */
export interface TaskChange {
  set: TaskSet;
  responsible?: readonly number[];
  outcome?: Outcome;
}

/** States in which a unit reports progress. */
const REPORTING: readonly TaskState[] = ['assigned', 'accepted', 'in_progress'];

export class LedgerStore extends RecordStore<Task> {
  constructor(
    store: Writable,
    /** The task as a stale writer is shown it (default: as stored). */
    present?: (t: Task) => unknown,
  ) {
    super(store, TASKS, present);
  }

  getTask(id: number): Promise<Task | undefined> {
    return this.records.find(id);
  }

  async listTasks(f: TaskFilter): Promise<Task[]> {
    let q = this.db.selectFrom('tasks').selectAll();
    if (f.jurisdiction) q = q.where('jurisdiction', '=', f.jurisdiction);
    if (f.year !== undefined) q = q.where('year', '=', f.year);
    if (f.state) q = q.where('state', '=', f.state);
    if (!f.includeArchived) q = q.where('archived', '=', 0);
    if (f.includeDrafts === false) q = q.where('state', '!=', 'draft');
    if (f.unitIds) {
      if (f.unitIds.length === 0) return [];
      const ids = f.unitIds;
      q = q.where((eb) => eb.or([eb('lead_unit_id', 'in', ids), eb('id', 'in', eb.selectFrom('task_units').select('task_id').where('unit_id', 'in', ids))]));
    }
    return tasksOf(this.db, await q.orderBy('id').execute());
  }

  async createTask(t: NewTask, accountId: number | null, now: Date, how: How = {}): Promise<Task> {
    return (await this.createTasks([t], accountId, now, how))[0];
  }

  /**
   * Several tasks in one transaction; `then` runs inside it, so whatever
   * links back to the new tasks commits with them or not at all.
   */
  async createTasks(list: readonly NewTask[], accountId: number | null, now: Date, how: How = {}, then?: (trx: Trx, tasks: Task[]) => Promise<void>): Promise<Task[]> {
    return this.records.transaction(async (trx) => {
      const out: Task[] = [];
      for (const { deadline, deadline_phrase, livelihood, ...rest } of list) {
        const when = deadline ? { deadline, deadline_rule: 'set by a supervisor' } : deadlineRow(deadline_phrase, rest.year);
        const id = await insertTask(trx, { ...rest, ...when, deadline_phrase: deadline_phrase ?? null, livelihood: livelihood ? 1 : 0 }, now);
        out.push(await this.created(trx, id, { accountId, action: how.action ?? 'create', note: how.note, now }));
      }
      if (then) await then(trx, out);
      return out;
    });
  }

  /** A task just inserted, with its first history entry (the whole task as `after`). */
  async created(trx: Trx, id: number, step: Step, extra: Record<string, unknown> = {}): Promise<Task> {
    const task = await this.records.get(id, trx);
    await this.records.append(trx, id, { ...step, after: { ...task, ...extra } });
    return task;
  }

  /** A change inside `trx` (see Records.update): its columns and units are written here. */
  edit(trx: Trx, id: number, version: number | undefined, step: Step, change: (t: Task) => Promise<TaskChange>): Promise<Task> {
    return this.records.update(trx, id, version, step, async (before) => {
      const c = await change(before);
      await writeTask(trx, before, c.set, c.responsible);
      return c.outcome;
    });
  }

  private change(id: number, version: number | undefined, step: Step, change: (t: Task, trx: Trx) => Promise<TaskChange>): Promise<Task> {
    return this.records.transaction((trx) => this.edit(trx, id, version, step, (t) => change(t, trx)));
  }

  async updateTask(id: number, version: number, patch: TaskPatch, accountId: number | null, now: Date, how: How = {}): Promise<Task> {
    const { livelihood, archived, deadline, responsible_unit_ids, ...same } = patch;
    const set: TaskSet = {
      ...same,
      ...(livelihood !== undefined ? { livelihood: livelihood ? 1 : 0 } : {}),
      ...(archived !== undefined ? { archived: archived ? 1 : 0 } : {}),
      ...(deadline !== undefined ? { deadline, deadline_rule: 'set by a supervisor' } : {}),
    };
    const responsible = responsible_unit_ids && [...new Set(responsible_unit_ids)];
    return this.change(id, version, { accountId, action: how.action ?? 'edit', note: how.note, now }, async () => ({ set, responsible }));
  }

  /** A workflow step (the caller has checked the role). */
  async act(id: number, version: number, action: Action, accountId: number | null, opts: { note?: string; deadline?: string }, now: Date): Promise<Task> {
    return this.change(id, version, { accountId, action, note: opts.note, now }, async (t) => {
      const set: TaskSet = { state: nextState(t.state, action, t.pending_extension !== null) };
      if (action === 'assign') {
        if (t.lead_unit_id === null) throw new InvalidInput('assign a lead unit (lead_unit_id) before 交办');
        set.assigned_at = now.toISOString();
      }
      if (action === 'close') set.closed_at = now.toISOString();
      if (action === 'request_extension') {
        if (!opts.deadline) throw new InvalidInput('an extension request needs the new deadline');
        if (opts.deadline <= t.deadline) throw new InvalidInput(`the new deadline must be after ${t.deadline}`);
        Object.assign(set, { pending_deadline: opts.deadline, extension_reason: opts.note ?? null });
      }
      if (action === 'approve_extension') Object.assign(set, { deadline: t.pending_extension!.deadline, deadline_rule: 'extension approved', pending_deadline: null, extension_reason: null });
      if (action === 'refuse_extension') Object.assign(set, { pending_deadline: null, extension_reason: null });
      return { set };
    });
  }

  async addProgress(id: number, version: number | undefined, p: ProgressCreate, account: { id: number; unit_id: number | null }, now: Date): Promise<{ task: Task; report: ProgressReport }> {
    let report: ProgressReport | undefined;
    const task = await this.change(id, version, { accountId: account.id, action: 'progress', note: p.narrative, now }, async (t, trx) => {
      if (!REPORTING.includes(t.state)) throw new InvalidInput(`progress cannot be reported on a task that is ${t.state}`);
      // The row as stored, as the task's progress list reads it: no second query to read it back.
      const row = await trx
        .insertInto('progress_reports')
        .values({ task_id: id, account_id: account.id, unit_id: account.unit_id, report_date: p.report_date, narrative: p.narrative, figure: p.figure, evidence_json: JSON.stringify(p.evidence), internal: p.internal ? 1 : 0, created_at: now.toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      report = progressOfRow(row);
      // 进展情况 is the latest report by date (a report may be filed for an earlier date than the last one).
      const latest = await trx.selectFrom('progress_reports').select('narrative').where('task_id', '=', id).orderBy('report_date', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      // Reporting progress on an accepted task starts it (办理).
      return { set: { last_progress_at: now.toISOString(), progress_text: latest.narrative, ...(p.figure !== null ? { progress_figure: p.figure } : {}), ...(t.state === 'accepted' ? { state: 'in_progress' as const } : {}) } };
    });
    return { task, report: report! };
  }

  /** A task's progress reports by date; `publicOnly`: only those the public may read (filtered by the query, not after it). */
  async progress(taskId: number, o: { publicOnly?: boolean } = {}): Promise<ProgressReport[]> {
    if (!o.publicOnly) return (await this.progressOf([taskId])).get(taskId)!;
    const rows = await this.db.selectFrom('progress_reports').selectAll().where('task_id', '=', taskId).where('internal', '=', 0).orderBy('report_date').orderBy('id').execute();
    return rows.map(progressOfRow);
  }

  /**
   * A task's latest `n` progress reports (oldest first) and how many it has: one query, so PostgreSQL
   * makes one round trip, not two. The reports are read backwards along the (task_id, report_date, id)
   * index (migration 26), `n` rows and no more; the count is a subquery of its own, run once. (A window,
   * `count(*) over ()`, counted the same rows but made both engines read every report of the task in
   * full before the limit: a task with thousands of reports cost that on every read of its detail.)
   * `publicOnly`: only the reports the public may read.
   */
  async latestProgress(taskId: number, n: number, o: { publicOnly?: boolean } = {}): Promise<{ reports: ProgressReport[]; total: number }> {
    // The public's count is of the reports it may read: internal ones are neither shown nor counted.
    const rows = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .select((eb) =>
        eb.selectFrom('progress_reports as c').select(eb.fn.countAll<number>().as('n')).where('c.task_id', '=', taskId).$if(!!o.publicOnly, (c) => c.where('c.internal', '=', 0)).as('total'),
      )
      .where('task_id', '=', taskId)
      .$if(!!o.publicOnly, (q) => q.where('internal', '=', 0))
      .orderBy('report_date', 'desc')
      .orderBy('id', 'desc')
      .limit(n)
      .execute();
    return { reports: rows.reverse().map(({ total: _, ...r }) => progressOfRow(r)), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** The progress reports of many tasks (the draft review reads a whole ledger), each task's by date; ids bound in chunks. */
  async progressOf(taskIds: readonly number[]): Promise<Map<number, ProgressReport[]>> {
    const out = new Map<number, ProgressReport[]>(taskIds.map((id) => [id, []]));
    for (let i = 0; i < taskIds.length; i += 1000) {
      const rows = await this.db.selectFrom('progress_reports').selectAll().where('task_id', 'in', taskIds.slice(i, i + 1000)).orderBy('report_date').orderBy('id').execute();
      for (const r of rows.map(progressOfRow)) out.get(r.task_id)!.push(r);
    }
    return out;
  }

  /**
   * Per task, the figure of its latest progress report the public may see: a
   * figure given only in an internal report stays inside the office.
   */
  async publicFigures(taskIds: readonly number[]): Promise<Map<number, number | null>> {
    const out = new Map<number, number | null>(taskIds.map((id) => [id, null]));
    for (let i = 0; i < taskIds.length; i += 1000) {
      const rows = await this.db
        .selectFrom('progress_reports')
        .select(['task_id', 'figure'])
        .where('task_id', 'in', taskIds.slice(i, i + 1000))
        .where('internal', '=', 0)
        .where('figure', 'is not', null)
        .orderBy('report_date')
        .orderBy('id')
        .execute();
      for (const r of rows) out.set(Number(r.task_id), Number(r.figure));
    }
    return out;
  }

  /** A task's steps, oldest first: all of them, or only some kinds. */
  async historyOf(taskId: number, o: { actions?: readonly string[] } = {}): Promise<HistoryEntry[]> {
    const q = this.historyQuery(taskId);
    // Kinds are sorted here, not by SQL: asked to order by id, SQLite walks the task's whole history in id
    // order rather than look up the few steps of these kinds by the (task_id, action) index (migration 25).
    const rows = o.actions ? (await q.where('h.action', 'in', [...o.actions]).execute()).sort((a, b) => Number(a.id) - Number(b.id)) : await q.orderBy('h.id').execute();
    return rows.map(historyEntry);
  }

  /** A task's latest `n` steps (oldest first) and how many it has, in one query as latestProgress (the count a subquery, not a window). */
  async latestHistory(taskId: number, n: number): Promise<{ entries: HistoryEntry[]; total: number }> {
    const rows = await this.historyQuery(taskId)
      .select((eb) => eb.selectFrom('task_history as c').where('c.task_id', '=', taskId).select(eb.fn.countAll<number>().as('n')).as('total'))
      .orderBy('h.id', 'desc')
      .limit(n)
      .execute();
    return { entries: rows.reverse().map(historyEntry), total: rows.length ? Number(rows[0].total) : 0 };
  }

  private historyQuery(taskId: number) {
    return this.db
      .selectFrom('task_history as h')
      .leftJoin('accounts as a', 'a.id', 'h.account_id')
      .select(['h.id', 'h.task_id', 'h.account_id', 'a.name', 'h.action', 'h.at', 'h.before_json', 'h.after_json', 'h.note'])
      .where('h.task_id', '=', taskId);
  }

  /** 催办 to each unit of the task, or a leader's 批示; recorded in the history too. */
  async notice(taskId: number, kind: NoticeKind, text: string, accountId: number, now: Date): Promise<Notice[]> {
    return this.records.transaction(async (trx) => {
      const task = await this.records.get(taskId, trx);
      const units = kind === 'urge' ? [...new Set([task.lead_unit_id, ...task.responsible_unit_ids].filter((u): u is number => u !== null))] : [task.lead_unit_id];
      const out: Notice[] = [];
      const at = now.toISOString();
      for (const unit of units.length ? units : [null]) {
        const r = await trx.insertInto('notices').values({ task_id: taskId, unit_id: unit, account_id: accountId, kind, text, at, read_at: null }).returning('id').executeTakeFirstOrThrow();
        out.push({ id: Number(r.id), task_id: taskId, unit_id: unit, account_id: accountId, kind, text, at, read_at: null });
      }
      await this.records.append(trx, taskId, { accountId, action: kind, note: text, now });
      return out;
    });
  }

  async notices(f: { taskId?: number; unitIds?: number[] }): Promise<Notice[]> {
    let q = this.db.selectFrom('notices').selectAll();
    if (f.taskId !== undefined) q = q.where('task_id', '=', f.taskId);
    if (f.unitIds) {
      if (f.unitIds.length === 0) return [];
      q = q.where('unit_id', 'in', f.unitIds);
    }
    return (await q.orderBy('id').execute()).map((r) => ({
      id: Number(r.id), task_id: Number(r.task_id), unit_id: r.unit_id === null ? null : Number(r.unit_id), account_id: r.account_id === null ? null : Number(r.account_id),
      kind: r.kind, text: r.text, at: r.at, read_at: r.read_at,
    }));
  }
}

function historyEntry(r: { id: number | bigint; task_id: number | bigint; account_id: number | bigint | null; name: string | null; action: string; at: string; before_json: string | null; after_json: string | null; note: string | null }): HistoryEntry {
  const json = (s: string | null): Partial<Task> | null => (s ? (JSON.parse(s) as Partial<Task>) : null);
  return {
    id: Number(r.id), task_id: Number(r.task_id), account_id: r.account_id === null ? null : Number(r.account_id), account_name: r.name ?? null,
    action: r.action, at: r.at, before: json(r.before_json), after: json(r.after_json), note: r.note,
  };
}

function progressOfRow(r: Selectable<ProgressReportsTable>): ProgressReport {
  return {
    id: Number(r.id), task_id: Number(r.task_id), account_id: r.account_id === null ? null : Number(r.account_id), unit_id: r.unit_id === null ? null : Number(r.unit_id),
    report_date: r.report_date, narrative: r.narrative, figure: r.figure === null ? null : Number(r.figure), evidence: JSON.parse(r.evidence_json) as string[],
    internal: Number(r.internal) === 1, created_at: r.created_at,
  };
}
