/**
 * The 督办 ledger's records, defined once: each field's rule is written in
 * `fields` and every shape (the task the API answers with, what a
 * supervisor may create or change, progress reports, history, notices…) is
 * built from it. TypeScript types come by `z.infer`; the routes validate
 * requests and generate the OpenAPI document from the same schemas.
 */
import { z } from '@hono/zod-openapi';
import { Count, countsOf, HistoryBase, Id, importReport, Instant, IsoDate, Jurisdiction, PlaceYear, UnitIds, Version, versionedRecord } from '../records/fields.js';
import { UnitRef } from '../accounts/schema.js';
import { ACTIONS, FIRMNESS, LIGHTS, NOTICE_KINDS, SOURCE_KINDS, STATES } from './workflow.js';

const Note = z.string().max(5000);
const Offset = z.number().int().nullable();

/** A task's own fields as a supervisor types them; the shapes below pick from these. */
const fields = z.object({
  ...PlaceYear,
  title: z.string().trim().min(1).max(2000),
  /** YYYY-MM-DD: the last day it may be finished on. */
  deadline: IsoDate,
  /** The report's words for the deadline (年内, 6月底前); the date is read from them when none is given. */
  deadline_phrase: z.string().max(50).nullable(),
  indicator: z.string().max(80).nullable(),
  figure_value: z.number().nullable(),
  figure_unit: z.string().max(20).nullable(),
  firmness: z.enum(FIRMNESS).nullable(),
  /** A 民生实事 (livelihood project). */
  livelihood: z.boolean(),
  /** 牵头单位 */
  lead_unit_id: Id.nullable(),
  /** 分管领导: the leader in charge, by name (a 台账 names a person, who may hold no account). */
  lead_leader: z.string().trim().max(50).nullable(),
  /** 责任单位 */
  responsible_unit_ids: UnitIds,
  /** What the responsible unit notes (the only field a unit officer edits). */
  unit_note: Note.nullable(),
  /** Seen only by signed-in accounts. */
  internal_note: Note.nullable(),
  archived: z.boolean(),
});
const f = fields.shape;

export const Task = versionedRecord({
  jurisdiction: f.jurisdiction,
  year: f.year,
  document_id: Id.nullable(),
  fact_id: Id.nullable(),
  source_kind: z.enum(SOURCE_KINDS),
  title: f.title,
  source: z.object({ sentence: z.string().nullable(), start: Offset, end: Offset, file_start: Offset, file_end: Offset }),
  indicator: f.indicator,
  figure: z.object({ value: f.figure_value, unit: f.figure_unit, text: z.string().nullable() }),
  firmness: f.firmness,
  livelihood: f.livelihood,
  deadline: f.deadline,
  deadline_phrase: f.deadline_phrase,
  deadline_rule: z.string().nullable(),
  state: z.enum(STATES),
  lead_unit_id: f.lead_unit_id,
  lead_leader: f.lead_leader,
  responsible_unit_ids: f.responsible_unit_ids,
  progress_figure: z.number().nullable(),
  /** 进展情况: the words of the latest progress report. */
  progress_text: z.string().nullable(),
  last_progress_at: Instant.nullable(),
  assigned_at: Instant.nullable(),
  closed_at: Instant.nullable(),
  pending_extension: z.object({ deadline: IsoDate, reason: z.string().nullable() }).nullable(),
  unit_note: f.unit_note,
  internal_note: f.internal_note,
  archived: f.archived,
}).openapi('Task');
export type Task = z.infer<typeof Task>;

/** POST /api/ledger/tasks: a task typed in by a supervisor. */
export const TaskCreate = fields
  .pick({ jurisdiction: true, year: true, title: true })
  .extend(fields.pick({ deadline: true, deadline_phrase: true, indicator: true, figure_value: true, figure_unit: true, firmness: true, livelihood: true, lead_leader: true, internal_note: true }).partial().shape)
  .strict();
export type TaskCreate = z.infer<typeof TaskCreate>;

/** PUT /api/ledger/tasks/{id}: the fields to change, at the version read. */
export const TaskPatch = fields.omit({ jurisdiction: true, year: true, deadline_phrase: true }).partial().extend({ version: Version }).strict();
export type TaskPatch = Omit<z.infer<typeof TaskPatch>, 'version'>;

/** A task with its light as of now (see lights.ts); a draft has none. */
export const LitTask = Task.extend({ light: z.enum(LIGHTS).nullable().openapi({ description: 'null for a draft: nothing is asked of anyone yet' }), light_reasons: z.array(z.string()), overdue: z.boolean() }).openapi('LitTask');
export type LitTask = z.infer<typeof LitTask>;

