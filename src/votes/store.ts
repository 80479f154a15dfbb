/**
 * 票决 set-up and results over the reports' kysely database (migration 6):
 * sessions, candidate projects, the deputies' roster with their voting codes,
 * the outcome, and adopting the elected projects as ledger tasks. Voting
 * itself (rounds, ballots, counting) is in ./rounds.ts.
 */
import type { Kysely } from 'kysely';
import { Conflict, NotFound } from '../errors.js';
import type { LedgerStore, Task } from '../ledger/store.js';
import type { Database } from '../store/schema.js';
import type { Writable } from '../store/transaction.js';
import type { CandidateInput } from './candidates.js';
import { codeHash, newVotingCode } from './codes.js';
import { candidateOf, DEPUTY_COLUMNS, deputyOf, keptTallies, lockSession, readCandidates, readCodeEvents, readRounds, requireSession, resultOf, rosterSize, sessionOf, type Db } from './rows.js';
import { VoteRounds, type RoundOptions } from './rounds.js';
import type { CodeEventItem, Deputy, DeputyWithCode, KeptTally, Round, SessionCreate, SessionDetail, SessionResult, VoteCandidate, VoteSession, VoteSessionSummary } from './types.js';

/** What adopting needs of the ledger: tasks made in one transaction with the caller's own writes. */
export type TaskMaker = Pick<LedgerStore, 'createTasks'>;

export class VoteStore {
  readonly rounds: VoteRounds;
  readonly db: Kysely<Database>;
  constructor(
    /** Where the sessions live: reads on its `db`, every change through its `write` (src/store/transaction.ts). */
    private readonly store: Writable,
    private readonly ledger: TaskMaker,
    options: RoundOptions = {},
  ) {
    this.db = store.db;
    this.rounds = new VoteRounds(store, options);
  }

  // --- sessions -----------------------------------------------------------------

