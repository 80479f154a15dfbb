/**
 * 票决 persistence over the reports' kysely database (migration 6).
 *
 * Secrecy is kept by the shape of the data: casting writes two rows in one
 * transaction, `vote_participation` (round, deputy: who voted) and `ballots`
 * (random id, round, choices: what was chosen), with no time and nothing
 * shared between them but the round. A deputy cannot vote twice because
 * (round, deputy) is the participation table's primary key. Closing a round
 * rewrites its ballots in shuffled order, so not even the physical order of
 * rows (PostgreSQL keeps insertion order) follows the order of voting.
 */
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { LedgerStore, Task } from '../ledger/store.js';
import type { Database } from '../store/schema.js';
import type { CandidateInput } from './candidates.js';
import type { Deputy, Round, RoundKind, SessionResult, VoteCandidate, VoteSession, VoteSessionSummary } from './types.js';
import { ballotId, codeHash, newVotingCode } from './codes.js';
import {
  BallotError, checkRatings, checkSelection, electedOver, tallySatisfaction, tallySelection,
  type Candidate, type Rating, type SatisfactionTally, type SelectionTally, type Tally, type Threshold,
} from './tally.js';

export type { Deputy, Round, RoundKind, SessionResult, VoteCandidate, VoteSession, VoteSessionSummary };

/** Raised for a request the session's state does not allow (answered 409). */
export class VoteConflict extends Error {
  override readonly name = 'VoteConflict';
}

/** An unknown session, round, deputy or voting code (answered 404, or 403 for a code). */
export class VoteNotFound extends Error {
  override readonly name = 'VoteNotFound';
}

export { BallotError };

type Db = Kysely<Database> | Transaction<Database>;

