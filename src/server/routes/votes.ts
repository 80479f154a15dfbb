/**
 * 票决 (deputies' votes on livelihood projects) over HTTP:
 *   /api/votes/sessions/…    setting up a session: candidates, the roster and
 *                            voting codes (admin, supervisor; leaders read)
 *   ./votes-rounds.ts        rounds, counting, adopting the winners
 *   ./votes-ballots.ts       deputies (a voting code, no account) and the
 *                            public results
 * Handlers validate with the schemas of src/votes/schema.ts and call the
 * services in src/votes.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MANAGE } from '../../accounts/roles.js';
import { BadRequest, InvalidInput, NotFound, TooLarge } from '../../errors.js';
import { toCsv } from '../../export/table.js';
import { LedgerStore } from '../../ledger/store.js';
import type { Repository } from '../../store/repository.js';
import { readTable } from '../../tables/read.js';
import { candidatesFromDocument, parseCandidateList, type CandidateInput } from '../../votes/candidates.js';
import { parseRoster, rosterFromRows, type RosterEntry } from '../../votes/roster.js';
import { CandidatesAdd, CodeEventItem, Deputy, DeputyWithCode, IssuedCodes, RosterAdd, SessionCreate, SessionDetail, VoteCandidate, VoteSession, VoteSessionSummary } from '../../votes/schema.js';
import { VoteStore } from '../../votes/store.js';
import type { DeputyWithCode as DeputyCode } from '../../votes/types.js';
import type { AppEnv } from '../env.js';
import { errors, FileName, fileBody, jsonBody, ok, params, PathId, query, tableOk, Year } from '../openapi.js';
import { table } from '../respond.js';
import { voteBallotRoutes } from './votes-ballots.js';
import { okEnvelope, READ, type VoteDeps } from './votes-common.js';
import { voteRoundRoutes } from './votes-rounds.js';

/** A roster file larger than this is not a roster. */
const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const SessionParams = params({ id: PathId });
const Codes = okEnvelope(IssuedCodes.shape);

/** The columns of the codes file an office prints and hands out. */
const CODE_COLUMNS = ['姓名', '代表团', '投票凭证码'] as const;

/**
 * The answer carrying voting codes: shown once, never kept by a cache, with
 * the same list as a CSV built here (the export guard: a cell that would be
 * a formula is quoted; commas and quotes escaped).
 */
function withCodes<E extends AppEnv>(c: Context<E>, items: DeputyCode[]) {
  c.header('cache-control', 'no-store');
  const codes_csv = toCsv(items.map((d) => ({ 姓名: d.name, 代表团: d.delegation, 投票凭证码: d.code })), [...CODE_COLUMNS]);
  return c.json({ ok: true as const, total: items.length, items, note: 'voting codes are shown only now: print or export them', codes_csv }, 201);
}

