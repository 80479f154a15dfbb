/** 票决 API shapes; they mirror src/votes/store.ts and src/votes/tally.ts. */
export type RoundKind = 'selection' | 'satisfaction';
export type Rating = 'satisfied' | 'basically' | 'dissatisfied';
export const RATINGS: Rating[] = ['satisfied', 'basically', 'dissatisfied'];

export interface VoteSession {
  id: number;
  jurisdiction: string;
  year: number;
  title: string;
  seats: number;
  threshold: string;
  candidates?: number;
  deputies?: number;
  rounds?: number;
}

export interface VoteCandidate {
  id: number;
  ord: number;
  title: string;
  detail: string | null;
  source_sentence?: string | null;
  task_id: number | null;
}

export interface Round {
  id: number;
  round_no: number;
  kind: RoundKind;
  seats: number | null;
  candidate_ids: number[];
  state: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  turnout: number;
}

export interface SelectionRow {
  candidate_id: number;
  title: string;
  votes: number;
  rank: number;
  share: number | null;
  status: 'elected' | 'tied' | 'not_elected' | 'below_threshold';
}

export interface SatisfactionRow {
  candidate_id: number;
  title: string;
  satisfied: number;
  basically: number;
  dissatisfied: number;
  abstained: number;
  satisfaction_rate: number | null;
}

export type Tally =
  | { kind: 'selection'; seats: number; roster: number; ballots: number; blank: number; rows: SelectionRow[]; elected: number[]; ties: { votes: number; candidate_ids: number[]; decides_seats: boolean }[]; undecided: { candidate_ids: number[]; seats_left: number } | null }
  | { kind: 'satisfaction'; roster: number; ballots: number; rows: SatisfactionRow[] };

export interface SessionDetail {
  session: VoteSession;
  candidates: VoteCandidate[];
  deputies: number;
  rounds: Round[];
  result: { elected: number[]; undecided: { candidate_ids: number[]; seats_left: number } | null; selection_rounds: number };
  tallies: { round: Round; tally: Tally }[];
}

export interface Lookup {
  deputy: { name: string; delegation: string | null };
  session: { id: number; jurisdiction: string; year: number; title: string; seats: number };
  round: { id: number; round_no: number; kind: RoundKind; seats: number | null } | null;
  voted: boolean;
  candidates: VoteCandidate[];
}
