/**
 * Reads shared by the 票决 services: rows of the vote tables (migration 6)
 * as the records the schemas describe, and the outcome over kept counts.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { NotFound } from '../errors.js';
import type { Database, VoteCandidatesTable, VoteRoundsTable, VoteSessionsTable } from '../store/schema.js';
import type { Trx } from '../store/transaction.js';
import { electedOver } from './tally.js';
import type { CodeEventItem, Deputy, KeptTally, Round, SatisfactionTally, SelectionTally, SessionResult, Tally, VoteCandidate, VoteSession } from './types.js';

export type Db = Kysely<Database> | Transaction<Database>;

const num = (v: number | null) => (v === null ? null : Number(v));

export const sessionOf = (r: Selectable<VoteSessionsTable>): VoteSession => ({
  id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), title: r.title, seats: Number(r.seats),
  threshold: r.threshold, document_id: num(r.document_id), created_at: r.created_at, updated_at: r.updated_at,
});

export const candidateOf = (r: Selectable<VoteCandidatesTable>): VoteCandidate => ({
  id: Number(r.id), session_id: Number(r.session_id), ord: Number(r.ord), title: r.title, detail: r.detail, source_sentence: r.source_sentence,
  document_id: num(r.document_id), fact_id: num(r.fact_id), task_id: num(r.task_id),
});

export const deputyOf = (r: { id: number; session_id: number; ord: number; name: string; delegation: string | null }): Deputy => ({
  id: Number(r.id), session_id: Number(r.session_id), ord: Number(r.ord), name: r.name, delegation: r.delegation,
});

const roundOf = (r: Selectable<VoteRoundsTable>, turnout: number): Round => ({
  id: Number(r.id), session_id: Number(r.session_id), round_no: Number(r.round_no), kind: r.kind, seats: num(r.seats),
  candidate_ids: JSON.parse(r.candidate_ids_json) as number[], state: r.state, opened_at: r.opened_at, closed_at: r.closed_at, turnout,
});

export const DEPUTY_COLUMNS = ['id', 'session_id', 'ord', 'name', 'delegation'] as const;

export async function readSession(db: Db, id: number): Promise<VoteSession | undefined> {
  const r = await db.selectFrom('vote_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return r && sessionOf(r);
}

export async function requireSession(db: Db, id: number): Promise<VoteSession> {
  const s = await readSession(db, id);
  if (!s) throw new NotFound(`no 票决 session with id ${id}`);
  return s;
}

/**
 * Takes the session's row lock (an update that changes nothing): opening a
 * round and reissuing a voting code serialise on it, so a code is never
 * reissued into a round that opened meanwhile.
 */
export async function lockSession(trx: Trx, id: number): Promise<void> {
  const r = await trx.updateTable('vote_sessions').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id).returning('id').executeTakeFirst();
  if (!r) throw new NotFound(`no 票决 session with id ${id}`);
}

export async function readCandidates(db: Db, sessionId: number): Promise<VoteCandidate[]> {
  return (await db.selectFrom('vote_candidates').selectAll().where('session_id', '=', sessionId).orderBy('ord').execute()).map(candidateOf);
}

export async function rosterSize(db: Db, sessionId: number): Promise<number> {
  return Number((await db.selectFrom('deputies').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow()).n);
}

/** A session's rounds in order, each with its turnout. */
export async function readRounds(db: Db, sessionId: number): Promise<Round[]> {
  const rows = await db
    .selectFrom('vote_rounds as r')
    .selectAll('r')
    .select((eb) => eb.selectFrom('vote_participation as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.round_id', '=', 'r.id').as('turnout'))
    .where('r.session_id', '=', sessionId)
    .orderBy('r.round_no')
    .execute();
  return rows.map((r) => roundOf(r, Number(r.turnout)));
}

export async function readRound(db: Db, roundId: number): Promise<Round> {
  const r = await db.selectFrom('vote_rounds').select('session_id').where('id', '=', roundId).executeTakeFirst();
  if (!r) throw new NotFound(`no voting round with id ${roundId}`);
  return (await readRounds(db, Number(r.session_id))).find((x) => x.id === roundId)!;
}

/** The code log of a session, or of one deputy: reissues and refused reissues, oldest first, with who did them. */
export async function readCodeEvents(db: Db, where: { session_id: number } | { deputy_id: number }): Promise<CodeEventItem[]> {
  let q = db
    .selectFrom('vote_code_events as e')
    .innerJoin('deputies as d', 'd.id', 'e.deputy_id')
    .leftJoin('vote_rounds as r', 'r.id', 'e.round_id')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .select(['e.id', 'e.deputy_id', 'd.name as deputy', 'e.event', 'r.round_no', 'a.name as by', 'e.at'])
    .orderBy('e.id');
  q = 'session_id' in where ? q.where('e.session_id', '=', where.session_id) : q.where('e.deputy_id', '=', where.deputy_id);
  return (await q.execute()).map((r) => ({ id: Number(r.id), deputy_id: Number(r.deputy_id), deputy: r.deputy, event: r.event, round_no: num(r.round_no), by: r.by, at: r.at }));
}

/** The counts kept when each closed round closed, in round order. */
export async function keptTallies(db: Db, rounds: readonly Round[]): Promise<KeptTally[]> {
  const closed = rounds.filter((x) => x.state === 'closed');
  if (!closed.length) return [];
  const rows = await db.selectFrom('vote_rounds').select(['id', 'result_json']).where('id', 'in', closed.map((r) => r.id)).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r.result_json]));
  return closed.map((round) => ({ round, tally: JSON.parse(byId.get(round.id)!) as Tally }));
}

/** The outcome over the kept counts: selection rounds in order, then the satisfaction round. */
export function resultOf(kept: readonly KeptTally[]): SessionResult {
  const selection = kept.flatMap((k) => (k.tally.kind === 'selection' ? [k.tally] : [])) satisfies SelectionTally[];
  const sat = kept.find((k): k is { round: Round; tally: SatisfactionTally } => k.tally.kind === 'satisfaction');
  return { ...electedOver(selection), selection_rounds: selection.length, satisfaction: sat?.tally ?? null };
}
