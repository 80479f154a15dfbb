/**
 * The ledger's tables (migration 2) as the query builder sees them, composed
 * into the store's `Database`. Columns that hold a vocabulary are typed with
 * it; booleans are integers 0/1 and lists JSON text on both engines.
 */
import type { Generated } from 'kysely';
import type { Firmness, NoticeKind, SourceKind, TaskState, TaskUnitRole } from './workflow.js';

export interface TasksTable {
  id: Generated<number>;
  jurisdiction: string;
  year: number;
  document_id: number | null;
  fact_id: number | null;
  source_kind: SourceKind;
  title: string;
  source_sentence: string | null;
  /** Offsets into the document's text (as stored facts keep them). */
  source_start: number | null;
  source_end: number | null;
  /** Offsets into the original file. */
  source_file_start: number | null;
  source_file_end: number | null;
  indicator: string | null;
  figure_value: number | null;
  figure_unit: string | null;
  figure_text: string | null;
  firmness: Firmness | null;
  livelihood: number;
  deadline_phrase: string | null;
  /** YYYY-MM-DD */
  deadline: string;
  deadline_rule: string | null;
  state: TaskState;
  lead_unit_id: number | null;
  /** 分管领导: the leader in charge, by name as the 分工方案 writes it (migration 16). */
  lead_leader: string | null;
  progress_figure: number | null;
  /** 进展情况: the words of the latest progress report (migration 16). */
  progress_text: string | null;
  last_progress_at: string | null;
  assigned_at: string | null;
  closed_at: string | null;
  pending_deadline: string | null;
  extension_reason: string | null;
  unit_note: string | null;
  internal_note: string | null;
  archived: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TaskUnitsTable {
  task_id: number;
  unit_id: number;
  role: TaskUnitRole;
}

export interface ProgressReportsTable {
  id: Generated<number>;
  task_id: number;
  account_id: number | null;
  unit_id: number | null;
  report_date: string;
  narrative: string;
  figure: number | null;
  evidence_json: string;
  internal: number;
  created_at: string;
}

export interface TaskHistoryTable {
  id: Generated<number>;
  task_id: number;
  account_id: number | null;
  action: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

export interface NoticesTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number | null;
  account_id: number | null;
  kind: NoticeKind;
  text: string;
  at: string;
  read_at: string | null;
}

export interface LedgerTables {
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  progress_reports: ProgressReportsTable;
  task_history: TaskHistoryTable;
  notices: NoticesTable;
}
