/**
 * Ledger persistence over the same kysely database as the reports (migration
 * 2). Every change to a task is one transaction that bumps its version and
 * appends to task_history; nothing is deleted (archiving is a field).
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import { reviewRange } from '../check/index.js';
import { fromStored } from '../check/adapters.js';
import type { FactRecord, Repository } from '../store/repository.js';
import type { Database, TasksTable } from '../store/schema.js';
import { deadlineFor } from './deadline.js';
import type { HistoryEntry, Notice, ProgressReport, Task } from './types.js';
import type { Role } from '../accounts/roles.js';
import { AccountStore, type Unit } from '../accounts/store.js';
import { nextState, type Action, type TaskState } from './workflow.js';

export type { HistoryEntry, Notice, ProgressReport, Task };

/** Fields a supervisor may edit. */
export interface TaskPatch {
  title?: string;
  indicator?: string | null;
  figure_value?: number | null;
  figure_unit?: string | null;
  firmness?: 'hard' | 'soft' | 'neutral' | null;
  livelihood?: boolean;
  deadline?: string;
  lead_unit_id?: number | null;
  responsible_unit_ids?: number[];
  unit_note?: string | null;
  internal_note?: string | null;
  archived?: boolean;
}

export interface NewTask {
  jurisdiction: string;
  year: number;
  title: string;
  deadline?: string;
  deadline_phrase?: string | null;
  indicator?: string | null;
  figure_value?: number | null;
  figure_unit?: string | null;
  firmness?: 'hard' | 'soft' | 'neutral' | null;
  livelihood?: boolean;
  internal_note?: string | null;
  /** Where it came from when not typed in (default manual). */
  source_kind?: string;
  source_sentence?: string | null;
  document_id?: number | null;
  fact_id?: number | null;
}

export type Versioned<T> = { ok: true; task: T } | { ok: false; current: Task };

export class NotFound extends Error {
  override readonly name = 'NotFound';
}

type TaskRow = TasksTable & { id: number };
type TaskSet = Updateable<Omit<TasksTable, 'id'>>;

function taskOf(r: TaskRow, units: { unit_id: number; role: string }[]): Task {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), document_id: num(r.document_id), fact_id: num(r.fact_id),
    source_kind: r.source_kind, title: r.title,
    source: { sentence: r.source_sentence, start: num(r.source_start), end: num(r.source_end), file_start: num(r.source_file_start), file_end: num(r.source_file_end) },
    indicator: r.indicator, figure: { value: num(r.figure_value), unit: r.figure_unit, text: r.figure_text }, firmness: r.firmness,
    livelihood: Number(r.livelihood) === 1, deadline: r.deadline, deadline_phrase: r.deadline_phrase, deadline_rule: r.deadline_rule,
    state: r.state as TaskState, lead_unit_id: num(r.lead_unit_id),
    responsible_unit_ids: units.filter((u) => u.role === 'responsible').map((u) => Number(u.unit_id)).sort((a, b) => a - b),
    progress_figure: num(r.progress_figure), last_progress_at: r.last_progress_at, assigned_at: r.assigned_at, closed_at: r.closed_at,
    pending_extension: r.pending_deadline ? { deadline: r.pending_deadline, reason: r.extension_reason } : null,
    unit_note: r.unit_note, internal_note: r.internal_note, archived: Number(r.archived) === 1, version: Number(r.version),
    created_at: r.created_at, updated_at: r.updated_at,
  };
}

/** Only the fields that differ, before and after. */
function diff(before: Task, after: Task): { before: Partial<Task>; after: Partial<Task> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof Task)[]) {
    if (k === 'updated_at') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b as Partial<Task>, after: a as Partial<Task> };
}

export interface TaskFilter {
  jurisdiction?: string;
  year?: number;
  state?: TaskState;
  /** Only tasks where one of these units leads or is responsible. */
  unitIds?: number[];
  includeArchived?: boolean;
  includeDrafts?: boolean;
}

export class LedgerStore {
  readonly db: Kysely<Database>;
  readonly accounts: AccountStore;
  constructor(readonly repo: Repository) {
    this.db = repo.db;
    this.accounts = new AccountStore(repo.db);
  }

  // --- tasks ----------------------------------------------------------------------

