/**
 * Counting 票决 (the congress's vote on livelihood project candidates) and
 * the year-end 满意度测评 (satisfaction vote). Pure: the same stored ballots
 * always give the same tally, which is how a closed round shows it is
 * reproducible.
 */
import { InvalidInput } from '../errors.js';
import { SATISFACTION_LABELS, SATISFACTIONS } from '../vocab.js';
import type { Threshold } from './rules.js';
import type { Rating, SatisfactionRow, SatisfactionTally, SelectionRow, SelectionStatus, SelectionTally, Tally, TieGroup } from './types.js';

export { THRESHOLDS, type Threshold } from './rules.js';
export type { Rating, SatisfactionRow, SatisfactionTally, SelectionRow, SelectionStatus, SelectionTally, Tally, TieGroup };

/** A deputy's year-end rating of an elected project: the shared satisfaction scale. */
export const RATINGS = SATISFACTIONS;
export const RATING_LABELS = SATISFACTION_LABELS;

export interface Candidate {
  id: number;
  title: string;
}

/** A ballot that does not fit its round (answered 422 on the `choices` field). */
export class BallotError extends InvalidInput {
  override readonly name = 'BallotError';
  constructor(message: string) {
    super(message, [{ field: 'choices', message }], 'invalid_ballot');
  }
}

const ratio = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

/** A selection ballot: distinct candidates of this round, at most `seats` (fewer, or none, is allowed). */
export function checkSelection(choices: unknown, eligible: readonly number[], seats: number): number[] {
  if (!Array.isArray(choices) || !choices.every((c) => Number.isInteger(c))) throw new BallotError('a ballot is a list of candidate ids');
  const ids = choices as number[];
  if (new Set(ids).size !== ids.length) throw new BallotError('a candidate is chosen twice on this ballot');
  const bad = ids.filter((c) => !eligible.includes(c));
  if (bad.length) throw new BallotError(`not a candidate in this round: ${bad.join(', ')}`);
  if (ids.length > seats) throw new BallotError(`this round elects ${seats}: choose at most ${seats}, not ${ids.length}`);
  return [...ids].sort((a, b) => a - b);
}

/** A satisfaction ballot: a rating for any of this round's projects (an unrated one is an abstention). */
export function checkRatings(choices: unknown, eligible: readonly number[]): Record<string, Rating> {
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) throw new BallotError('a satisfaction ballot maps project ids to 满意 / 基本满意 / 不满意');
  const out: Record<string, Rating> = {};
  for (const [k, v] of Object.entries(choices)) {
    const id = Number(k);
    if (!Number.isInteger(id) || !eligible.includes(id)) throw new BallotError(`not a project in this round: ${k}`);
    if (!(RATINGS as readonly string[]).includes(v as string)) throw new BallotError(`rating for ${k} must be one of ${RATINGS.join(', ')}`);
    out[String(id)] = v as Rating;
  }
  return out;
}

function qualifies(votes: number, threshold: Threshold, roster: number, ballots: number): boolean {
  if (threshold === 'majority_of_roster') return votes * 2 > roster;
  if (threshold === 'majority_of_ballots') return votes * 2 > ballots;
  return true;
}

/**
 * Top `seats` by votes. Equal votes never get an arbitrary order: a group
 * that fits entirely above the line is elected together; a group that spans
 * the line is left undecided with the number of seats still open.
 */
export function tallySelection(candidates: readonly Candidate[], ballots: readonly (readonly number[])[], seats: number, threshold: Threshold, roster: number): SelectionTally {
  const votes = new Map(candidates.map((c) => [c.id, 0]));
  let blank = 0;
  for (const b of ballots) {
    if (b.length === 0) blank++;
    for (const c of b) if (votes.has(c)) votes.set(c, votes.get(c)! + 1);
  }
  const order = candidates.map((c, i) => ({ c, i, v: votes.get(c.id)! })).sort((a, b) => b.v - a.v || a.i - b.i);
  const groups: { v: number; ids: number[] }[] = [];
  for (const o of order) {
    const last = groups[groups.length - 1];
    if (last && last.v === o.v) last.ids.push(o.c.id);
    else groups.push({ v: o.v, ids: [o.c.id] });
  }
  const status = new Map<number, SelectionStatus>();
  const elected: number[] = [];
  let undecided: SelectionTally['undecided'] = null;
  const ties: TieGroup[] = [];
  for (const g of groups) {
    let decides = false;
    // No votes: not chosen by anyone, whatever seats are left.
    if (g.v === 0) for (const id of g.ids) status.set(id, 'not_elected');
    else if (!qualifies(g.v, threshold, roster, ballots.length)) for (const id of g.ids) status.set(id, 'below_threshold');
    else if (undecided || elected.length >= seats) for (const id of g.ids) status.set(id, 'not_elected');
    else if (elected.length + g.ids.length <= seats) for (const id of g.ids) { status.set(id, 'elected'); elected.push(id); }
    else {
      undecided = { candidate_ids: [...g.ids], seats_left: seats - elected.length };
      decides = true;
      for (const id of g.ids) status.set(id, 'tied');
    }
    if (g.ids.length > 1 && g.v > 0) ties.push({ votes: g.v, candidate_ids: [...g.ids], decides_seats: decides });
  }
  let rank = 0;
  let seen = 0;
  const rows: SelectionRow[] = [];
  for (const g of groups) {
    rank = seen + 1;
    for (const id of g.ids) {
      const c = candidates.find((x) => x.id === id)!;
      rows.push({ candidate_id: id, title: c.title, votes: g.v, rank, share: ratio(g.v, ballots.length), status: status.get(id)! });
    }
    seen += g.ids.length;
  }
  return { kind: 'selection', seats, threshold, roster, ballots: ballots.length, blank, rows, elected, ties, undecided };
}

export function tallySatisfaction(candidates: readonly Candidate[], ballots: readonly Readonly<Record<string, Rating>>[], roster: number): SatisfactionTally {
  const rows = candidates.map((c): SatisfactionRow => {
    const n = { satisfied: 0, basically: 0, dissatisfied: 0 };
    for (const b of ballots) {
      const r = b[String(c.id)];
      if (r) n[r]++;
    }
    const rated = n.satisfied + n.basically + n.dissatisfied;
    return {
      candidate_id: c.id, title: c.title, ...n, abstained: ballots.length - rated,
      satisfaction_rate: ratio(n.satisfied + n.basically, rated), satisfied_share: ratio(n.satisfied, rated),
      basically_share: ratio(n.basically, rated), dissatisfied_share: ratio(n.dissatisfied, rated),
    };
  });
  return { kind: 'satisfaction', roster, ballots: ballots.length, rows };
}

/**
 * The session's outcome over its selection rounds in order: winners of the
 * first round, then of each run-off among the tied, until the seats are
 * filled or a tie is left undecided.
 */
export function electedOver(tallies: readonly SelectionTally[]): { elected: number[]; undecided: SelectionTally['undecided'] } {
  const elected: number[] = [];
  let undecided: SelectionTally['undecided'] = null;
  for (const t of tallies) {
    elected.push(...t.elected.filter((id) => !elected.includes(id)));
    undecided = t.undecided;
  }
  return { elected, undecided };
}
