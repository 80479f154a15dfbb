/**
 * The shapes the ledger answers with. Pure types, so the web app uses these
 * very definitions (type-only imports) instead of restating them.
 */
import type { Light } from './lights.js';
import type { TaskState } from './workflow.js';

export type { Account, Unit } from '../accounts/schema.js';

export interface Task {
  id: number;
  jurisdiction: string;
  year: number;
  document_id: number | null;
  fact_id: number | null;
  source_kind: string;
  title: string;
  source: { sentence: string | null; start: number | null; end: number | null; file_start: number | null; file_end: number | null };
  indicator: string | null;
  figure: { value: number | null; unit: string | null; text: string | null };
  firmness: string | null;
  livelihood: boolean;
  deadline: string;
  deadline_phrase: string | null;
  deadline_rule: string | null;
  state: TaskState;
  lead_unit_id: number | null;
  responsible_unit_ids: number[];
  progress_figure: number | null;
  last_progress_at: string | null;
  assigned_at: string | null;
  closed_at: string | null;
  pending_extension: { deadline: string; reason: string | null } | null;
  unit_note: string | null;
  internal_note: string | null;
  archived: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProgressReport {
  id: number;
  task_id: number;
  account_id: number | null;
  unit_id: number | null;
  report_date: string;
  narrative: string;
  figure: number | null;
  evidence: string[];
  internal: boolean;
  created_at: string;
}

export interface HistoryEntry {
  id: number;
  task_id: number;
  account_id: number | null;
  account_name: string | null;
  action: string;
  at: string;
  before: Partial<Task> | null;
  after: Partial<Task> | null;
  note: string | null;
}

export interface Notice {
  id: number;
  task_id: number;
  unit_id: number | null;
  account_id: number | null;
  kind: 'urge' | 'instruction';
  text: string;
  at: string;
  read_at: string | null;
}

/** A task with its light as of now (see lights.ts). */
export type LitTask = Task & { light: Light; light_reasons: string[]; overdue: boolean };

export interface UnitDashboard {
  unit_id: number | null;
  unit: string;
  total: number;
  green: number;
  yellow: number;
  red: number;
  closed: number;
  closed_on_time: number;
  overdue_open: number;
  /** closed / total */
  completion_rate: number | null;
  /** closed on time / (closed + overdue and open) */
  on_time_rate: number | null;
}
