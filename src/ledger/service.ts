/**
 * The 督办 ledger as the API offers it: who may see and change which task,
 * tasks with their lights as of now, and the steps of the workflow. The
 * routes (src/server/routes/ledger) validate requests and call these; every
 * refusal is a domain error from src/errors.ts carrying its status.
 */
import type { Session } from '../accounts/store.js';
import type { AccountStore } from '../accounts/store.js';
import { msg } from '../messages.js';
import { ruledScorecard } from '../rulings/scorecard.js';
import { BadRequest, Forbidden, InvalidInput, NotFound, TooLarge } from '../errors.js';
import { findReport, type Repository } from '../store/repository.js';
import { readTable } from '../tables/read.js';
import { generate } from './generate.js';
import { lightRules, type LightRules } from './lights.js';
import { importPlan, type PlanImportResult } from './plan-import.js';
import { LINK_ACTIONS, linksOf, merge, split } from './restructure.js';
import type { LitTask, Notice, ProgressCreate, ProgressReport, ProgressRow, PublicProgress, PublicTask, Task, TaskCreate, TaskDetail, TaskPatch } from './schema.js';
import { DETAIL_HISTORY, DETAIL_PROGRESS } from './schema.js';
import { LedgerStore, type TaskFilter } from './store.js';
import { dashboard, ledgerRows, progressTable, publicProgress, publicTask, withLight, yearEnd, type YearEndFlag } from './views.js';
import { availableActions, isAction, mayTake, type NoticeKind, type TaskState } from './workflow.js';
import type { Light } from './lights.js';

/** The largest 分工方案 file read. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

export interface TaskQuery {
  jurisdiction?: string;
  year?: number;
  state?: TaskState;
  light?: Light;
  unit_id?: number;
}

/** One ledger: a place and its plan year. */
type LedgerKey = { jurisdiction: string; year: number };

export class Ledger {
  readonly store: LedgerStore;
  readonly rules: LightRules;
  constructor(
    readonly repo: Repository,
    readonly accounts: AccountStore,
    readonly now: () => Date,
    rules?: Partial<LightRules>,
  ) {
    this.rules = lightRules(rules);
    // A stale writer is shown the task as every answer shows it: with its light.
    this.store = new LedgerStore(repo, (t) => this.lit(t));
  }

  lit(t: Task): LitTask {
    return withLight(t, this.rules, this.now());
  }

  /** The task, if this account may see it: a unit officer sees the tasks of their units. */
  async taskFor(s: Session, id: number): Promise<Task> {
    // Independent reads asked together: on PostgreSQL each waits its turn for a pooled connection.
    const [t, units] = await Promise.all([this.store.getTask(id), this.accounts.scope(s.account)]);
    if (!t) throw new NotFound(msg('ledger.no_task', { id }));
    if (units && ![t.lead_unit_id, ...t.responsible_unit_ids].some((u) => u !== null && units.includes(u))) throw new Forbidden(msg('ledger.not_your_unit', { id }));
    return t;
  }

  /** The tasks of a ledger this account may see (all when `s` is undefined). */
  async tasks(s: Session | undefined, q: Pick<TaskFilter, 'jurisdiction' | 'year' | 'includeDrafts'>): Promise<Task[]> {
    const unitIds = s ? await this.accounts.scope(s.account) : undefined;
    return this.store.listTasks({ ...q, unitIds });
  }

  async list(s: Session, q: TaskQuery): Promise<LitTask[]> {
    return (await this.tasks(s, q))
      .map((t) => this.lit(t))
      .filter((t) => (!q.state || t.state === q.state) && (!q.light || t.light === q.light))
      .filter((t) => !q.unit_id || t.lead_unit_id === q.unit_id || t.responsible_unit_ids.includes(q.unit_id));
  }

  async create(s: Session, t: TaskCreate): Promise<LitTask> {
    return this.lit(await this.store.createTask(t, s.account.id, this.now()));
  }

  async detail(s: Session, id: number): Promise<TaskDetail> {
    const t = await this.taskFor(s, id);
    const [progress, history, linkSteps, notices] = await Promise.all([
      this.store.latestProgress(t.id, DETAIL_PROGRESS),
      this.store.latestHistory(t.id, DETAIL_HISTORY),
      this.store.historyOf(t.id, { actions: LINK_ACTIONS }),
      this.store.notices({ taskId: t.id }),
    ]);
    return {
      task: this.lit(t),
      actions: availableActions(t.state, s.account.role, t.pending_extension !== null),
      progress: progress.reports,
      progress_total: progress.total,
      history: history.entries,
      history_total: history.total,
      links: linksOf(linkSteps),
      notices,
    };
  }

