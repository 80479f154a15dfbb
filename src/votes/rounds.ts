/**
 * 票决 voting: rounds, secret ballots and counting.
 *
 * Secrecy is kept by the shape of the data and by when it is written.
 * `vote_participation` (round, deputy: who voted) and `ballots` (random id,
 * round, choices: what was chosen) have no time and nothing in common but
 * the round; a deputy cannot vote twice because (round, deputy) is the
 * participation table's primary key. Ballots are written by the ballot box
 * (./ballot-box.ts) in batches, never by the cast's own transaction; closing
 * a round writes the last batch, rewrites all its ballots in a new random
 * order under new ids (one transaction: one xmin, no order left from the
 * batches), counts them, and then has the engine drop what its files keep of
 * the old row versions.
 */
import type { Kysely } from 'kysely';
import { Conflict, Forbidden } from '../errors.js';
import type { Database } from '../store/schema.js';
import type { Writable } from '../store/transaction.js';
import { BallotBox, DEFAULT_BOX, shuffle, type BoxPolicy } from './ballot-box.js';
import { ballotId, codeHash } from './codes.js';
import { DEPUTY_COLUMNS, deputyOf, keptTallies, lockSession, readCandidates, readCodeEvents, readRound, readRounds, readSession, requireSession, resultOf, rosterSize, type Db } from './rows.js';
import { checkRatings, checkSelection, tallySatisfaction, tallySelection, type Candidate } from './tally.js';
import type { BallotChoices, CodeEventItem, Deputy, Rating, Round, RoundKind, RoundOpen, StoredBallot, Tally, VoteCandidate, VoteSession } from './types.js';

/** A voting code that is unknown or belongs to another session (403; the route counts it against the caller). */
export class WrongCode extends Forbidden {
  override readonly name = 'WrongCode';
  constructor(message: string) {
    super(`${message} (投票凭证码无效)`, 'wrong_voting_code');
  }
}

export interface RoundOptions {
  /** When waiting ballots are written (tests shorten the wait). */
  readonly box?: BoxPolicy;
  /** Drops what the database files keep of deleted row versions (WAL, dead tuples); run after a round closes. */
  readonly forgetHistory?: (tables: readonly ('ballots' | 'vote_participation')[]) => Promise<void>;
}

export class VoteRounds {
  private readonly box: BallotBox;
  private readonly db: Kysely<Database>;
  constructor(
    /** Where the rounds live: reads on its `db`, every change through its `write` (src/store/transaction.ts). */
    private readonly store: Writable,
    private readonly options: RoundOptions = {},
  ) {
    this.db = store.db;
    this.box = new BallotBox(store, options.box ?? DEFAULT_BOX);
  }

  round(roundId: number): Promise<Round> {
    return readRound(this.db, roundId);
  }