  async createSession(s: SessionCreate, accountId: number | null, now: Date): Promise<VoteSession> {
    const at = now.toISOString();
    const r = await this.store.write((trx) => trx
      .insertInto('vote_sessions')
      .values({ jurisdiction: s.jurisdiction, year: s.year, title: s.title, seats: s.seats, threshold: s.threshold, document_id: s.document_id ?? null, created_by: accountId, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow());
    return sessionOf(r);
  }

  session(id: number): Promise<VoteSession> {
    return requireSession(this.db, id);
  }

  async listSessions(f: { jurisdiction?: string; year?: number } = {}): Promise<VoteSessionSummary[]> {
    let q = this.db
      .selectFrom('vote_sessions as s')
      .selectAll('s')
      .select((eb) => [
        eb.selectFrom('vote_candidates as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.session_id', '=', 's.id').as('candidates'),
        eb.selectFrom('deputies as d').select(eb.fn.countAll<number>().as('n')).whereRef('d.session_id', '=', 's.id').as('deputies'),
        eb.selectFrom('vote_rounds as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.session_id', '=', 's.id').as('rounds'),
      ])
      .orderBy('s.year', 'desc')
      .orderBy('s.id', 'desc');
    if (f.jurisdiction) q = q.where('s.jurisdiction', '=', f.jurisdiction);
    if (f.year) q = q.where('s.year', '=', f.year);
    return (await q.execute()).map((r) => ({ ...sessionOf(r), candidates: Number(r.candidates), deputies: Number(r.deputies), rounds: Number(r.rounds) }));
  }

  // --- candidates -----------------------------------------------------------------

  /** Candidates can change only until the first round opens: after that, ballots refer to them. */
  async addCandidates(sessionId: number, items: readonly CandidateInput[], now: Date): Promise<VoteCandidate[]> {
    return this.store.write(async (trx) => {
      await requireSession(trx, sessionId);
      if ((await readRounds(trx, sessionId)).length) throw new Conflict('voting has started: the candidate list is fixed', 'voting_started');
      const existing = await readCandidates(trx, sessionId);
      const titles = new Set(existing.map((c) => c.title));
      let ord = existing.length;
      const out = [...existing];
      for (const c of items) {
        if (titles.has(c.title)) continue;
        titles.add(c.title);
        const row = await trx
          .insertInto('vote_candidates')
          .values({ session_id: sessionId, ord: ++ord, title: c.title, detail: c.detail ?? null, source_sentence: c.source_sentence ?? null, document_id: c.document_id ?? null, fact_id: c.fact_id ?? null, task_id: null, created_at: now.toISOString() })
          .returningAll()
          .executeTakeFirstOrThrow();
        out.push(candidateOf(row));
      }
      return out;
    });
  }

  // --- roster and voting codes ------------------------------------------------------

  async deputies(sessionId: number, db: Db = this.db): Promise<Deputy[]> {
    return (await db.selectFrom('deputies').select(DEPUTY_COLUMNS).where('session_id', '=', sessionId).orderBy('ord').execute()).map(deputyOf);
  }

  /** Adds deputies to the roster; the answer is the only place their voting codes ever appear. */
  async addDeputies(sessionId: number, people: readonly { name: string; delegation?: string | null }[], now: Date): Promise<DeputyWithCode[]> {
    return this.store.write(async (trx) => {
      await requireSession(trx, sessionId);
      const last = await trx.selectFrom('deputies').select((eb) => eb.fn.max('ord').as('m')).where('session_id', '=', sessionId).executeTakeFirst();
      let ord = Number(last?.m ?? 0);
      const out: DeputyWithCode[] = [];
      for (const p of people) {
        const code = newVotingCode();
        const r = await trx
          .insertInto('deputies')
          .values({ session_id: sessionId, ord: ++ord, name: p.name, delegation: p.delegation ?? null, code_hash: codeHash(code), code_issued_at: now.toISOString() })
          .returning(DEPUTY_COLUMNS)
          .executeTakeFirstOrThrow();
        out.push({ ...deputyOf(r), code });
      }
      return out;
    });
  }

  /**
   * A new code for a deputy who lost theirs; the old one stops working.
   * Refused while a round of the session is open — a new code then could
   * cast the deputy's ballot before they do — and the refusal is recorded
   * as the reissue would be: both in the code log the deputy sees when they
   * enter their code, and the office in the session's log.
   */
  async reissueCode(sessionId: number, deputyId: number, accountId: number | null, now: Date): Promise<DeputyWithCode> {
    const code = newVotingCode();
    const r = await this.store.write(async (trx) => {
      await lockSession(trx, sessionId);
      const d = await trx.selectFrom('deputies').select(DEPUTY_COLUMNS).where('id', '=', deputyId).where('session_id', '=', sessionId).executeTakeFirst();
      if (!d) throw new NotFound(`no deputy ${deputyId} in session ${sessionId}`);
      const open = (await readRounds(trx, sessionId)).find((x) => x.state === 'open');
      const event = { session_id: sessionId, deputy_id: deputyId, account_id: accountId, at: now.toISOString() };
      if (open) {
        await trx.insertInto('vote_code_events').values({ ...event, event: 'refused', round_id: open.id }).execute();
        return { refused: open.round_no };
      }
      await trx.updateTable('deputies').set({ code_hash: codeHash(code), code_issued_at: now.toISOString() }).where('id', '=', deputyId).execute();
      await trx.insertInto('vote_code_events').values({ ...event, event: 'reissued', round_id: null }).execute();
      return { deputy: deputyOf(d) };
    });
    if ('refused' in r) throw new Conflict(`round ${r.refused} is open: a voting code can be reissued after it closes (this attempt is recorded in the code log)`, 'round_open');
    return { ...r.deputy, code };
  }

  /** The session's code log: every reissue and refused reissue, oldest first. */
  codeEvents(sessionId: number): Promise<CodeEventItem[]> {
    return requireSession(this.db, sessionId).then(() => readCodeEvents(this.db, { session_id: sessionId }));
  }

  // --- results ------------------------------------------------------------------

  async result(sessionId: number): Promise<SessionResult> {
    return (await this.overview(sessionId)).result;
  }

  /** What a session's page shows: the session, its candidates, the roster's size, rounds, kept counts and the outcome. */
  async detail(sessionId: number): Promise<SessionDetail> {
    const session = await requireSession(this.db, sessionId);
    return { session, candidates: await readCandidates(this.db, sessionId), deputies: await rosterSize(this.db, sessionId), ...(await this.overview(sessionId)) };
  }

  /** A session's rounds, the count kept for each closed one (results, never ballots) and the outcome. */
  async overview(sessionId: number): Promise<{ rounds: Round[]; tallies: KeptTally[]; result: SessionResult }> {
    await requireSession(this.db, sessionId);
    const rounds = await readRounds(this.db, sessionId);
    const tallies = await keptTallies(this.db, rounds);
    return { rounds, tallies, result: resultOf(tallies) };
  }

  /**
   * The elected projects become ledger tasks (livelihood, due at the year's
   * end) in one transaction with the links back to their candidates; a
   * project adopted before is not adopted again.
   */
  async adopt(sessionId: number, accountId: number | null, now: Date): Promise<{ created: Task[]; already: number }> {
    const s = await requireSession(this.db, sessionId);
    const { result } = await this.overview(sessionId);
    if (!result.elected.length) throw new Conflict('no project has been elected yet', 'nothing_elected');
    const candidates = await readCandidates(this.db, sessionId);
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
          if (Number(r.numUpdatedRows) !== 1) throw new Conflict('the projects were adopted meanwhile; reload', 'adopted_meanwhile');
        }
      },
    );
    return { created, already: result.elected.length - todo.length };
  }
}
