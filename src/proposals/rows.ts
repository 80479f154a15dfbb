/**
 * The 建议/提案 tables (migration 6) as the query builder sees them, composed
 * into the store's `Database`. Columns that hold a vocabulary are typed with it.
 */
import type { Generated } from 'kysely';
import type { ProposalKind, ProposalState, ProposalUnitRole, Satisfaction } from './vocab.js';

export interface ProposalsTable {
  id: Generated<number>;
  jurisdiction: string;
  year: number;
  kind: ProposalKind;
  number: string;
  title: string;
  proposers_json: string;
  received_at: string;
  assigned_at: string | null;
  reply_deadline: string | null;
  state: ProposalState;
  reply_text: string | null;
  replied_at: string | null;
  satisfaction: Satisfaction | null;
  satisfaction_at: string | null;
  follow_up: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProposalUnitsTable {
  proposal_id: number;
  unit_id: number;
  role: ProposalUnitRole;
}

export interface ProposalHistoryTable {
  id: Generated<number>;
  proposal_id: number;
  account_id: number | null;
  action: string;
  at: string;
  note: string | null;
}

/** Key-value settings (the reply months), shared by features that need one. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ProposalTables {
  proposals: ProposalsTable;
  proposal_units: ProposalUnitsTable;
  proposal_history: ProposalHistoryTable;
  settings: SettingsTable;
}