  /**
   * Opens the next round. A selection round takes every candidate the first
   * time, and after a tie across the last seats only the tied ones, for the
   * seats still open; a satisfaction round takes the elected projects.
   */
  async open(sessionId: number, now: Date, pick: RoundOpen): Promise<Round> {
    return this.store.write(async (trx) => {
      await lockSession(trx, sessionId);
      const s = await requireSession(trx, sessionId);
      const rounds = await readRounds(trx, sessionId);
      const open = rounds.find((r) => r.state === 'open');
      if (open) throw new Conflict(`round ${open.round_no} is still open: close it first`, 'round_open');
      const candidates = await readCandidates(trx, sessionId);
      if (!candidates.length) throw new Conflict('the session has no candidates yet', 'no_candidates');
      if ((await rosterSize(trx, sessionId)) === 0) throw new Conflict('the session has no deputies on its roster yet', 'no_deputies');
      const { ids, seats } = choose(pick, s, candidates, rounds, resultOf(await keptTallies(trx, rounds)));
      const r = await trx
        .insertInto('vote_rounds')
        .values({ session_id: sessionId, round_no: rounds.length + 1, kind: pick.kind, seats, candidate_ids_json: JSON.stringify(ids), state: 'open', opened_at: now.toISOString(), closed_at: null, result_json: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return readRound(trx, Number(r.id));
    });
  }

  /**
   * Closes a round: the ballots still in the box are written, all are
   * rewritten in a new random order, counted, and the count kept. A cast
   * that had not been stored when the close took the round's lock is refused.
   */
  async close(roundId: number, now: Date): Promise<{ round: Round; tally: Tally }> {
    const out = await this.box.close(roundId, async (trx, state) => {
      const round = await readRound(trx, roundId);
      if (state !== 'open') throw new Conflict(`round ${round.round_no} is already closed`, 'round_closed');
      const stored = await trx.selectFrom('ballots').select('choices_json').where('round_id', '=', roundId).execute();
      await trx.deleteFrom('ballots').where('round_id', '=', roundId).execute();
      const rows = shuffle(stored).map((b) => ({ id: ballotId(), round_id: roundId, choices_json: b.choices_json }));
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('ballots').values(rows.slice(i, i + 500)).execute();
      const tally = await tallyIn(trx, round);
      await trx.updateTable('vote_rounds').set({ state: 'closed', closed_at: now.toISOString(), result_json: JSON.stringify(tally) }).where('id', '=', roundId).execute();
      return { round: await readRound(trx, roundId), tally };
    });
    await this.options.forgetHistory?.(['ballots', 'vote_participation']);
    return out;
  }

  // --- casting ------------------------------------------------------------------

  private async deputyByCode(code: string): Promise<Deputy> {
    const d = await this.db.selectFrom('deputies').select(DEPUTY_COLUMNS).where('code_hash', '=', codeHash(code)).executeTakeFirst();
    if (!d) throw new WrongCode('this voting code is not valid');
    return deputyOf(d);
  }

  /** The deputy a code belongs to, with their session's open round (if any) and whether they have voted in it. */
  async lookup(code: string): Promise<{ deputy: Deputy; session: VoteSession; round: Round | null; voted: boolean; candidates: VoteCandidate[]; codeEvents: CodeEventItem[] }> {
    const deputy = await this.deputyByCode(code);
    const session = (await readSession(this.db, deputy.session_id))!;
    const round = (await readRounds(this.db, session.id)).find((r) => r.state === 'open') ?? null;
    const voted = round ? this.box.holds(round.id, deputy.id) || (await hasVoted(this.db, round.id, deputy.id)) : false;
    const all = await readCandidates(this.db, session.id);
    return { deputy, session, round, voted, candidates: round ? all.filter((c) => round.candidate_ids.includes(c.id)) : [], codeEvents: await readCodeEvents(this.db, { deputy_id: deputy.id }) };
  }

  /**
   * One secret ballot, answered once it is stored (by the ballot box, with
   * others). Refused (Conflict) if this deputy has voted in the round or has
   * a ballot waiting, and if the round closes before it is stored.
   */
  async cast(code: string, roundId: number, choices: unknown): Promise<{ round_no: number; kind: RoundKind }> {
    const deputy = await this.deputyByCode(code);
    const round = await readRound(this.db, roundId);
    if (round.session_id !== deputy.session_id) throw new WrongCode('this voting code belongs to another session');
    if (round.state !== 'open') throw new Conflict(`round ${round.round_no} is closed`, 'round_closed');
    if (this.box.holds(roundId, deputy.id) || (await hasVoted(this.db, roundId, deputy.id))) throw alreadyVoted(round.round_no);
    const checked = round.kind === 'selection' ? checkSelection(choices, round.candidate_ids, round.seats!) : checkRatings(choices, round.candidate_ids);
    await this.box.cast(roundId, deputy.id, JSON.stringify(checked));
    return { round_no: round.round_no, kind: round.kind };
  }

  // --- counting -----------------------------------------------------------------

  /**
   * The count from the stored ballots now, beside the count kept when the
   * round closed; `reproduced` says they agree. An open round has no count.
   */
  async tally(roundId: number): Promise<{ round: Round; tally: Tally | null; stored: Tally | null; reproduced: boolean | null }> {
    const round = await readRound(this.db, roundId);
    if (round.state === 'open') return { round, tally: null, stored: null, reproduced: null };
    const [kept] = await keptTallies(this.db, [round]);
    const tally = await tallyIn(this.db, round);
    return { round, tally, stored: kept.tally, reproduced: JSON.stringify(kept.tally) === JSON.stringify(tally) };
  }

  /** A closed round's ballots, each alone: id and choices, nothing about who cast it. */
  async ballots(roundId: number): Promise<StoredBallot[]> {
    const round = await readRound(this.db, roundId);
    if (round.state === 'open') throw new Conflict(`round ${round.round_no} is open: ballots are counted after it closes`, 'round_open');
    const rows = await this.db.selectFrom('ballots').select(['id', 'choices_json']).where('round_id', '=', roundId).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), choices: JSON.parse(r.choices_json) as BallotChoices }));
  }

  /** Who on the roster has voted in a round, and who has not — never what they chose. */
  async participation(roundId: number): Promise<{ voted: Deputy[]; not_voted: Deputy[] }> {
    const round = await readRound(this.db, roundId);
    const ids = new Set((await this.db.selectFrom('vote_participation').select('deputy_id').where('round_id', '=', roundId).execute()).map((r) => Number(r.deputy_id)));
    const roster = (await this.db.selectFrom('deputies').select(DEPUTY_COLUMNS).where('session_id', '=', round.session_id).orderBy('ord').execute()).map(deputyOf);
    return { voted: roster.filter((d) => ids.has(d.id)), not_voted: roster.filter((d) => !ids.has(d.id)) };
  }
}

