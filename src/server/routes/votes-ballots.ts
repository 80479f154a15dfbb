/**
 * 票决 for deputies, who have no account: a voting code finds their ballot
 * and casts it (CSRF like any anonymous write; wrong codes are counted per
 * client address and pause it). And the public results: counts of closed
 * rounds, never ballots or the roster.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AttemptStore, POLICIES } from '../../accounts/attempts.js';
import { TooMany } from '../../errors.js';
import { WrongCode } from '../../votes/rounds.js';
import { BallotCast, CodeBody, Lookup, PublicSessionDetail, PublicSessionSummary, RoundKind } from '../../votes/schema.js';
import type { VoteStore } from '../../votes/store.js';
import type { AppEnv } from '../env.js';
import { errors, jsonBody, ok, params, PathId, query, Year } from '../openapi.js';
import { okEnvelope, type VoteDeps } from './votes-common.js';


export function voteBallotRoutes(store: VoteStore, d: VoteDeps): OpenAPIHono<AppEnv> {
  const { auth, now } = d;
  const attempts = new AttemptStore(d.repo);
  const app = new OpenAPIHono<AppEnv>();

  /**
   * Runs `f` for a code typed by a deputy: refused while the address is
   * paused; a wrong code counts against it. A right code clears nothing, or a
   * guesser holding one code could reset the count between guesses.
   */
  async function withCode<T>(c: Context, f: () => Promise<T>): Promise<T> {
    const key = `code:${d.address(c)}`;
    const wait = await attempts.wait(key, POLICIES.code, now());
    if (wait > 0) throw new TooMany(`too many wrong voting codes; try again in ${wait} s`, wait, 'too_many_codes');
    try {
      return await f();
    } catch (e) {
      if (e instanceof WrongCode) await attempts.fail([key], now());
      throw e;
    }
  }

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/lookup', summary: 'A deputy\'s voting code: who they are, the open round and its candidates, whether they have voted, and every (refused) reissue of their code',
      middleware: auth.anonymousWrite,
      request: { body: jsonBody(CodeBody) },
      responses: { 200: ok(okEnvelope(Lookup.shape)), ...errors(400, 403, 429) },
    }),
    async (c) => {
      const { code } = c.req.valid('json');
      const { deputy, session, round, voted, candidates, codeEvents } = await withCode(c, () => store.rounds.lookup(code));
      return c.json({
        ok: true as const, deputy: { name: deputy.name, delegation: deputy.delegation },
        session: { id: session.id, jurisdiction: session.jurisdiction, year: session.year, title: session.title, seats: session.seats },
        round: round && { id: round.id, round_no: round.round_no, kind: round.kind, seats: round.seats }, voted,
        candidates: candidates.map((x) => ({ id: x.id, ord: x.ord, title: x.title, detail: x.detail })),
        code_events: codeEvents.map((e) => ({ event: e.event, round_no: e.round_no, by: e.by, at: e.at })),
      }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/rounds/{id}/ballots', summary: 'Cast one secret ballot with a voting code (once per deputy and round)',
      middleware: auth.anonymousWrite,
      request: { params: params({ id: PathId }), body: jsonBody(BallotCast) },
      responses: { 201: ok(okEnvelope({ round_no: z.number().int(), kind: RoundKind, message: z.string() }), 'cast'), ...errors(400, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const r = await withCode(c, () => store.rounds.cast(b.code, c.req.valid('param').id, b.choices));
      return c.json({ ok: true as const, round_no: r.round_no, kind: r.kind, message: '投票成功：选票已匿名保存' }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/public/votes/sessions', summary: 'Public: 票决 sessions',
      request: { query: query({ jurisdiction: z.string().max(50).optional(), year: Year.optional() }) },
      responses: { 200: ok(okEnvelope({ total: z.number().int(), items: z.array(PublicSessionSummary) })), ...errors(400) },
    }),
    async (c) => {
      const items = (await store.listSessions(c.req.valid('query'))).map((s) => PublicSessionSummary.parse(s));
      return c.json({ ok: true as const, total: items.length, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/public/votes/sessions/{id}', summary: 'Public: a session\'s candidates, rounds, kept counts and outcome (never ballots or the roster)',
      request: { params: params({ id: PathId }) },
      responses: { 200: ok(okEnvelope(PublicSessionDetail.shape)), ...errors(400, 404) },
    }),
    async (c) => {
      return c.json({ ok: true as const, ...PublicSessionDetail.parse(await store.detail(c.req.valid('param').id)) }, 200);
    },
  );

  return app;
}
