/**
 * What the web app takes from the server, in one place: the API's record types (type-only imports,
 * erased at build) and the shared vocabularies (values from pure modules that import neither node nor
 * zod). When the server's modules move, only these paths change.
 */
import type { Verdict } from '../../src/check/verdict';
import type { Light } from '../../src/ledger/lights';
import type { Action, TaskState } from '../../src/ledger/workflow';
import type { LitTask, ProgressReport, Notice, UnitDashboard } from '../../src/ledger/types';
import type { ProposalHistoryEntry, ProposalAction, ProposalImportResult, ProposalView } from '../../src/proposals/types';
import type { ProposalKind, ProposalStats, StatsRow } from '../../src/proposals/rules';
import type { Deputy } from '../../src/votes/types';

export type { CheckItem, Scorecard } from '../../src/check/types';
export type { AncestorStep, Bucket, Cascade, CascadeNode, CascadeTarget, Step, StepStatus, SummaryRow } from '../../src/cascade/schema';
export type { Diagnostic as Warning } from '../../src/ingest/diagnostics';
export type { DocumentDetail, DocumentSummary, FactRecord, Page, SearchHit } from '../../src/store/types';
export type { Account, HistoryEntry, ProgressReport, Notice, Unit, UnitDashboard } from '../../src/ledger/types';
export type { ProposalAction, ProposalHistoryEntry, ProposalImportRow, ProposalPlace, ProposalView } from '../../src/proposals/types';
export type { IssuedCodes, Lookup, Round, SessionDetail, VoteCandidate, VoteSession, VoteSessionSummary } from '../../src/votes/types';
export type { Tally } from '../../src/votes/tally';
export type { Action, Light, ProposalKind, StatsRow, TaskState, Verdict };

export { FINAL_STATES, LEVELS, PARTS, SATISFACTIONS, VERDICT_INKS, VERDICT_LABELS, type FinalState, type Level, type PartKind, type Satisfaction } from '../../src/vocab';
export { INDICATORS } from '../../src/extract/lexicon/indicators';
export { convert } from '../../src/check/units';
export { renderEn, renderZh } from '../../src/check/reasons';
export { STATES } from '../../src/ledger/workflow';
export { IMPORTERS, MANAGE, RULERS, ROLES as ROLE_LIST, type Role } from '../../src/accounts/roles';
export { KINDS, REPLY_STATUSES, type ReplyStatus } from '../../src/proposals/rules';

/**
 * Lists of what the server names only as a type (no list to import yet): `everyOf<U>()(list)` compiles
 * only when the list holds every member of U and nothing else, so a new verdict or light fails `tsc`
 * here until it is listed (and labelled: `t()` needs a word for each).
 */
const everyOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> })): L =>
    list;
export const VERDICTS = everyOf<Verdict>()(['met', 'missed', 'not_reported', 'not_comparable', 'needs_review', 'partly_met']);
export const LIGHTS = everyOf<Light>()(['green', 'yellow', 'red']);

/** A task as the ledger answers it: with its light. */
export type Task = LitTask;

// Answers of routes that have no named type on the server yet (its response schemas will give them one).

/** GET /api/ledger/tasks/:id */
export interface TaskDetail {
  task: Task;
  actions: Action[];
  /** The latest reports only; `progress_total` counts them all (GET /api/ledger/tasks/:id/progress). */
  progress: ProgressReport[];
  progress_total: number;
  notices: Notice[];
  links?: { merged_into: number | null; merged_from: number[]; split_into: number[]; split_from: number | null };
}

/** GET /api/compare: a row (ComparisonRow in src/check/research.ts, which the browser cannot type-check: it reads the store). */
export interface ComparisonRow {
  jurisdiction: string;
  level: string | null;
  year: number;
  target_value: number | null;
  target_max: number | null;
  target_unit: string | null;
  target_qualifier: string | null;
  target_text: string | null;
  target_document: number | null;
  outcome_value: number | null;
  outcome_unit: string | null;
  outcome_text: string | null;
  outcome_estimated: boolean | null;
  outcome_document: number | null;
  /** null when the year's report set no target for the indicator. */
  verdict: Verdict | null;
}

/** GET /api/ledger/dashboard */
export interface Dashboard {
  jurisdiction: string;
  year: number;
  totals: { total: number; green: number; yellow: number; red: number };
  units: UnitDashboard[];
}

/** POST /api/ledger/import-plan (PlanImportResult in src/ledger/plan-import.ts, which the browser cannot type-check: it reads files with exceljs). */
export interface PlanUnitRef {
  id: number;
  name: string;
  created: boolean;
}
export interface PlanRow {
  row: number;
  task: string;
  status: 'matched' | 'created' | 'skipped' | 'failed' | 'conflict';
  task_id: number | null;
  lead_unit: PlanUnitRef | null;
  responsible_units: PlanUnitRef[];
  deadline: string | null;
  problems: string[];
}
export interface PlanResult {
  problems: string[];
  created_units: PlanUnitRef[];
  rows: PlanRow[];
  matched: number;
  created: number;
  skipped: number;
}

/** POST /api/votes/sessions/:id/deputies (and …/deputies/import): each new deputy with the voting code shown this once. */
export type IssuedCode = Deputy & { code: string };

/** GET /api/proposals */
export interface ProposalList {
  total: number;
  as_of: string;
  items: ProposalView[];
}

/** GET /api/proposals/:id */
export interface ProposalDetail {
  proposal: ProposalView;
  history: ProposalHistoryEntry[];
  actions: ProposalAction[];
}

/** GET /api/proposals/stats and /api/public/proposals/stats */
export type StatsAnswer = ProposalStats & { jurisdiction: string; year: number | null; kind: ProposalKind | null; labels: Record<keyof StatsRow, string> };

/** POST /api/proposals/import */
export type ImportAnswer = ProposalImportResult & { filename: string; jurisdiction: string; year: number };