/** Fisher–Yates with a cryptographic source: the stored order must not be guessable. */
function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export class VoteStore {
  readonly db: Kysely<Database>;
  constructor(private readonly ledger: LedgerStore) {
    this.db = ledger.db;
  }

  // --- sessions, candidates, roster ---------------------------------------------

  async createSession(s: { jurisdiction: string; year: number; title: string; seats: number; threshold: Threshold; document_id?: number | null }, accountId: number | null, now: Date): Promise<VoteSession> {
    const at = now.toISOString();
    const r = await this.db
      .insertInto('vote_sessions')
      .values({ jurisdiction: s.jurisdiction, year: s.year, title: s.title, seats: s.seats, threshold: s.threshold, document_id: s.document_id ?? null, created_by: accountId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.session(Number(r.id)))!;
  }

  async session(id: number, db: Db = this.db): Promise<VoteSession | undefined> {
    const r = await db.selectFrom('vote_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r && {
      id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), title: r.title, seats: Number(r.seats),
      threshold: r.threshold as Threshold, document_id: num(r.document_id), created_at: r.created_at, updated_at: r.updated_at,
    };
  }

  async listSessions(f: { jurisdiction?: string; year?: number } = {}): Promise<VoteSessionSummary[]> {
    let q = this.db.selectFrom('vote_sessions').select('id').orderBy('year', 'desc').orderBy('id', 'desc');
    if (f.jurisdiction) q = q.where('jurisdiction', '=', f.jurisdiction);
    if (f.year) q = q.where('year', '=', f.year);
    const out = [];
    for (const { id } of await q.execute()) {
      const s = (await this.session(Number(id)))!;
      const count = async (table: 'vote_candidates' | 'deputies' | 'vote_rounds') =>
        Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', s.id).executeTakeFirstOrThrow()).n);
      out.push({ ...s, candidates: await count('vote_candidates'), deputies: await count('deputies'), rounds: await count('vote_rounds') });
    }
    return out;
  }

  private async requireSession(id: number, db: Db = this.db): Promise<VoteSession> {
    const s = await this.session(id, db);
    if (!s) throw new VoteNotFound(`no 票决 session with id ${id}`);
    return s;
  }

  async candidates(sessionId: number, db: Db = this.db): Promise<VoteCandidate[]> {
    const rows = await db.selectFrom('vote_candidates').selectAll().where('session_id', '=', sessionId).orderBy('ord').execute();
    return rows.map((r) => ({
      id: Number(r.id), session_id: Number(r.session_id), ord: Number(r.ord), title: r.title, detail: r.detail, source_sentence: r.source_sentence,
      document_id: num(r.document_id), fact_id: num(r.fact_id), task_id: num(r.task_id),
    }));
  }

  /** Candidates can change only until the first round opens: after that, ballots refer to them. */
  async addCandidates(sessionId: number, items: readonly CandidateInput[], now: Date): Promise<VoteCandidate[]> {
    return this.db.transaction().execute(async (trx) => {
      await this.requireSession(sessionId, trx);
      if ((await this.rounds(sessionId, trx)).length) throw new VoteConflict('voting has started: the candidate list is fixed');
      const existing = await this.candidates(sessionId, trx);
      const titles = new Set(existing.map((c) => c.title));
      let ord = existing.length;
      for (const c of items) {
        if (titles.has(c.title)) continue;
        titles.add(c.title);
        await trx
          .insertInto('vote_candidates')
          .values({ session_id: sessionId, ord: ++ord, title: c.title, detail: c.detail ?? null, source_sentence: c.source_sentence ?? null, document_id: c.document_id ?? null, fact_id: c.fact_id ?? null, task_id: null, created_at: now.toISOString() })
          .execute();
      }
      return this.candidates(sessionId, trx);
    });
  }

  async deputies(sessionId: number): Promise<Deputy[]> {
    const rows = await this.db.selectFrom('deputies').select(['id', 'session_id', 'ord', 'name', 'delegation']).where('session_id', '=', sessionId).orderBy('ord').execute();
    return rows.map((r) => ({ id: Number(r.id), session_id: Number(r.session_id), ord: Number(r.ord), name: r.name, delegation: r.delegation }));
  }

  /** Adds deputies to the roster; the answer is the only place their voting codes ever appear. */
  async addDeputies(sessionId: number, people: readonly { name: string; delegation?: string | null }[], now: Date): Promise<(Deputy & { code: string })[]> {
    return this.db.transaction().execute(async (trx) => {
      await this.requireSession(sessionId, trx);
      const last = await trx.selectFrom('deputies').select((eb) => eb.fn.max('ord').as('m')).where('session_id', '=', sessionId).executeTakeFirst();
      let ord = Number(last?.m ?? 0);
      const out: (Deputy & { code: string })[] = [];
      for (const p of people) {
        const code = newVotingCode();
        const r = await trx
          .insertInto('deputies')
          .values({ session_id: sessionId, ord: ++ord, name: p.name, delegation: p.delegation ?? null, code_hash: codeHash(code), code_issued_at: now.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        out.push({ id: Number(r.id), session_id: sessionId, ord, name: p.name, delegation: p.delegation ?? null, code });
      }
      return out;
    });
  }

  /** A new code for a deputy who lost theirs; the old one stops working. Whether they voted is unchanged. */
  async reissueCode(sessionId: number, deputyId: number, now: Date): Promise<Deputy & { code: string }> {
    const code = newVotingCode();
    const r = await this.db
      .updateTable('deputies')
      .set({ code_hash: codeHash(code), code_issued_at: now.toISOString() })
      .where('id', '=', deputyId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new VoteNotFound(`no deputy ${deputyId} in session ${sessionId}`);
    const d = (await this.deputies(sessionId)).find((x) => x.id === deputyId)!;
    return { ...d, code };
  }

  async rosterSize(sessionId: number, db: Db = this.db): Promise<number> {
    return Number((await db.selectFrom('deputies').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow()).n);
  }

  // --- rounds -------------------------------------------------------------------

  async rounds(sessionId: number, db: Db = this.db): Promise<Round[]> {
    const rows = await db.selectFrom('vote_rounds').selectAll().where('session_id', '=', sessionId).orderBy('round_no').execute();
    const out: Round[] = [];
    for (const r of rows) {
      const turnout = await db.selectFrom('vote_participation').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', r.id).executeTakeFirstOrThrow();
      out.push({
        id: Number(r.id), session_id: Number(r.session_id), round_no: Number(r.round_no), kind: r.kind as RoundKind, seats: num(r.seats),
        candidate_ids: JSON.parse(r.candidate_ids_json) as number[], state: r.state as Round['state'], opened_at: r.opened_at, closed_at: r.closed_at,
        turnout: Number(turnout.n),
      });
    }
    return out;
  }

  async round(roundId: number, db: Db = this.db): Promise<Round> {
    const r = await db.selectFrom('vote_rounds').select('session_id').where('id', '=', roundId).executeTakeFirst();
    if (!r) throw new VoteNotFound(`no voting round with id ${roundId}`);
    return (await this.rounds(Number(r.session_id), db)).find((x) => x.id === roundId)!;
  }

  /**
   * Opens the next round. A selection round takes every candidate the first
   * time, and after a tie across the last seats only the tied ones, for the
   * seats still open; a satisfaction round takes the elected projects.
   */
  async openRound(sessionId: number, kind: RoundKind, now: Date, pick?: { candidate_ids?: number[]; seats?: number }): Promise<Round> {
    return this.db.transaction().execute(async (trx) => {
      const s = await this.requireSession(sessionId, trx);
      const rounds = await this.rounds(sessionId, trx);
      if (rounds.some((r) => r.state === 'open')) throw new VoteConflict(`round ${rounds.find((r) => r.state === 'open')!.round_no} is still open: close it first`);
      const candidates = await this.candidates(sessionId, trx);
      if (!candidates.length) throw new VoteConflict('the session has no candidates yet');
      if ((await this.rosterSize(sessionId, trx)) === 0) throw new VoteConflict('the session has no deputies on its roster yet');
      const result = this.resultOf(await this.keptTallies(trx, rounds));
      let ids: number[];
      let seats: number | null;
      if (kind === 'selection') {
        if (result.selection_rounds === 0) {
          ids = candidates.map((c) => c.id);
          seats = s.seats;
        } else if (result.undecided) {
          ids = result.undecided.candidate_ids;
          seats = result.undecided.seats_left;
        } else throw new VoteConflict(`the vote is decided: ${result.elected.length} of ${s.seats} seats filled and no tie left`);
        if (pick?.candidate_ids && (pick.candidate_ids.length !== ids.length || pick.candidate_ids.some((c) => !ids.includes(c)))) {
          throw new VoteConflict(`this round must be between candidates ${ids.join(', ')}`);
        }
        if (pick?.seats !== undefined && pick.seats !== seats) throw new VoteConflict(`this round fills ${seats} seat(s)`);
      } else {
        if (!result.elected.length) throw new VoteConflict('no project has been elected yet: a satisfaction vote rates elected projects');
        if (rounds.some((r) => r.kind === 'satisfaction')) throw new VoteConflict('the satisfaction vote has been held');
        ids = result.elected;
        seats = null;
      }
      const r = await trx
        .insertInto('vote_rounds')
        .values({ session_id: sessionId, round_no: rounds.length + 1, kind, seats, candidate_ids_json: JSON.stringify(ids), state: 'open', opened_at: now.toISOString(), closed_at: null, result_json: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return this.round(Number(r.id), trx);
    });
  }

  /** Closes a round: shuffles its ballots in storage, counts them and keeps the count. */
  async closeRound(roundId: number, now: Date): Promise<{ round: Round; tally: Tally }> {
    return this.db.transaction().execute(async (trx) => {
      const round = await this.round(roundId, trx);
      if (round.state !== 'open') throw new VoteConflict(`round ${round.round_no} is already closed`);
      const stored = await trx.selectFrom('ballots').select('choices_json').where('round_id', '=', roundId).execute();
      await trx.deleteFrom('ballots').where('round_id', '=', roundId).execute();
      for (const b of shuffle(stored.map((x) => x.choices_json))) {
        await trx.insertInto('ballots').values({ id: ballotId(), round_id: roundId, choices_json: b }).execute();
      }
      const tally = await this.tallyIn(trx, round);
      await trx.updateTable('vote_rounds').set({ state: 'closed', closed_at: now.toISOString(), result_json: JSON.stringify(tally) }).where('id', '=', roundId).execute();
      return { round: await this.round(roundId, trx), tally };
    });
  }

  // --- casting ------------------------------------------------------------------

  /** The deputy a code belongs to, with their session's open round (if any) and whether they have voted in it. */
  async lookup(code: string): Promise<{ deputy: Deputy; session: VoteSession; round: Round | null; voted: boolean; candidates: VoteCandidate[] }> {
    const d = await this.db.selectFrom('deputies').select(['id', 'session_id', 'ord', 'name', 'delegation']).where('code_hash', '=', codeHash(code)).executeTakeFirst();
    if (!d) throw new VoteNotFound('this voting code is not valid');
    const deputy = { id: Number(d.id), session_id: Number(d.session_id), ord: Number(d.ord), name: d.name, delegation: d.delegation };
    const session = (await this.session(deputy.session_id))!;
    const round = (await this.rounds(session.id)).find((r) => r.state === 'open') ?? null;
    const voted = round ? await this.hasVoted(round.id, deputy.id) : false;
    const all = await this.candidates(session.id);
    return { deputy, session, round, voted, candidates: round ? all.filter((c) => round.candidate_ids.includes(c.id)) : [] };
  }

  private async hasVoted(roundId: number, deputyId: number, db: Db = this.db): Promise<boolean> {
    return !!(await db.selectFrom('vote_participation').select('deputy_id').where('round_id', '=', roundId).where('deputy_id', '=', deputyId).executeTakeFirst());
  }

  /**
   * One secret ballot. Refused (VoteConflict) if this deputy has voted in
   * the round — checked first for a clear answer, and enforced by the
   * primary key when two casts race.
   */
  async cast(code: string, roundId: number, choices: unknown): Promise<{ round_no: number; kind: RoundKind }> {
    const deputyRow = await this.db.selectFrom('deputies').select(['id', 'session_id']).where('code_hash', '=', codeHash(code)).executeTakeFirst();
    if (!deputyRow) throw new VoteNotFound('this voting code is not valid');
    const deputyId = Number(deputyRow.id);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const round = await this.round(roundId, trx);
        if (round.session_id !== Number(deputyRow.session_id)) throw new VoteNotFound('this voting code belongs to another session');
        if (round.state !== 'open') throw new VoteConflict(`round ${round.round_no} is closed`);
        if (await this.hasVoted(roundId, deputyId, trx)) throw new VoteConflict(`you have already voted in round ${round.round_no}; a ballot cannot be cast twice`);
        const checked = round.kind === 'selection' ? checkSelection(choices, round.candidate_ids, round.seats!) : checkRatings(choices, round.candidate_ids);
        await trx.insertInto('vote_participation').values({ round_id: roundId, deputy_id: deputyId }).execute();
        await trx.insertInto('ballots').values({ id: ballotId(), round_id: roundId, choices_json: JSON.stringify(checked) }).execute();
        return { round_no: round.round_no, kind: round.kind };
      });
    } catch (e) {
      if (e instanceof VoteConflict || e instanceof VoteNotFound || e instanceof BallotError) throw e;
      // The primary key refused a second row for this deputy: a concurrent cast won.
      if (await this.hasVoted(roundId, deputyId)) throw new VoteConflict('you have already voted in this round; a ballot cannot be cast twice');
      throw e;
    }
  }

  // --- counting and results -----------------------------------------------------

  private async tallyIn(db: Db, round: Round): Promise<Tally> {
    const roster = await this.rosterSize(round.session_id, db);
    const all = await this.candidates(round.session_id, db);
    const cands: Candidate[] = round.candidate_ids.map((id) => ({ id, title: all.find((c) => c.id === id)?.title ?? String(id) }));
    const rows = await db.selectFrom('ballots').select('choices_json').where('round_id', '=', round.id).orderBy('id').execute();
    if (round.kind === 'selection') {
      const s = (await this.session(round.session_id, db))!;
      return tallySelection(cands, rows.map((r) => JSON.parse(r.choices_json) as number[]), round.seats!, s.threshold, roster);
    }
    return tallySatisfaction(cands, rows.map((r) => JSON.parse(r.choices_json) as Record<string, Rating>), roster);
  }

  /**
   * The count from the stored ballots now, beside the count kept when the
   * round closed; `reproduced` says they agree. An open round has no count.
   */
  async tally(roundId: number): Promise<{ round: Round; tally: Tally | null; stored: Tally | null; reproduced: boolean | null }> {
    const round = await this.round(roundId);
    if (round.state === 'open') return { round, tally: null, stored: null, reproduced: null };
    const r = await this.db.selectFrom('vote_rounds').select('result_json').where('id', '=', roundId).executeTakeFirstOrThrow();
    const stored = r.result_json ? (JSON.parse(r.result_json) as Tally) : null;
    const tally = await this.tallyIn(this.db, round);
    return { round, tally, stored, reproduced: stored !== null && JSON.stringify(stored) === JSON.stringify(tally) };
  }

  /** A closed round's ballots, each alone: id and choices, nothing about who cast it. */
  async ballots(roundId: number): Promise<{ id: number; choices: number[] | Record<string, Rating> }[]> {
    const round = await this.round(roundId);
    if (round.state === 'open') throw new VoteConflict(`round ${round.round_no} is open: ballots are counted after it closes`);
    const rows = await this.db.selectFrom('ballots').select(['id', 'choices_json']).where('round_id', '=', roundId).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), choices: JSON.parse(r.choices_json) as number[] | Record<string, Rating> }));
  }

  /** Who on the roster has voted in a round, and who has not — never what they chose. */
  async participation(roundId: number): Promise<{ voted: Deputy[]; not_voted: Deputy[] }> {
    const round = await this.round(roundId);
    const ids = new Set((await this.db.selectFrom('vote_participation').select('deputy_id').where('round_id', '=', roundId).execute()).map((r) => Number(r.deputy_id)));
    const roster = await this.deputies(round.session_id);
    return { voted: roster.filter((d) => ids.has(d.id)), not_voted: roster.filter((d) => !ids.has(d.id)) };
  }

  /** The counts kept when each closed round closed, in round order. */
  private async keptTallies(db: Db, rounds: Round[]): Promise<{ round: Round; tally: Tally }[]> {
    const out = [];
    for (const r of rounds.filter((x) => x.state === 'closed')) {
      const row = await db.selectFrom('vote_rounds').select('result_json').where('id', '=', r.id).executeTakeFirstOrThrow();
      out.push({ round: r, tally: JSON.parse(row.result_json!) as Tally });
    }
    return out;
  }

  /** The outcome over the kept counts: selection rounds in order, then the satisfaction round. */
  private resultOf(kept: { round: Round; tally: Tally }[]): SessionResult {
    const selection = kept.filter((k) => k.round.kind === 'selection').map((k) => k.tally as SelectionTally);
    const sat = kept.find((k) => k.round.kind === 'satisfaction');
    return { ...electedOver(selection), selection_rounds: selection.length, satisfaction: sat ? (sat.tally as SatisfactionTally) : null };
  }

  async result(sessionId: number): Promise<SessionResult> {
    await this.requireSession(sessionId);
    return this.resultOf(await this.keptTallies(this.db, await this.rounds(sessionId)));
  }

  /** A session's rounds, the count kept for each closed one (results, never ballots) and the outcome. */
  async overview(sessionId: number): Promise<{ rounds: Round[]; tallies: { round: Round; tally: Tally }[]; result: SessionResult }> {
    await this.requireSession(sessionId);
    const rounds = await this.rounds(sessionId);
    const tallies = await this.keptTallies(this.db, rounds);
    return { rounds, tallies, result: this.resultOf(tallies) };
  }

  /**
   * The elected projects become ledger tasks (livelihood, due at the year's
   * end) in one transaction with the links back to their candidates; a
   * project adopted before is not adopted again.
   */
  async adopt(sessionId: number, accountId: number | null, now: Date): Promise<{ created: Task[]; already: number }> {
    const s = await this.requireSession(sessionId);
    const result = await this.result(sessionId);
    if (!result.elected.length) throw new VoteConflict('no project has been elected yet');
    const candidates = await this.candidates(sessionId);
    const todo = result.elected.map((id) => candidates.find((c) => c.id === id)!).filter((c) => c.task_id === null);
    const created = await this.ledger.createTasks(
      todo.map((c) => ({
        jurisdiction: s.jurisdiction, year: s.year, title: c.title, livelihood: true, source_kind: 'voted_project',
        source_sentence: c.source_sentence ?? c.detail, document_id: c.document_id, fact_id: c.fact_id, deadline: `${s.year}-12-31`,
      })),
      accountId, now, { action: 'create', note: `民生实事 elected by 票决 session ${s.id} (${s.title})` },
      async (trx, tasks) => {
        for (let i = 0; i < tasks.length; i++) {
          const r = await trx.updateTable('vote_candidates').set({ task_id: tasks[i].id }).where('id', '=', todo[i].id).where('task_id', 'is', null).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw new VoteConflict('the projects were adopted meanwhile; reload');
        }
      },
    );
    return { created, already: result.elected.length - todo.length };
  }
}