export function voteRoutes(d: VoteDeps): OpenAPIHono<AppEnv> {
  const { repo, auth, now } = d;
  const store = new VoteStore(repo, new LedgerStore(repo), { box: d.box, forgetHistory: (tables) => repo.forgetHistory(tables) });
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/sessions', summary: '票决 sessions with how many candidates, deputies and rounds each holds',
      middleware: auth.need(READ),
      request: { query: query({ jurisdiction: z.string().max(50).optional(), year: Year.optional() }) },
      responses: { 200: ok(okEnvelope({ total: z.number().int(), items: z.array(VoteSessionSummary) })), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const items = await store.listSessions(c.req.valid('query'));
      return c.json({ ok: true as const, total: items.length, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions', summary: 'Create a 票决 session (admin or supervisor)',
      middleware: auth.need(MANAGE, { write: true }),
      request: { body: jsonBody(SessionCreate) },
      responses: { 201: ok(okEnvelope({ session: VoteSession }), 'created'), ...errors(400, 401, 403, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      if (b.document_id && !(await repo.getDocument(b.document_id))) throw new InvalidInput(`no document with id ${b.document_id}`, [{ field: 'document_id', message: 'no such document' }]);
      return c.json({ ok: true as const, session: await store.createSession(b, c.get('session').account.id, now()) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/sessions/{id}', summary: 'A session: candidates, roster size, rounds, kept counts and the outcome',
      middleware: auth.need(READ),
      request: { params: SessionParams },
      responses: { 200: ok(okEnvelope(SessionDetail.shape)), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      return c.json({ ok: true as const, ...(await store.detail(c.req.valid('param').id)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions/{id}/candidates', summary: 'Add candidate projects: a list, pasted text, or a stored report\'s 民生实事 (until the first round opens)',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: SessionParams, body: jsonBody(CandidatesAdd) },
      responses: { 201: ok(okEnvelope({ received: z.number().int(), total: z.number().int(), items: z.array(VoteCandidate) }), 'added'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await store.session(id);
      const items = await candidateInput(repo, c.req.valid('json'));
      const all = await store.addCandidates(id, items, now());
      return c.json({ ok: true as const, received: items.length, total: all.length, items: all }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/sessions/{id}/deputies', summary: 'The roster (never codes); .csv and .xlsx give 序号, 姓名, 代表团',
      middleware: auth.need(READ),
      request: { params: SessionParams, query: query({}) },
      responses: { 200: tableOk(okEnvelope({ total: z.number().int(), items: z.array(Deputy) })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await store.session(id);
      const items = await store.deputies(id);
      return table(c, items.map((x) => ({ 序号: x.ord, 姓名: x.name, 代表团: x.delegation })), ['序号', '姓名', '代表团'], 'deputies', { ok: true, total: items.length, items });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions/{id}/deputies', summary: 'Add deputies (a list or pasted lines); the answer is the only place their voting codes appear',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: SessionParams, body: jsonBody(RosterAdd) },
      responses: { 201: ok(Codes, 'added, with codes'), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await store.session(id);
      const b = c.req.valid('json');
      const people = 'items' in b ? b.items : parseRoster(b.text);
      if (!people.length) throw new InvalidInput('no deputies found in what was sent');
      return withCodes(c, await store.addDeputies(id, people, now()));
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions/{id}/deputies/import', summary: 'Add deputies from a roster file (CSV or XLSX with 姓名 and 代表团); answers their voting codes once',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: SessionParams, query: query({ filename: FileName }), body: fileBody('the roster: CSV or XLSX') },
      responses: { 201: ok(Codes, 'added, with codes'), ...errors(400, 401, 403, 404, 413, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { filename } = c.req.valid('query');
      await store.session(id);
      const people = await rosterFile(new Uint8Array(await c.req.arrayBuffer()), filename);
      return withCodes(c, await store.addDeputies(id, people, now()));
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/votes/sessions/{id}/deputies/{deputy}/code', summary: 'A new voting code for a deputy who lost theirs (the old one stops working); refused while a round is open. Both are recorded in the code log',
      middleware: auth.need(MANAGE, { write: true }),
      request: { params: params({ id: PathId, deputy: PathId }) },
      responses: { 200: ok(okEnvelope({ deputy: DeputyWithCode })), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const deputy = await store.reissueCode(p.id, p.deputy, c.get('session').account.id, now());
      c.header('cache-control', 'no-store');
      return c.json({ ok: true as const, deputy }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/votes/sessions/{id}/code-events', summary: 'The code log: every reissued voting code and every reissue refused while a round was open, with who asked',
      middleware: auth.need(READ),
      request: { params: SessionParams },
      responses: { 200: ok(okEnvelope({ total: z.number().int(), items: z.array(CodeEventItem) })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const items = await store.codeEvents(c.req.valid('param').id);
      return c.json({ ok: true as const, total: items.length, items }, 200);
    },
  );

  app.route('/', voteRoundRoutes(store, d));
  app.route('/', voteBallotRoutes(store, d));
  return app;
}

/** Candidates from what was sent: items as they are, a pasted list parsed, or a stored report's livelihood projects. */
async function candidateInput(repo: Repository, b: z.infer<typeof CandidatesAdd>): Promise<CandidateInput[]> {
  let items: CandidateInput[];
  if ('items' in b) items = b.items;
  else if ('text' in b) items = parseCandidateList(b.text);
  else {
    const doc = await repo.getDocument(b.document_id);
    if (!doc) throw new NotFound(`no document with id ${b.document_id}`);
    items = candidatesFromDocument(doc);
  }
  if (!items.length) throw new InvalidInput('no candidate projects found in what was sent');
  return items;
}

async function rosterFile(bytes: Uint8Array, filename: string): Promise<RosterEntry[]> {
  if (bytes.length === 0) throw new BadRequest('send the roster (CSV or XLSX with 姓名 and 代表团) as the request body');
  if (bytes.length > MAX_ROSTER_BYTES) throw new TooLarge('the roster file is larger than 5 MiB');
  const people = rosterFromRows(await readTable(bytes, filename));
  if (!people.length) throw new InvalidInput(`no deputies found in ${filename} (a 姓名 column, or names in the first column)`);
  return people;
}