/** Fields of a task only signed-in accounts see. */
export const INTERNAL_TASK_FIELDS = { internal_note: true, progress_text: true, unit_note: true, pending_extension: true, fact_id: true, version: true, archived: true, light_reasons: true } as const;
export const PublicTask = LitTask.omit(INTERNAL_TASK_FIELDS).openapi('PublicTask');
export type PublicTask = z.infer<typeof PublicTask>;

const Evidence = z.string().url().max(2000).refine((u) => /^https?:/.test(u), 'http(s) links only');

export const ProgressReport = z
  .object({
    id: Id,
    task_id: Id,
    account_id: Id.nullable(),
    unit_id: Id.nullable(),
    report_date: IsoDate,
    narrative: z.string().trim().min(1).max(10000),
    /** The figure reached so far, in the task's unit. */
    figure: z.number().nullable(),
    /** Links to what shows it. */
    evidence: z.array(Evidence).max(20),
    /** Not shown to the public. */
    internal: z.boolean(),
    created_at: Instant,
  })
  .openapi('ProgressReport');
export type ProgressReport = z.infer<typeof ProgressReport>;
const p = ProgressReport.shape;

/** POST /api/ledger/tasks/{id}/progress (a version makes it a checked write; without one it applies to any). */
export const ProgressCreate = z
  .object({ version: Version.optional(), report_date: p.report_date, narrative: p.narrative, figure: p.figure.default(null), evidence: p.evidence.default([]), internal: p.internal.default(false) })
  .strict();
export type ProgressCreate = Omit<z.infer<typeof ProgressCreate>, 'version'>;

/** What the public sees of a progress report: not the internal ones, not who wrote it. */
export const PublicProgress = ProgressReport.pick({ report_date: true, narrative: true, figure: true, unit_id: true });
export type PublicProgress = z.infer<typeof PublicProgress>;

export const HistoryEntry = HistoryBase.extend({
  task_id: Id,
  /** The fields that changed, as they were and as they became (a step may add pointers such as merged_into). */
  before: Task.partial().nullable(),
  after: Task.partial().nullable(),
}).openapi('TaskHistoryEntry');
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Notice = z
  .object({
    id: Id,
    task_id: Id,
    unit_id: Id.nullable(),
    account_id: Id.nullable(),
    kind: z.enum(NOTICE_KINDS),
    text: z.string().trim().min(1).max(5000),
    at: Instant,
    read_at: Instant.nullable(),
  })
  .openapi('Notice');
export type Notice = z.infer<typeof Notice>;

/** POST /api/ledger/tasks/{id}/urge (催办) and /instructions (批示). */
export const NoticeCreate = Notice.pick({ text: true }).strict();

/** Pointers recorded by merges and splits. */
export const Links = z.object({ merged_into: Id.nullable(), merged_from: z.array(Id), split_into: z.array(Id), split_from: Id.nullable() });
export type Links = z.infer<typeof Links>;

/** A workflow step at the version read; a deadline with an extension request. */
export const ActionRequest = z.object({ version: Version, note: Note.optional(), deadline: IsoDate.optional() }).strict();

/** 合并: `from` are archived into the survivor; `from_versions` (one per task) make it a checked write for them too. */
export const MergeRequest = z
  .object({ version: Version, from: z.array(Id).min(1).max(50), from_versions: z.array(Version).optional() })
  .strict()
  .refine((x) => !x.from_versions || x.from_versions.length === x.from.length, { message: 'one version per task in from', path: ['from_versions'] })
  .refine((x) => new Set(x.from).size === x.from.length, { message: 'distinct tasks other than the survivor', path: ['from'] });

/** 拆分 into tasks with these titles. */
export const SplitRequest = z.object({ version: Version, titles: z.array(f.title).min(2).max(50) }).strict();

/** Draft tasks from a stored plan report, named by id or by place and year. */
export const GenerateRequest = z.union([z.object({ document_id: Id }).strict(), z.object({ jurisdiction: Jurisdiction, year: z.number().int() }).strict()]);

export const UnitDashboard = z.object({
  unit_id: Id.nullable(),
  unit: z.string(),
  total: Count,
  ...countsOf(LIGHTS),
  closed: Count,
  closed_on_time: Count,
  overdue_open: Count,
  /** closed / total */
  completion_rate: z.number().nullable(),
  /** closed on time / (closed + overdue and open) */
  on_time_rate: z.number().nullable(),
});
export type UnitDashboard = z.infer<typeof UnitDashboard>;