  private async load(db: Kysely<Database> | Transaction<Database>, id: number): Promise<Task | undefined> {
    const r = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const units = await db.selectFrom('task_units').select(['unit_id', 'role']).where('task_id', '=', id).execute();
    return taskOf(r as TaskRow, units);
  }

  async getTask(id: number): Promise<Task | undefined> {
    return this.load(this.db, id);
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
    const rows = (await q.orderBy('id').execute()) as TaskRow[];
    if (rows.length === 0) return [];
    const units = await this.db.selectFrom('task_units').select(['task_id', 'unit_id', 'role']).where('task_id', 'in', rows.map((r) => Number(r.id))).execute();
    const byTask = new Map<number, { unit_id: number; role: string }[]>();
    for (const u of units) byTask.set(Number(u.task_id), [...(byTask.get(Number(u.task_id)) ?? []), u]);
    return rows.map((r) => taskOf(r, byTask.get(Number(r.id)) ?? []));
  }

  private async history(trx: Transaction<Database>, taskId: number, accountId: number | null, action: string, before: Partial<Task> | null, after: Partial<Task> | null, note: string | null, now: Date): Promise<void> {
    await trx
      .insertInto('task_history')
      .values({ task_id: taskId, account_id: accountId, action, at: now.toISOString(), before_json: before ? JSON.stringify(before) : null, after_json: after ? JSON.stringify(after) : null, note })
      .execute();
  }

  async createTask(t: NewTask, accountId: number | null, now: Date, how: { action?: string; note?: string | null } = {}): Promise<Task> {
    return (await this.createTasks([t], accountId, now, how))[0];
  }

  /**
   * Several tasks in one transaction; `then` runs inside it, so whatever
   * links back to the new tasks commits with them or not at all.
   */
  async createTasks(
    list: readonly NewTask[],
    accountId: number | null,
    now: Date,
    how: { action?: string; note?: string | null } = {},
    then?: (trx: Transaction<Database>, tasks: Task[]) => Promise<void>,
  ): Promise<Task[]> {
    return this.db.transaction().execute(async (trx) => {
      const out: Task[] = [];
      for (const t of list) {
        const id = await this.insertTask(trx, {
          jurisdiction: t.jurisdiction, year: t.year, document_id: t.document_id ?? null, fact_id: t.fact_id ?? null, source_kind: t.source_kind ?? 'manual', title: t.title,
          source_sentence: t.source_sentence ?? null, source_start: null, source_end: null, source_file_start: null, source_file_end: null,
          indicator: t.indicator ?? null, figure_value: t.figure_value ?? null, figure_unit: t.figure_unit ?? null, figure_text: null,
          firmness: t.firmness ?? null, livelihood: t.livelihood ? 1 : 0, deadline_phrase: t.deadline_phrase ?? null,
          ...(t.deadline ? { deadline: t.deadline, deadline_rule: 'set by a supervisor' } : deadlineRow(t.deadline_phrase, t.year)),
          internal_note: t.internal_note ?? null,
        }, now);
        const task = (await this.load(trx, id))!;
        await this.history(trx, id, accountId, how.action ?? 'create', null, task, how.note ?? null, now);
        out.push(task);
      }
      if (then) await then(trx, out);
      return out;
    });
  }