const alreadyVoted = (roundNo?: number) =>
  new Conflict(`you have already voted in ${roundNo ? `round ${roundNo}` : 'this round'}; a ballot cannot be cast twice`, 'already_voted');

async function hasVoted(db: Db, roundId: number, deputyId: number): Promise<boolean> {
  return !!(await db.selectFrom('vote_participation').select('deputy_id').where('round_id', '=', roundId).where('deputy_id', '=', deputyId).executeTakeFirst());
}

/** The candidates and seats of the next round (see VoteRounds.open). */
function choose(pick: RoundOpen, s: VoteSession, candidates: readonly VoteCandidate[], rounds: readonly Round[], result: ReturnType<typeof resultOf>): { ids: number[]; seats: number | null } {
  if (pick.kind === 'satisfaction') {
    if (!result.elected.length) throw new Conflict('no project has been elected yet: a satisfaction vote rates elected projects', 'nothing_elected');
    if (rounds.some((r) => r.kind === 'satisfaction')) throw new Conflict('the satisfaction vote has been held', 'satisfaction_held');
    return { ids: result.elected, seats: null };
  }
  let ids: number[];
  let seats: number;
  if (result.selection_rounds === 0) {
    ids = candidates.map((c) => c.id);
    seats = s.seats;
  } else if (result.undecided) {
    ids = result.undecided.candidate_ids;
    seats = result.undecided.seats_left;
  } else throw new Conflict(`the vote is decided: ${result.elected.length} of ${s.seats} seats filled and no tie left`, 'decided');
  if (pick.candidate_ids && (pick.candidate_ids.length !== ids.length || pick.candidate_ids.some((c) => !ids.includes(c)))) {
    throw new Conflict(`this round must be between candidates ${ids.join(', ')}`, 'wrong_candidates');
  }
  if (pick.seats !== undefined && pick.seats !== seats) throw new Conflict(`this round fills ${seats} seat(s)`, 'wrong_seats');
  return { ids, seats };
}

/** Counts a round's stored ballots. */
async function tallyIn(db: Db, round: Round): Promise<Tally> {
  const roster = await rosterSize(db, round.session_id);
  const all = await readCandidates(db, round.session_id);
  const cands: Candidate[] = round.candidate_ids.map((id) => ({ id, title: all.find((c) => c.id === id)?.title ?? String(id) }));
  const rows = await db.selectFrom('ballots').select('choices_json').where('round_id', '=', round.id).orderBy('id').execute();
  if (round.kind === 'selection') {
    const s = (await readSession(db, round.session_id))!;
    return tallySelection(cands, rows.map((r) => JSON.parse(r.choices_json) as number[]), round.seats!, s.threshold, roster);
  }
  return tallySatisfaction(cands, rows.map((r) => JSON.parse(r.choices_json) as Record<string, Rating>), roster);
}
