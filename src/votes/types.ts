/**
 * The shapes 票决 answers with. Pure types (no imports but the tally's), so
 * the web app can use the very same definitions.
 */
import type { SatisfactionTally, SelectionTally, Tally, Threshold } from './tally.js';

export type RoundKind = 'selection' | 'satisfaction';

export interface VoteSession {
  id: number;
  jurisdiction: string;
  year: number;
  title: string;
  seats: number;
  threshold: Threshold;
  document_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A session in a list, with how much it holds. */
export type VoteSessionSummary = VoteSession & { candidates: number; deputies: number; rounds: number };

export interface VoteCandidate {
  id: number;
  session_id: number;
  ord: number;
  title: string;
  detail: string | null;
  source_sentence: string | null;
  document_id: number | null;
  fact_id: number | null;
  task_id: number | null;
}

export interface Deputy {
  id: number;
  session_id: number;
  ord: number;
  name: string;
  delegation: string | null;
}

export interface Round {
  id: number;
  session_id: number;
  round_no: number;
  kind: RoundKind;
  seats: number | null;
  candidate_ids: number[];
  state: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  /** Ballots cast so far (a count is not a secret). */
  turnout: number;
}

export interface SessionResult {
  elected: number[];
  undecided: SelectionTally['undecided'];
  /** Selection rounds closed so far. */
  selection_rounds: number;
  satisfaction: SatisfactionTally | null;
}

/** What GET /api/votes/sessions/{id} answers (the public form drops internal candidate fields). */
export interface SessionDetail {
  session: VoteSession;
  candidates: VoteCandidate[];
  deputies: number;
  rounds: Round[];
  result: SessionResult;
  tallies: { round: Round; tally: Tally }[];
}

/** What POST /api/votes/lookup answers a deputy. */
export interface Lookup {
  deputy: { name: string; delegation: string | null };
  session: { id: number; jurisdiction: string; year: number; title: string; seats: number };
  round: { id: number; round_no: number; kind: RoundKind; seats: number | null } | null;
  voted: boolean;
  candidates: Pick<VoteCandidate, 'id' | 'ord' | 'title' | 'detail'>[];
}
