/**
 * 票决 rounds over HTTP: opening and closing them, the count (with the
 * check that it is reproduced from the stored ballots), the ballots of a
 * closed round, who voted, and adopting the winners as ledger tasks.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MANAGE } from '../../accounts/roles.js';
import { Conflict } from '../../errors.js';
import { Participation, Round, RoundOpen, SessionResult, StoredBallot, Tally } from '../../votes/schema.js';
import type { VoteStore } from '../../votes/store.js';
import { RATING_LABELS } from '../../votes/tally.js';
import type { Tally as TallyType } from '../../votes/types.js';
import type { AppEnv } from '../env.js';
import { errors, jsonBody, ok, params, PathId, query, tableOk } from '../openapi.js';
import { table } from '../respond.js';
import { col } from '../../export/table.js';
import { okEnvelope, READ, type VoteDeps } from './votes-common.js';

const STATUS_LABELS: Record<string, string> = { elected: '当选', tied: '票数相同待定', not_elected: '未当选', below_threshold: '未过半数' };

/** Rows for CSV/XLSX, with the Chinese headers a congress office files. */
export function tallyRows(t: TallyType): Record<string, string | number | null>[] {
  if (t.kind === 'selection') {
    return t.rows.map((r) => ({ 排名: r.rank, 项目: r.title, 得票: r.votes, 得票率: r.share, 结果: STATUS_LABELS[r.status] ?? r.status }));
  }
  return t.rows.map((r) => ({
    项目: r.title, [RATING_LABELS.satisfied]: r.satisfied, [RATING_LABELS.basically]: r.basically, [RATING_LABELS.dissatisfied]: r.dissatisfied,
    未评价: r.abstained, 满意率: r.satisfaction_rate,
  }));
}

const RoundParams = params({ id: PathId });

export function voteRoundRoutes(store: VoteStore, d: VoteDeps): OpenAPIHono<AppEnv> {
  const { auth, now } = d;
  const rounds = store.rounds;
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions/{id}/rounds', summary: 'Open the next round: selection (all candidates, then run-offs among the tied) or the year-end satisfaction vote',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: params({ id: PathId }), body: jsonBody(RoundOpen) },
      responses: { 201: ok(okEnvelope({ round: Round }), 'opened'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const round = await rounds.open(c.req.valid('param').id, now(), c.req.valid('json'));
      return c.json({ ok: true as const, round }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/rounds/{id}/close', summary: 'Close a round: its ballots are counted and the count kept',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: RoundParams },
      responses: { 200: ok(okEnvelope({ round: Round, tally: Tally, result: SessionResult })), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const r = await rounds.close(c.req.valid('param').id, now());
      return c.json({ ok: true as const, round: r.round, tally: r.tally, result: await store.result(r.round.session_id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/rounds/{id}/tally', summary: 'The count from the stored ballots beside the one kept at closing (`reproduced`); .csv/.xlsx give the count with Chinese headers',
      middleware: auth.need(READ),
      request: { params: RoundParams, query: query({}) },
      responses: { 200: tableOk(okEnvelope({ round: Round, tally: Tally.nullable(), stored: Tally.nullable(), reproduced: z.boolean().nullable() })), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const r = await rounds.tally(c.req.valid('param').id);
      if (c.get('format') !== 'json' && !r.tally) throw new Conflict(`round ${r.round.round_no} is open: it is counted when it closes`, 'round_open');
      const rows = r.tally ? tallyRows(r.tally) : [];
      // 得票率 and 满意率 are fractions: percent cells.
      const columns = Object.keys(rows[0] ?? { 项目: '' }).map((k) => (k.endsWith('率') ? col<(typeof rows)[number]>(k, k, k, { type: 'percent' }) : k));
      return table(c, rows, columns, { what: [`第${r.round.round_no}轮票决结果`, `tally-round-${r.round.round_no}`] }, { ok: true, ...r });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/rounds/{id}/ballots', summary: 'A closed round\'s ballots, each alone (id and choices, nothing about who cast it)',
      middleware: auth.need(READ),
      request: { params: RoundParams, query: query({}) },
      responses: { 200: tableOk(okEnvelope({ total: z.number().int(), items: z.array(StoredBallot) })), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const items = await rounds.ballots(id);
      const rows = items.map((b) => ({ ballot: b.id, choices: JSON.stringify(b.choices) }));
      return table(c, rows, ['ballot', 'choices'], `ballots-${id}`, { ok: true, total: items.length, items });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/rounds/{id}/participation', summary: 'Who on the roster has voted in a round and who has not — never what they chose',
      middleware: auth.need(READ),
      request: { params: RoundParams },
      responses: { 200: ok(okEnvelope(Participation.shape)), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = await rounds.participation(c.req.valid('param').id);
      return c.json({ ok: true as const, voted: p.voted.length, not_voted: p.not_voted.length, voters: p.voted, absent: p.not_voted }, 200);
    },
  );

  const Adopted = okEnvelope({ created: z.number().int(), already: z.number().int(), items: z.array(z.record(z.string(), z.unknown())) });
  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions/{id}/adopt', summary: 'The elected projects become ledger tasks (民生实事, due at the year\'s end), once',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: params({ id: PathId }) },
      responses: { 201: ok(Adopted, 'tasks created'), 200: ok(Adopted, 'every elected project was adopted before'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const r = await store.adopt(c.req.valid('param').id, c.get('session').account.id, now());
      const answer = { ok: true as const, created: r.created.length, already: r.already, items: r.created };
      return r.created.length ? c.json(answer, 201) : c.json(answer, 200);
    },
  );

  return app;
}
