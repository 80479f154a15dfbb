/**
 * The shapes 建议/提案 handling answers with. Pure types (no imports but the
 * rules'), so the web app can use the very same definitions.
 */
import type { ProposalKind, ProposalState, ReplyStatus, Satisfaction } from './rules.js';

export interface Proposal {
  id: number;
  jurisdiction: string;
  year: number;
  kind: ProposalKind;
  number: string;
  title: string;
  proposers: string[];
  received_at: string;
  assigned_at: string | null;
  reply_deadline: string | null;
  state: ProposalState;
  /** 主办单位 */
  lead_unit_id: number | null;
  /** 会办单位 */
  assist_unit_ids: number[];
  /** The latest reply (an earlier one, before 不满意, is in the history). */
  reply_text: string | null;
  /** The first reply's date: the deadline is measured by it. */
  replied_at: string | null;
  satisfaction: Satisfaction | null;
  satisfaction_at: string | null;
  follow_up: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An item as the API answers it: with its status on the day asked. */
export type ProposalView = Proposal & { reply_status: ReplyStatus };

/** Steps the web page may offer; the routes check them again. */
export type ProposalAction = 'assign' | 'reply' | 'satisfaction' | 'follow_up';

export interface ProposalHistoryEntry {
  id: number;
  proposal_id: number;
  account_id: number | null;
  account_name: string | null;
  action: string;
  at: string;
  note: string | null;
}

export interface UnitRef {
  id: number;
  name: string;
  created: boolean;
}

export type ProposalColumn = 'number' | 'seq' | 'title' | 'proposers' | 'kind' | 'lead' | 'assist' | 'assigned' | 'received';

export interface ProposalImportRow {
  /** 1-based row of the file. */
  row: number;
  number: string;
  title: string;
  kind: ProposalKind | null;
  status: 'created' | 'existing' | 'skipped';
  id: number | null;
  proposers: string[];
  lead_unit: UnitRef | null;
  assist_units: UnitRef[];
  assigned_at: string | null;
  reply_deadline: string | null;
  problems: string[];
}

export interface ProposalImportResult {
  columns: Record<string, ProposalColumn | null>;
  problems: string[];
  created_units: UnitRef[];
  rows: ProposalImportRow[];
  created: number;
  existing: number;
  skipped: number;
}

/** A place and year that has items, with how many of each kind. */
export interface ProposalPlace {
  jurisdiction: string;
  year: number;
  suggestion: number;
  proposal: number;
}