  async history(s: Session, id: number) {
    return this.store.historyOf((await this.taskFor(s, id)).id);
  }

  /** Every progress report of a task, by date (the detail carries the latest DETAIL_PROGRESS). */
  async progressReports(s: Session, id: number): Promise<ProgressReport[]> {
    return this.store.progress((await this.taskFor(s, id)).id);
  }

  /** Supervisors change any field; a unit officer only the unit's note. */
  async update(s: Session, id: number, version: number, patch: TaskPatch): Promise<LitTask> {
    const t = await this.taskFor(s, id);
    if (s.account.role === 'unit_officer') {
      const other = Object.keys(patch).filter((k) => k !== 'unit_note');
      if (other.length) throw new Forbidden(msg('ledger.officer_fields', { fields: other.join(', ') }));
    }
    const named = [patch.lead_unit_id, ...(patch.responsible_unit_ids ?? [])].filter((u): u is number => typeof u === 'number');
    if (named.length) {
      const units = new Set((await this.accounts.listUnits()).map((u) => u.id));
      for (const u of named) if (!units.has(u)) throw new InvalidInput(`no unit with id ${u}`);
    }
    return this.lit(await this.store.updateTask(t.id, version, patch, s.account.id, this.now()));
  }

  /** A workflow step; the role decides which steps an account may take. */
  async act(s: Session, id: number, action: string, b: { version: number; note?: string; deadline?: string }): Promise<LitTask> {
    if (!isAction(action)) throw new NotFound(`no such action: ${action}`);
    if (!mayTake(s.account.role, action)) throw new Forbidden(`a ${s.account.role} may not ${action}`);
    const t = await this.taskFor(s, id);
    return this.lit(await this.store.act(t.id, b.version, action, s.account.id, { note: b.note, deadline: b.deadline }, this.now()));
  }

  async progress(s: Session, id: number, version: number | undefined, p: ProgressCreate): Promise<{ task: LitTask; report: ProgressReport }> {
    const t = await this.taskFor(s, id);
    const r = await this.store.addProgress(t.id, version, p, { id: s.account.id, unit_id: s.account.unit_id }, this.now());
    return { task: this.lit(r.task), report: r.report };
  }

  async notice(s: Session, id: number, kind: NoticeKind, text: string): Promise<Notice[]> {
    const t = await this.taskFor(s, id);
    return this.store.notice(t.id, kind, text, s.account.id, this.now());
  }

  async notices(s: Session, taskId?: number): Promise<Notice[]> {
    return this.store.notices({ taskId, unitIds: await this.accounts.scope(s.account) });
  }

  async generate(s: Session, from: { document_id: number } | { jurisdiction: string; year: number }): Promise<{ document_id: number; created: Task[]; skipped: number }> {
    let docId: number;
    if ('document_id' in from) docId = from.document_id;
    else {
      const d = await findReport(this.repo, from.jurisdiction, from.year);
      if (!d) throw new NotFound(msg('report.none', { place: from.jurisdiction, year: from.year }));
      docId = d.id;
    }
    return { document_id: docId, ...(await generate(this.store, this.repo, docId, s.account.id, this.now())) };
  }

  async importPlan(s: Session, bytes: Uint8Array, q: { filename: string; jurisdiction: string; year: number }): Promise<PlanImportResult> {
    if (bytes.length === 0) throw new BadRequest('send the 分工方案 file (CSV or XLSX) as the request body');
    if (bytes.length > MAX_PLAN_BYTES) throw new TooLarge('the 分工方案 file is larger than 10 MiB');
    const table = await readTable(bytes, q.filename);
    return importPlan(this.store, this.accounts, table, { jurisdiction: q.jurisdiction, year: q.year }, s.account.id, this.now(), q.filename);
  }

