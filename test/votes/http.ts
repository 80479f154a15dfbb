/**
 * Fixtures for the 票决 HTTP suites: an app over a test store with a
 * supervisor signed in and a deputy's browser, and helpers that set up a
 * session, its roster and rounds, so every case builds what it needs (and
 * runs alone with `-t`).
 */
import { expect } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, text, type App } from '../ledger/client.js';
import { sql } from 'kysely';
import { openPostgres } from '../../src/store/postgres/engine.js';
import { openRepository } from '../../src/store/repository.js';
import { createTestStore, PG_URL, type StoreName, type TestStore } from '../store/stores.js';
import { ballotsFor, FORTY } from './fixtures.js';

export const PASSWORD = 'S3cret-pass!';

export interface VoteWorld {
  store: TestStore;
  app: App;
  /** A supervisor (clerk), signed in. */
  sup: Client;
  /** A deputy's browser: a CSRF cookie, no account. */
  deputy: Client;
  /** Another client with an address of its own (signed out, CSRF cookie set). */
  client(ip: string): Promise<Client>;
}

export async function openWorld(storeName: StoreName, options: AppOptions = {}): Promise<VoteWorld> {
  const clock = new Date('2024-01-20T09:00:00+08:00');
  const store = await createTestStore(storeName);
  const app = inProcess(createApp(store.repo, { now: () => clock, trustedProxies: 1, ...options }));
  await createAdmin(store.repo, 'root', PASSWORD, clock);
  const root = new Client(app, '10.1.0.1');
  await root.login('root', PASSWORD);
  expect((await root.post('/api/ledger/accounts', { name: 'clerk', password: PASSWORD, role: 'supervisor', unit_id: null })).status).toBe(201);
  const unit = body(await root.post('/api/ledger/units', { name: '区住建局', parent_id: null })).unit.id;
  expect((await root.post('/api/ledger/accounts', { name: 'officer', password: PASSWORD, role: 'unit_officer', unit_id: unit })).status).toBe(201);
  const sup = new Client(app, '10.1.0.2');
  expect((await sup.login('clerk', PASSWORD)).status).toBe(200);
  const client = async (ip: string) => {
    const c = new Client(app, ip);
    await c.get('/api/ledger/session');
    return c;
  };
  return { store, app, sup, deputy: await client('10.1.0.9'), client };
}

/**
 * The same PostgreSQL schema served by a second app with connections and a
 * ballot box of its own, as a second server process would (SQLite's driver
 * is synchronous: two connections in one process would wait on each other).
 */
export async function secondServer(w: VoteWorld, options: AppOptions = {}): Promise<{ deputy: Client; sup: Client; close(): Promise<void> }> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(w.store.repo.db)).rows[0].s;
  const repo = await openRepository(openPostgres(PG_URL, { schema }));
  const app = inProcess(createApp(repo, { trustedProxies: 1, ...options }));
  const sup = new Client(app, '10.2.0.2');
  expect((await sup.login('clerk', PASSWORD)).status).toBe(200);
  const deputy = new Client(app, '10.2.0.9');
  await deputy.get('/api/ledger/session');
  return { deputy, sup, close: () => repo.close() };
}

export interface Code {
  id: number;
  name: string;
  code: string;
}

export interface SessionFixture {
  id: number;
  candidateIds: number[];
  codes: Code[];
}

/** A session with `candidates` (titles) and a roster of `deputies` (代表1…), codes kept. */
export async function newSession(sup: Client, o: { title: string; seats: number; candidates: string[]; deputies: number; year?: number }): Promise<SessionFixture> {
  const s = await sup.post('/api/votes/sessions', { jurisdiction: '某某区', year: o.year ?? 2024, title: o.title, seats: o.seats });
  expect(s.status, text(s)).toBe(201);
  const id = body(s).session.id;
  const c = await sup.post(`/api/votes/sessions/${id}/candidates`, { items: o.candidates.map((title) => ({ title })) });
  expect(c.status, text(c)).toBe(201);
  const roster = Array.from({ length: o.deputies }, (_, i) => ({ name: `代表${i + 1}`, delegation: `第${(i % 6) + 1}代表团` }));
  const d = await sup.post(`/api/votes/sessions/${id}/deputies`, { items: roster });
  expect(d.status, text(d)).toBe(201);
  return { id, candidateIds: body(c).items.map((x: { id: number }) => x.id), codes: body(d).items };
}

export async function openRound(sup: Client, sessionId: number, round: object = {}): Promise<number> {
  const r = await sup.post(`/api/votes/sessions/${sessionId}/rounds`, round);
  expect(r.status, text(r)).toBe(201);
  return body(r).round.id;
}

/** Casts every ballot at once (deputy i casts ballots[i]) and returns the statuses in roster order. */
export async function castAll(deputy: Client, roundId: number, codes: readonly Code[], ballots: readonly unknown[]): Promise<number[]> {
  const answers = await Promise.all(ballots.map((choices, i) => deputy.post(`/api/votes/rounds/${roundId}/ballots`, { code: codes[i].code, choices })));
  return answers.map((a) => a.status);
}

type RoundCheck = (s: SessionFixture, roundId: number) => Promise<void>;

export interface FortyRound extends SessionFixture {
  roundId: number;
  /** Each ballot (sorted choices as JSON) in the order they were sent. */
  castOrder: string[];
  /** The answer to closing the round. */
  closed: ReturnType<typeof body>;
}

/**
 * 40 candidates, 300 deputies, 10 seats: every deputy votes (FORTY's totals,
 * ties at 4th/5th and 11th/12th) and the round is closed.
 */
export async function fortyRound(w: VoteWorld, checks: { beforeCast?: RoundCheck; afterCast?: RoundCheck } = {}): Promise<FortyRound> {
  const s = await newSession(w.sup, { title: '2024年区政府民生实事项目票决', seats: 10, candidates: Array.from({ length: 40 }, (_, i) => `民生实事候选项目${i + 1}`), deputies: 300 });
  const roundId = await openRound(w.sup, s.id, { kind: 'selection' });
  await checks.beforeCast?.(s, roundId);
  const ballots = ballotsFor(FORTY, s.candidateIds, 300);
  expect(await castAll(w.deputy, roundId, s.codes, ballots)).toEqual(Array(300).fill(201));
  await checks.afterCast?.(s, roundId);
  const closed = await w.sup.post(`/api/votes/rounds/${roundId}/close`);
  expect(closed.status, text(closed)).toBe(200);
  return { ...s, roundId, castOrder: ballots.map((b) => JSON.stringify([...b].sort((x, y) => x - y))), closed: body(closed) };
}

/** One closed 40-candidate round per world, made on first use and only read after. */
const closedRounds = new WeakMap<VoteWorld, Promise<FortyRound>>();
export function sharedFortyRound(w: VoteWorld): Promise<FortyRound> {
  if (!closedRounds.has(w)) closedRounds.set(w, fortyRound(w));
  return closedRounds.get(w)!;
}