/** When a task turns yellow or red (configuration; the dashboard shows the rules it used). */
export const LightRules = z.object({
  /** Yellow when the deadline is this close … */
  yellowWithinDays: z.number().min(0),
  /** … and no progress report came in this many days. */
  staleReportDays: z.number().min(0),
  /** Red once the deadline has passed and the task is not closed. */
  redWhenOverdue: z.boolean(),
  /** Reporting cycle in days (e.g. 30 for monthly reports); null: no cycle rule. */
  reportingCycleDays: z.number().positive().nullable(),
  /** Missed cycles that turn a task yellow, and red. */
  yellowAfterMissedCycles: z.number().int().positive(),
  redAfterMissedCycles: z.number().int().positive(),
  /**
   * Yellow when the figure reached lags the share of time elapsed by more
   * than this fraction (0.25: at 80% of the time, less than 55% done); null: off.
   */
  behindScheduleBy: z.number().nullable(),
});
export type LightRules = Readonly<z.infer<typeof LightRules>>;

export const LightTotals = z.object({ total: Count, ...countsOf(LIGHTS) });

/** One line of the monthly progress table, in the columns (and words) offices print. */
/**
 * A row of the ledger as a 台账 (the monthly progress table and the tasks' CSV/XLSX): the same
 * columns in the same places for every group of tasks; `progress` is the latest report's words.
 */
export const ProgressRow = z.object({
  seq: z.number().int(),
  id: Id,
  title: z.string(),
  lead_unit: z.string(),
  lead_leader: z.string(),
  responsible_units: z.string(),
  deadline: z.string(),
  progress: z.string(),
  state: z.enum(STATES),
  light: z.enum(LIGHTS).nullable(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const YEAR_END_FLAGS = ['unfinished_but_met', 'closed_but_missed'] as const;

/** A task beside the next report's verdict on the same promise. */
export const YearEndRow = z.object({
  task_id: Id,
  title: z.string(),
  state: z.enum(STATES),
  verdict: z.string().nullable(),
  rule: z.string().nullable(),
  evidence: z.unknown(),
  matched_by: z.enum(['offsets', 'text']).nullable(),
  flag: z.enum(YEAR_END_FLAGS).nullable(),
});
export type YearEndFlag = (typeof YEAR_END_FLAGS)[number];
export type YearEndRow = z.infer<typeof YearEndRow>;

/**
 * How many of a task's latest steps its detail carries: a task edited for
 * years has hundreds, and the detail is read far more often than the whole
 * history is (that has its own route), so its cost must not grow with them.
 */
export const DETAIL_HISTORY = 20;

/** How many of a task's latest progress reports its detail carries, for the same reason (a monthly report for years). */
export const DETAIL_PROGRESS = 20;

export const TaskDetail = z.object({
  task: LitTask,
  actions: z.array(z.enum(ACTIONS)),
  progress: z.array(ProgressReport).describe(`the latest ${DETAIL_PROGRESS} progress reports, oldest first; every one: GET /api/ledger/tasks/{id}/progress`),
  progress_total: z.number().int().describe('how many progress reports the task has in all'),
  history: z.array(HistoryEntry).describe(`the latest ${DETAIL_HISTORY} steps, oldest first; every step: GET /api/ledger/tasks/{id}/history`),
  history_total: z.number().int().describe('how many steps the task has in all'),
  links: Links,
  notices: z.array(Notice),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

/** One row of a 分工方案 import: what was matched or created, and what could not be read. */
export const PlanRowResult = z.object({
  /** 1-based row of the file. */
  row: z.number().int(),
  task: z.string(),
  status: z.enum(['matched', 'created', 'skipped', 'failed', 'conflict']),
  task_id: Id.nullable(),
  score: z.number().nullable(),
  lead_unit: UnitRef.nullable(),
  /** 分管领导 as the row names them. */
  lead_leader: z.string().nullable(),
  responsible_units: z.array(UnitRef),
  deadline: IsoDate.nullable(),
  problems: z.array(z.string()),
});
export type PlanRowResult = z.infer<typeof PlanRowResult>;

export const PLAN_COLUMNS = ['seq', 'task', 'lead', 'leader', 'responsible', 'deadline'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

export const PlanImportResult = importReport(PLAN_COLUMNS, PlanRowResult, ['matched', 'created', 'skipped']);
export type PlanImportResult = z.infer<typeof PlanImportResult>;