  async merge(s: Session, id: number, b: { version: number; from: number[]; from_versions?: number[] }): Promise<LitTask> {
    const t = await this.taskFor(s, id);
    if (b.from.includes(t.id)) throw new BadRequest('invalid merge: from: distinct tasks other than the survivor', [{ field: 'from', message: 'distinct tasks other than the survivor' }]);
    const versions = new Map(b.from_versions ? b.from.map((f, i) => [f, b.from_versions![i]] as [number, number]) : []);
    return this.lit(await merge(this.store, t.id, b.version, b.from, versions, s.account.id, this.now()));
  }

  async split(s: Session, id: number, b: { version: number; titles: string[] }): Promise<{ task: LitTask; created: LitTask[] }> {
    const t = await this.taskFor(s, id);
    const r = await split(this.store, t.id, b.version, b.titles, s.account.id, this.now());
    return { task: this.lit(r.original), created: r.created.map((c) => this.lit(c)) };
  }

  /** The lights of a ledger per lead unit. */
  async dashboard(s: Session, q: LedgerKey): Promise<ReturnType<typeof dashboard>> {
    return dashboard(await this.tasks(s, q), await this.accounts.listUnits(), this.rules, this.now());
  }

  /** Tasks as the 台账's rows (the tasks' CSV and XLSX). */
  async sheet(tasks: Task[]): Promise<ProgressRow[]> {
    return ledgerRows(tasks, await this.accounts.listUnits(), this.rules, this.now());
  }

  /** The monthly progress table (进展情况表) with its title. */
  async progressTable(s: Session, q: LedgerKey & { month?: string }): Promise<{ title: string; rows: ProgressRow[] }> {
    const tasks = await this.tasks(s, q);
    const reports = new Map<number, ProgressReport[]>();
    for (const t of tasks) reports.set(t.id, await this.store.progress(t.id));
    const rows = progressTable(tasks, await this.accounts.listUnits(), reports, this.rules, this.now(), q.month);
    return { title: `${q.jurisdiction}${q.year}年重点工作任务${q.month ? `（截至${q.month}）` : ''}进展情况表`, rows };
  }

  /** Each task beside the next year's report's verdict on the same promise. */
  async yearEnd(s: Session, q: LedgerKey) {
    // Reviewers' rulings, where given, are the verdicts tasks are held against.
    const card = await ruledScorecard(this.repo, q.jurisdiction, q.year);
    const rows = yearEnd(await this.tasks(s, q), card);
    const count = (flag: YearEndFlag) => rows.filter((r) => r.flag === flag).length;
    return { plan_report: card.plan_report, review_report: card.review_report, flags: { unfinished_but_met: count('unfinished_but_met'), closed_but_missed: count('closed_but_missed') }, items: rows };
  }

  /** What anyone may read: published tasks (not drafts, not archived) without internal fields. */
  async publicTasks(q: LedgerKey): Promise<PublicTask[]> {
    const tasks = await this.store.listTasks({ ...q, includeDrafts: false });
    const figures = await this.store.publicFigures(tasks.map((t) => t.id));
    // The figure (and the light it feeds) come from public progress reports only.
    return tasks.map((t) => publicTask(this.lit({ ...t, progress_figure: figures.get(t.id) ?? null })));
  }

  /** A published task with its latest DETAIL_PROGRESS public progress reports, as the signed-in detail carries its latest. */
  async publicTask(id: number): Promise<{ task: PublicTask; progress: PublicProgress[]; progress_total: number }> {
    const t = await this.publishedTask(id);
    const latest = await this.store.latestProgress(t.id, DETAIL_PROGRESS, { publicOnly: true });
    // The figure is the latest public one: among the reports just read if one of them gives a figure,
    // else perhaps in an older report than those shown, which only a second query can find.
    const shown = [...latest.reports].reverse().find((r) => r.figure !== null);
    const figure = shown ? shown.figure : latest.total > latest.reports.length ? ((await this.store.publicFigures([t.id])).get(t.id) ?? null) : null;
    return { task: publicTask(this.lit({ ...t, progress_figure: figure })), progress: publicProgress(latest.reports), progress_total: latest.total };
  }

  /** Every public progress report of a published task, by date. */
  async publicProgressReports(id: number): Promise<PublicProgress[]> {
    return publicProgress(await this.store.progress((await this.publishedTask(id)).id, { publicOnly: true }));
  }

  private async publishedTask(id: number): Promise<Task> {
    const t = await this.store.getTask(id);
    if (!t || t.archived || t.state === 'draft') throw new NotFound(`no published task with id ${id}`);
    return t;
  }
}
