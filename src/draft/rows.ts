/**
 * The draft review's tables (migration 18): a task's year-end state as the
 * office sets it, and each generated draft kept with its bytes, its hash
 * and the typed draft (with every source) it was rendered from.
 */
import type { Generated } from 'kysely';
import type { FinalState } from '../vocab.js';
import type { DraftFormat } from './schema.js';

export interface TaskYearEndTable {
  task_id: number;
  final_state: FinalState;
  reason: string | null;
  new_deadline: string | null;
  account_id: number | null;
  set_at: string;
}

export interface DraftReviewsTable {
  id: Generated<number>;
  jurisdiction: string;
  year: number;
  format: DraftFormat;
  sha256: string;
  bytes: number;
  content_base64: string;
  draft_json: string;
  account_id: number | null;
  generated_at: string;
}

export interface DraftTables {
  task_year_end: TaskYearEndTable;
  draft_reviews: DraftReviewsTable;
}