  private async insertTask(trx: Transaction<Database>, v: Omit<TasksTable, 'id' | 'state' | 'lead_unit_id' | 'progress_figure' | 'last_progress_at' | 'assigned_at' | 'closed_at' | 'pending_deadline' | 'extension_reason' | 'unit_note' | 'archived' | 'version' | 'created_at' | 'updated_at'>, now: Date): Promise<number> {
    const at = now.toISOString();
    const r = await trx
      .insertInto('tasks')
      .values({
        ...v, state: 'draft', lead_unit_id: null, progress_figure: null, last_progress_at: null, assigned_at: null, closed_at: null,
        pending_deadline: null, extension_reason: null, unit_note: null, archived: 0, version: 1, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /**
   * Draft tasks from a stored plan report: its targets and the commitments of
   * its plan part. Facts already in the ledger are skipped, so running it
   * again adds only what is new.
   */
  async generate(documentId: number, accountId: number | null, now: Date): Promise<{ created: Task[]; skipped: number }> {
    const doc = await this.repo.getDocument(documentId);
    if (!doc) throw new NotFound(`no document with id ${documentId}`);
    if (!doc.jurisdiction || !doc.report_year) throw new NotFound(`document ${documentId} has no known jurisdiction and year`);
    const year = doc.report_year;
    const review = reviewRange(fromStored(doc));
    const existing = new Set(
      (await this.db.selectFrom('tasks').select('fact_id').where('document_id', '=', documentId).execute()).map((r) => Number(r.fact_id)),
    );
    const targets = doc.facts.filter((f) => f.fact === 'target');
    const seen = new Set(targets.map((t) => t.text));
    const picked: FactRecord[] = [...targets];
    for (const c of doc.facts.filter((f) => f.fact === 'commitment')) {
      const d = c.data as { livelihood?: boolean; names?: string[] };
      if (seen.has(c.text)) continue;
      // Results of the year under review are not tasks.
      if (c.start >= review.start && c.start < review.end && review.end < doc.text.length) continue;
      if (c.value === null && !d.livelihood && !(d.names ?? []).length) continue;
      seen.add(c.text);
      picked.push(c);
    }
    let skipped = 0;
    const created = await this.db.transaction().execute(async (trx) => {
      const out: Task[] = [];
      for (const f of picked) {
        if (existing.has(f.id)) {
          skipped++;
          continue;
        }
        const d = f.data as { sentence?: string; deadline?: string; firmness?: string; livelihood?: boolean };
        const id = await this.insertTask(trx, {
          jurisdiction: doc.jurisdiction!, year, document_id: documentId, fact_id: f.id, source_kind: f.fact, title: f.text,
          source_sentence: d.sentence ?? f.text, source_start: f.start, source_end: f.end, source_file_start: f.source_start,
          source_file_end: f.source_end, indicator: f.indicator, figure_value: f.value, figure_unit: f.unit,
          figure_text: f.value === null ? null : `${f.qualifier === 'at_least' ? '≥' : f.qualifier === 'at_most' ? '≤' : f.qualifier === 'about' ? '≈' : ''}${f.value}${f.value_max !== null ? '–' + f.value_max : ''}${f.unit ?? ''}`,
          firmness: d.firmness ?? null, livelihood: d.livelihood ? 1 : 0, deadline_phrase: d.deadline ?? null, ...deadlineRow(d.deadline, year),
          internal_note: null,
        }, now);
        const task = (await this.load(trx, id))!;
        await this.history(trx, id, accountId, 'generate', null, task, `from document ${documentId}, ${f.fact} ${f.id}`, now);
        out.push(task);
      }
      return out;
    });
    return { created, skipped };
  }

  /**
   * Applies `change` to the task if it is still at `version`; otherwise
   * answers with the current task and changes nothing.
   */
  private async change(
    id: number, version: number | undefined, accountId: number | null, action: string, note: string | null, now: Date,
    change: (trx: Transaction<Database>, task: Task) => Promise<TaskSet & { responsible?: number[] }>,
  ): Promise<Versioned<Task>> {
    try {
      return { ok: true as const, task: await this.db.transaction().execute((trx) => this.changeIn(trx, id, version, accountId, action, note, now, change)) };
    } catch (e) {
      if (e instanceof StaleVersion) return { ok: false as const, current: (await this.load(this.db, e.taskId))! };
      throw e;
    }
  }

  /** `change` inside a transaction; throws StaleVersion (rolling it back) when the task is not at `version`. */
  private async changeIn(
    trx: Transaction<Database>, id: number, version: number | undefined, accountId: number | null, action: string, note: string | null, now: Date,
    change: (trx: Transaction<Database>, task: Task) => Promise<TaskSet & { responsible?: number[] }>,
    extra: Partial<Record<string, unknown>> = {},
  ): Promise<Task> {
    const before = await this.load(trx, id);
    if (!before) throw new NotFound(`no task with id ${id}`);
    if (version !== undefined && before.version !== version) throw new StaleVersion(id);
    const { responsible, ...set } = await change(trx, before);
    const res = await trx
      .updateTable('tasks')
      .set({ ...set, version: before.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new StaleVersion(id);
    if (responsible || set.lead_unit_id !== undefined) {
      const lead = set.lead_unit_id !== undefined ? set.lead_unit_id : before.lead_unit_id;
      const resp = responsible ?? before.responsible_unit_ids;
      await trx.deleteFrom('task_units').where('task_id', '=', id).execute();
      const rows = [...(lead !== null ? [{ task_id: id, unit_id: lead, role: 'lead' }] : []), ...resp.filter((u) => u !== lead).map((u) => ({ task_id: id, unit_id: u, role: 'responsible' }))];
      if (rows.length) await trx.insertInto('task_units').values(rows).execute();
    }
    const after = (await this.load(trx, id))!;
    const d = diff(before, after);
    await this.history(trx, id, accountId, action, d.before, { ...d.after, ...extra } as Partial<Task>, note, now);
    return after;
  }

  /**
   * 合并: `fromIds` are archived with a pointer to the survivor `id`, which
   * takes over their units; their progress and history stay where they are.
   * All tasks must be at the given versions (undefined: any), or nothing changes.
   */
  async merge(id: number, version: number, fromIds: number[], fromVersions: Map<number, number>, accountId: number | null, now: Date): Promise<Versioned<Task>> {
    try {
      const task = await this.db.transaction().execute(async (trx) => {
        const survivor = await this.load(trx, id);
        if (!survivor) throw new NotFound(`no task with id ${id}`);
        if (survivor.version !== version) throw new StaleVersion(id);
        const others: Task[] = [];
        for (const f of fromIds) {
          const t = await this.load(trx, f);
          if (!t) throw new NotFound(`no task with id ${f}`);
          if (fromVersions.has(f) && fromVersions.get(f) !== t.version) throw new StaleVersion(f);
          if (t.archived) throw new WorkflowInputError(`task ${f} is archived`);
          if (t.jurisdiction !== survivor.jurisdiction || t.year !== survivor.year) throw new WorkflowInputError(`task ${f} belongs to another ledger (${t.jurisdiction} ${t.year})`);
          others.push(t);
        }
        if (survivor.archived) throw new WorkflowInputError(`task ${id} is archived`);
        for (const t of others) {
          await this.changeIn(trx, t.id, t.version, accountId, 'merged_into', `merged into task ${id}`, now, async () => ({ archived: 1 }), { merged_into: id });
        }
        const units = new Set(survivor.responsible_unit_ids);
        for (const t of others) for (const u of [t.lead_unit_id, ...t.responsible_unit_ids]) if (u !== null && u !== survivor.lead_unit_id) units.add(u);
        return this.changeIn(trx, id, version, accountId, 'merge', `merged tasks ${fromIds.join(', ')} into this one`, now, async () => ({ responsible: [...units].sort((a, b) => a - b) }), { merged_from: fromIds });
      });
      return { ok: true, task };
    } catch (e) {
      if (e instanceof StaleVersion) return { ok: false, current: (await this.load(this.db, e.taskId))! };
      throw e;
    }
  }

  /** 拆分: new tasks with the original's source, units and deadline; the original is archived with pointers to them. */
  async split(id: number, version: number, titles: string[], accountId: number | null, now: Date): Promise<Versioned<{ original: Task; created: Task[] }>> {
    try {
      const r = await this.db.transaction().execute(async (trx) => {
        const o = await this.load(trx, id);
        if (!o) throw new NotFound(`no task with id ${id}`);
        if (o.version !== version) throw new StaleVersion(id);
        if (o.archived) throw new WorkflowInputError(`task ${id} is archived`);
        const row = (await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as TaskRow;
        const created: Task[] = [];
        for (const title of titles) {
          const nid = await this.insertTask(trx, {
            jurisdiction: row.jurisdiction, year: row.year, document_id: row.document_id, fact_id: row.fact_id, source_kind: row.source_kind, title,
            source_sentence: row.source_sentence, source_start: row.source_start, source_end: row.source_end, source_file_start: row.source_file_start,
            source_file_end: row.source_file_end, indicator: row.indicator, figure_value: null, figure_unit: null, figure_text: null, firmness: row.firmness,
            livelihood: row.livelihood, deadline: row.deadline, deadline_phrase: row.deadline_phrase, deadline_rule: row.deadline_rule, internal_note: null,
          }, now);
          const unitRows = [...(o.lead_unit_id !== null ? [{ task_id: nid, unit_id: o.lead_unit_id, role: 'lead' }] : []), ...o.responsible_unit_ids.map((u) => ({ task_id: nid, unit_id: u, role: 'responsible' }))];
          if (unitRows.length) await trx.insertInto('task_units').values(unitRows).execute();
          if (o.lead_unit_id !== null) await trx.updateTable('tasks').set({ lead_unit_id: o.lead_unit_id }).where('id', '=', nid).execute();
          const t = (await this.load(trx, nid))!;
          await this.history(trx, nid, accountId, 'split_from', null, { ...t, split_from: id } as Partial<Task>, `split from task ${id}`, now);
          created.push(t);
        }
        const ids = created.map((t) => t.id);
        const original = await this.changeIn(trx, id, version, accountId, 'split', `split into tasks ${ids.join(', ')}`, now, async () => ({ archived: 1 }), { split_into: ids });
        return { original, created };
      });
      return { ok: true, task: r };
    } catch (e) {
      if (e instanceof StaleVersion) return { ok: false, current: (await this.load(this.db, e.taskId))! };
      throw e;
    }
  }

  /** Pointers recorded by merges and splits, read back from the history. */
  async links(taskId: number): Promise<{ merged_into: number | null; merged_from: number[]; split_into: number[]; split_from: number | null }> {
    const out = { merged_into: null as number | null, merged_from: [] as number[], split_into: [] as number[], split_from: null as number | null };
    for (const h of await this.historyOf(taskId)) {
      const a = (h.after ?? {}) as Record<string, unknown>;
      if (h.action === 'merged_into') out.merged_into = Number(a.merged_into);
      if (h.action === 'merge') out.merged_from.push(...(a.merged_from as number[]));
      if (h.action === 'split') out.split_into.push(...(a.split_into as number[]));
      if (h.action === 'split_from') out.split_from = Number(a.split_from);
    }
    return out;
  }

  async updateTask(id: number, version: number, patch: TaskPatch, accountId: number | null, now: Date, how: { action?: string; note?: string | null } = {}): Promise<Versioned<Task>> {
    return this.change(id, version, accountId, how.action ?? 'edit', how.note ?? null, now, async () => {
      const set: TaskSet & { responsible?: number[] } = {};
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.indicator !== undefined) set.indicator = patch.indicator;
      if (patch.figure_value !== undefined) set.figure_value = patch.figure_value;
      if (patch.figure_unit !== undefined) set.figure_unit = patch.figure_unit;
      if (patch.firmness !== undefined) set.firmness = patch.firmness;
      if (patch.livelihood !== undefined) set.livelihood = patch.livelihood ? 1 : 0;
      if (patch.deadline !== undefined) Object.assign(set, { deadline: patch.deadline, deadline_rule: 'set by a supervisor' });
      if (patch.lead_unit_id !== undefined) set.lead_unit_id = patch.lead_unit_id;
      if (patch.responsible_unit_ids !== undefined) set.responsible = [...new Set(patch.responsible_unit_ids)];
      if (patch.unit_note !== undefined) set.unit_note = patch.unit_note;
      if (patch.internal_note !== undefined) set.internal_note = patch.internal_note;
      if (patch.archived !== undefined) set.archived = patch.archived ? 1 : 0;
      return set;
    });
  }

  /** A workflow step (the caller has checked the role). */
  async act(id: number, version: number, action: Action, accountId: number | null, opts: { note?: string; deadline?: string }, now: Date): Promise<Versioned<Task>> {
    return this.change(id, version, accountId, action, opts.note ?? null, now, async (_trx, t) => {
      const to = nextState(t.state, action, t.pending_extension !== null);
      const set: TaskSet = { state: to };
      if (action === 'assign') {
        if (t.lead_unit_id === null) throw new WorkflowInputError('assign a lead unit (lead_unit_id) before 交办');
        set.assigned_at = now.toISOString();
      }
      if (action === 'close') set.closed_at = now.toISOString();
      if (action === 'request_extension') {
        if (!opts.deadline) throw new WorkflowInputError('an extension request needs the new deadline');
        if (opts.deadline <= t.deadline) throw new WorkflowInputError(`the new deadline must be after ${t.deadline}`);
        set.pending_deadline = opts.deadline;
        set.extension_reason = opts.note ?? null;
      }
      if (action === 'approve_extension') Object.assign(set, { deadline: t.pending_extension!.deadline, deadline_rule: 'extension approved', pending_deadline: null, extension_reason: null });
      if (action === 'refuse_extension') Object.assign(set, { pending_deadline: null, extension_reason: null });
      return set;
    });
  }

  async addProgress(
    id: number, version: number | undefined, p: { report_date: string; narrative: string; figure: number | null; evidence: string[]; internal: boolean },
    account: { id: number; unit_id: number | null }, now: Date,
  ): Promise<Versioned<{ task: Task; report: ProgressReport }>> {
    let reportId = 0;
    const res = await this.change(id, version, account.id, 'progress', p.narrative, now, async (trx, t) => {
      if (!['assigned', 'accepted', 'in_progress'].includes(t.state)) throw new WorkflowInputError(`progress cannot be reported on a task that is ${t.state}`);
      const r = await trx
        .insertInto('progress_reports')
        .values({ task_id: id, account_id: account.id, unit_id: account.unit_id, report_date: p.report_date, narrative: p.narrative, figure: p.figure, evidence_json: JSON.stringify(p.evidence), internal: p.internal ? 1 : 0, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      reportId = Number(r.id);
      // Reporting progress on an accepted task starts it (办理).
      return { last_progress_at: now.toISOString(), ...(p.figure !== null ? { progress_figure: p.figure } : {}), ...(t.state === 'accepted' ? { state: 'in_progress' } : {}) };
    });
    if (!res.ok) return res;
    const report = (await this.progress(id)).find((r) => r.id === reportId)!;
    return { ok: true, task: { task: res.task, report } };
  }

  async progress(taskId: number): Promise<ProgressReport[]> {
    const rows = await this.db.selectFrom('progress_reports').selectAll().where('task_id', '=', taskId).orderBy('report_date').orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id), task_id: Number(r.task_id), account_id: r.account_id === null ? null : Number(r.account_id), unit_id: r.unit_id === null ? null : Number(r.unit_id),
      report_date: r.report_date, narrative: r.narrative, figure: r.figure === null ? null : Number(r.figure), evidence: JSON.parse(r.evidence_json),
      internal: Number(r.internal) === 1, created_at: r.created_at,
    }));
  }

  async historyOf(taskId: number): Promise<HistoryEntry[]> {
    const rows = await this.db
      .selectFrom('task_history as h')
      .leftJoin('accounts as a', 'a.id', 'h.account_id')
      .select(['h.id', 'h.task_id', 'h.account_id', 'a.name', 'h.action', 'h.at', 'h.before_json', 'h.after_json', 'h.note'])
      .where('h.task_id', '=', taskId)
      .orderBy('h.id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id), task_id: Number(r.task_id), account_id: r.account_id === null ? null : Number(r.account_id), account_name: r.name ?? null,
      action: r.action, at: r.at, before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null, note: r.note,
    }));
  }

  /** 催办 to each unit of the task, or a leader's 批示; recorded in the history too. */
  async notice(taskId: number, kind: 'urge' | 'instruction', text: string, accountId: number, now: Date): Promise<Notice[]> {
    return this.db.transaction().execute(async (trx) => {
      const task = await this.load(trx, taskId);
      if (!task) throw new NotFound(`no task with id ${taskId}`);
      const units = kind === 'urge' ? [...new Set([task.lead_unit_id, ...task.responsible_unit_ids].filter((u): u is number => u !== null))] : [task.lead_unit_id];
      const out: Notice[] = [];
      for (const unit of units.length ? units : [null]) {
        const r = await trx.insertInto('notices').values({ task_id: taskId, unit_id: unit, account_id: accountId, kind, text, at: now.toISOString(), read_at: null }).returning('id').executeTakeFirstOrThrow();
        out.push({ id: Number(r.id), task_id: taskId, unit_id: unit, account_id: accountId, kind, text, at: now.toISOString(), read_at: null });
      }
      await this.history(trx, taskId, accountId, kind, null, null, text, now);
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
      kind: r.kind as Notice['kind'], text: r.text, at: r.at, read_at: r.read_at,
    }));
  }
}

class StaleVersion extends Error {
  override readonly name = 'StaleVersion';
  constructor(readonly taskId: number) {
    super(`task ${taskId} changed meanwhile`);
  }
}

export class WorkflowInputError extends Error {
  override readonly name = 'WorkflowInputError';
}

function deadlineRow(phrase: string | null | undefined, year: number): { deadline: string; deadline_rule: string } {
  const d = deadlineFor(phrase, year);
  return { deadline: d.date, deadline_rule: d.rule };
}

