/**
 * The rulings tables (migration 12) as the query builder sees them, composed
 * into the store's `Database`. A ruling is found by place, year and the
 * item's stable key (src/check/keys.ts), never by a row id of a document or
 * fact: those change when a report is imported again.
 */
import type { Generated } from 'kysely';
import type { Verdict } from '../vocab.js';

export interface RulingsTable {
  id: Generated<number>;
  jurisdiction: string;
  year: number;
  item_key: string;
  /** The item as it stood when ruled: kind, words and span in the plan document, and that document's content hash. */
  source: 'target' | 'commitment';
  promise: string;
  plan_start: number;
  plan_end: number;
  plan_hash: string;
  /** The review document's content hash when ruled. */
  review_hash: string;
  /** Row ids at ruling time, for reference only (a re-import gives new ones). */
  plan_document_id: number | null;
  review_document_id: number | null;
  machine_verdict: Verdict;
  verdict: Verdict;
  reason: string | null;
  /** The passage the reviewer picked: offsets into the review document's text, that text's hash, and the words. */
  evidence_start: number | null;
  evidence_end: number | null;
  evidence_hash: string | null;
  evidence_text: string | null;
  account_id: number;
  ruled_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Append-only: one row per ruling made or changed. */
export interface RulingHistoryTable {
  id: Generated<number>;
  ruling_id: number;
  version: number;
  account_id: number | null;
  at: string;
  /** The verdict before this step (the machine's for a first ruling). */
  from_verdict: Verdict | null;
  verdict: Verdict;
  reason: string | null;
  /** { start, end, text, hash } or null. */
  evidence_json: string | null;
}

export interface RulingTables {
  rulings: RulingsTable;
  ruling_history: RulingHistoryTable;
}
