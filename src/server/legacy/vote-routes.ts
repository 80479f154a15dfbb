/**
 * HTTP routes of 票决 (deputies' votes on livelihood projects):
 *   /api/votes/...           running sessions (admin, supervisor; leaders read)
 *   /api/votes/lookup, /api/votes/rounds/:id/ballots (POST)
 *                            deputies, who need no account: their voting code
 *   /api/public/votes/...    results of closed rounds, never ballots
 */
import { z } from 'zod';
import { LoginLimiter } from '../../accounts/auth.js';
import { AccountStore } from '../../accounts/store.js';
import { LedgerStore } from '../../ledger/store.js';
import type { Role } from '../../accounts/roles.js';
import type { Repository } from '../../store/repository.js';
import { candidatesFromDocument, parseCandidateList, type CandidateInput } from '../../votes/candidates.js';
import { parseRoster, rosterFromRows } from '../../votes/roster.js';
import { readTable } from '../../tables/read.js';
import { BallotError, VoteConflict, VoteNotFound, VoteStore } from '../../votes/store.js';
import { RATING_LABELS, THRESHOLDS, type Tally } from '../../votes/tally.js';
import { Access, MANAGE } from './access.js';
import { HttpError, json, type AppRequest, type AppResponse } from './http.js';
import { table } from './respond.js';
import { bodyOf, fileName, id, parse, parseQuery, year, type Route } from './validate.js';

export interface VoteOptions {
  readonly now?: () => Date;
  /** Wrong voting codes per client address before a pause (shared with nothing else). */
  readonly codeLimiter?: LoginLimiter;
}

const READ: Role[] = ['admin', 'supervisor', 'leader'];

const STATUS_LABELS: Record<string, string> = { elected: '当选', tied: '票数相同待定', not_elected: '未当选', below_threshold: '未过半数' };

/** Rows for CSV/XLSX, with the Chinese headers a congress office files. */
export function tallyRows(t: Tally): Record<string, string | number | null>[] {
  if (t.kind === 'selection') {
    return t.rows.map((r) => ({ 排名: r.rank, 项目: r.title, 得票: r.votes, 得票率: r.share, 结果: STATUS_LABELS[r.status] ?? r.status }));
  }
  return t.rows.map((r) => ({
    项目: r.title, [RATING_LABELS.satisfied]: r.satisfied, [RATING_LABELS.basically]: r.basically, [RATING_LABELS.dissatisfied]: r.dissatisfied,
    未评价: r.abstained, 满意率: r.satisfaction_rate,
  }));
}

/** An answer carrying voting codes: never kept by a cache. */
function withCodes(status: number, value: unknown): AppResponse {
  const res = json(status, value);
  return { ...res, headers: { ...res.headers, 'cache-control': 'no-store' } };
}

export function voteRoutes(repo: Repository, options: VoteOptions = {}): Route[] {
  const ledger = new LedgerStore(repo.db);
  const store = new VoteStore(ledger);
  const now = options.now ?? (() => new Date());
  const access = new Access(new AccountStore(repo.db), now);
  const limiter = options.codeLimiter ?? new LoginLimiter(10, 15 * 60_000);

  async function guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof VoteConflict) throw new HttpError(409, e.message);
      if (e instanceof VoteNotFound) throw new HttpError(404, e.message);
      if (e instanceof BallotError) throw new HttpError(422, e.message, [{ field: 'choices', message: e.message }]);
      throw e;
    }
  }

  const sessionOr404 = (s: string) => guard(async () => {
    const v = await store.session(Number(s));
    if (!v) throw new VoteNotFound(`no 票决 session with id ${s}`);
    return v;
  });

  async function detail(sid: number, forPublic: boolean): Promise<Record<string, unknown>> {
    const session = await sessionOr404(String(sid));
    const candidates = (await store.candidates(sid)).map((c) => (forPublic ? { id: c.id, ord: c.ord, title: c.title, detail: c.detail, task_id: c.task_id } : c));
    const { rounds, result, tallies } = await store.overview(sid);
    return { session, candidates, deputies: await store.rosterSize(sid), rounds, result, tallies };
  }

  /** Deputies send the CSRF cookie and header like any anonymous write (see the login route). */
  function deputyCall(req: AppRequest): string {
    access.checkCsrf(req, undefined);
    return (req.headers['x-forwarded-for'] ?? req.headers['x-real-ip'] ?? 'local').split(',')[0].trim();
  }

  async function withCode<T>(req: AppRequest, f: () => Promise<T>): Promise<T> {
    const key = `vote-ip:${deputyCall(req)}`;
    const wait = limiter.retryAfter(key, now());
    if (wait > 0) throw new HttpError(429, `too many wrong voting codes; try again in ${wait} s`);
    try {
      const r = await guard(f);
      limiter.succeed(key);
      return r;
    } catch (e) {
      if (e instanceof HttpError && e.status === 404 && /voting code/.test(e.message)) {
        limiter.fail(key, now());
        throw new HttpError(403, `${e.message} (投票凭证码无效)`);
      }
      throw e;
    }
  }

  const code = z.string().trim().min(6).max(40);

  return [
    {
      method: 'GET',
      pattern: /^\/api\/votes\/sessions$/,
      handler: async (req, _p, query) => {
        await access.reader(req, READ);
        const q = parseQuery({ jurisdiction: z.string().max(50).optional(), year: year.optional() }, query);
        const items = await store.listSessions(q);
        return json(200, { ok: true, total: items.length, items });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions$/,
      handler: async (req) => {
        const s = await access.writer(req, MANAGE);
        const b = parse(
          z.object({
            jurisdiction: z.string().trim().min(1).max(50), year: z.number().int().min(1949).max(2100), title: z.string().trim().min(1).max(200),
            seats: z.number().int().min(1).max(200), threshold: z.enum(THRESHOLDS).default('none'), document_id: id.nullable().optional(),
          }).strict(),
          bodyOf(req),
          '票决 session',
        );
        if (b.document_id && !(await repo.getDocument(b.document_id))) throw new HttpError(422, `no document with id ${b.document_id}`);
        return json(201, { ok: true, session: await store.createSession(b, s.account.id, now()) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/votes\/sessions\/(\d+)$/,
      handler: async (req, [sid]) => {
        await access.reader(req, READ);
        return json(200, { ok: true, ...(await detail(Number(sid), false)) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/candidates$/,
      handler: async (req, [sid]) => {
        await access.writer(req, MANAGE);
        const session = await sessionOr404(sid);
        const item = z.object({ title: z.string().trim().min(1).max(500), detail: z.string().max(5000).nullable().optional() }).strict();
        const b = parse(
          z.union([
            z.object({ items: z.array(item).min(1).max(500) }).strict(),
            z.object({ text: z.string().min(1).max(200_000) }).strict(),
            z.object({ document_id: id }).strict(),
          ]),
          bodyOf(req),
          'candidates (send items, text or document_id)',
        );
        let items: CandidateInput[];
        if ('items' in b) items = b.items;
        else if ('text' in b) items = parseCandidateList(b.text);
        else {
          const doc = await repo.getDocument(b.document_id);
          if (!doc) throw new HttpError(404, `no document with id ${b.document_id}`);
          items = candidatesFromDocument(doc);
        }
        if (!items.length) throw new HttpError(422, 'no candidate projects found in what was sent');
        const all = await guard(() => store.addCandidates(session.id, items, now()));
        return json(201, { ok: true, received: items.length, total: all.length, items: all });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/deputies$/,
      handler: async (req, [sid], _q, format) => {
        await access.reader(req, READ);
        const session = await sessionOr404(sid);
        const items = await store.deputies(session.id);
        return table(format, items.map((d) => ({ 序号: d.ord, 姓名: d.name, 代表团: d.delegation })), ['序号', '姓名', '代表团'], 'deputies', { ok: true, total: items.length, items });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/deputies$/,
      handler: async (req, [sid]) => {
        await access.writer(req, MANAGE);
        const session = await sessionOr404(sid);
        const person = z.object({ name: z.string().trim().min(1).max(50), delegation: z.string().trim().max(100).nullable().optional() }).strict();
        const b = parse(z.union([z.object({ items: z.array(person).min(1).max(5000) }).strict(), z.object({ text: z.string().min(1).max(500_000) }).strict()]), bodyOf(req), 'roster (send items or text)');
        const people = 'items' in b ? b.items : parseRoster(b.text);
        if (!people.length) throw new HttpError(422, 'no deputies found in what was sent');
        const items = await guard(() => store.addDeputies(session.id, people, now()));
        return withCodes(201, { ok: true, total: items.length, items, note: 'voting codes are shown only now: print or export them' });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/deputies\/import$/,
      handler: async (req, [sid], query) => {
        await access.writer(req, MANAGE);
        const session = await sessionOr404(sid);
        const q = parseQuery({ filename: fileName }, query);
        const bytes = req.body ?? new Uint8Array();
        if (bytes.length === 0) throw new HttpError(400, 'send the roster (CSV or XLSX with 姓名 and 代表团) as the request body');
        if (bytes.length > 5 * 1024 * 1024) throw new HttpError(413, 'the roster file is larger than 5 MiB');
        let people;
        try {
          people = rosterFromRows(await readTable(bytes, q.filename));
        } catch (e) {
          throw e;
        }
        if (!people.length) throw new HttpError(422, `no deputies found in ${q.filename} (a 姓名 column, or names in the first column)`);
        const items = await guard(() => store.addDeputies(session.id, people, now()));
        return withCodes(201, { ok: true, total: items.length, items, note: 'voting codes are shown only now: print or export them' });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/deputies\/(\d+)\/code$/,
      handler: async (req, [sid, did]) => {
        await access.writer(req, MANAGE);
        const d = await guard(() => store.reissueCode(Number(sid), Number(did), now()));
        return withCodes(200, { ok: true, deputy: d });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/rounds$/,
      handler: async (req, [sid]) => {
        await access.writer(req, MANAGE);
        const session = await sessionOr404(sid);
        const b = parse(z.object({ kind: z.enum(['selection', 'satisfaction']).default('selection'), candidate_ids: z.array(id).max(500).optional(), seats: z.number().int().min(1).optional() }).strict(), bodyOf(req), 'round');
        const round = await guard(() => store.openRound(session.id, b.kind, now(), { candidate_ids: b.candidate_ids, seats: b.seats }));
        return json(201, { ok: true, round });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/rounds\/(\d+)\/close$/,
      handler: async (req, [rid]) => {
        await access.writer(req, MANAGE);
        const r = await guard(() => store.closeRound(Number(rid), now()));
        return json(200, { ok: true, round: r.round, tally: r.tally, result: await store.result(r.round.session_id) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/votes\/rounds\/(\d+)\/tally$/,
      handler: async (req, [rid], _q, format) => {
        await access.reader(req, READ);
        const r = await guard(() => store.tally(Number(rid)));
        if (format !== 'json') {
          if (!r.tally) throw new HttpError(409, `round ${r.round.round_no} is open: it is counted when it closes`);
          const rows = tallyRows(r.tally);
          return table(format, rows, Object.keys(rows[0] ?? { 项目: '' }), `tally-round-${r.round.round_no}`, null);
        }
        return json(200, { ok: true, ...r });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/votes\/rounds\/(\d+)\/ballots$/,
      handler: async (req, [rid], _q, format) => {
        await access.reader(req, READ);
        const items = await guard(() => store.ballots(Number(rid)));
        const rows = items.map((b) => ({ ballot: b.id, choices: JSON.stringify(b.choices) }));
        return table(format, rows, ['ballot', 'choices'], `ballots-${rid}`, { ok: true, total: items.length, items });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/votes\/rounds\/(\d+)\/participation$/,
      handler: async (req, [rid]) => {
        await access.reader(req, READ);
        const p = await guard(() => store.participation(Number(rid)));
        return json(200, { ok: true, voted: p.voted.length, not_voted: p.not_voted.length, voters: p.voted, absent: p.not_voted });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/sessions\/(\d+)\/adopt$/,
      handler: async (req, [sid]) => {
        const s = await access.writer(req, MANAGE);
        const session = await sessionOr404(sid);
        const r = await guard(() => store.adopt(session.id, s.account.id, now()));
        return json(r.created.length ? 201 : 200, { ok: true, created: r.created.length, already: r.already, items: r.created });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/lookup$/,
      handler: async (req) => {
        const b = parse(z.object({ code }).strict(), bodyOf(req), 'voting code');
        const r = await withCode(req, () => store.lookup(b.code));
        const { deputy, session, round, voted, candidates } = r;
        return json(200, {
          ok: true, deputy: { name: deputy.name, delegation: deputy.delegation },
          session: { id: session.id, jurisdiction: session.jurisdiction, year: session.year, title: session.title, seats: session.seats },
          round: round && { id: round.id, round_no: round.round_no, kind: round.kind, seats: round.seats }, voted,
          candidates: candidates.map((c) => ({ id: c.id, ord: c.ord, title: c.title, detail: c.detail })),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/votes\/rounds\/(\d+)\/ballots$/,
      handler: async (req, [rid]) => {
        const b = parse(z.object({ code, choices: z.union([z.array(z.number().int()).max(500), z.record(z.string(), z.string())]) }).strict(), bodyOf(req), 'ballot');
        const r = await withCode(req, () => store.cast(b.code, Number(rid), b.choices));
        return json(201, { ok: true, round_no: r.round_no, kind: r.kind, message: '投票成功：选票已匿名保存' });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/public\/votes\/sessions$/,
      handler: async (_req, _p, query) => {
        const q = parseQuery({ jurisdiction: z.string().max(50).optional(), year: year.optional() }, query);
        const items = (await store.listSessions(q)).map(({ id: sid, jurisdiction, year: y, title, seats, candidates, deputies, rounds }) => ({ id: sid, jurisdiction, year: y, title, seats, candidates, deputies, rounds }));
        return json(200, { ok: true, total: items.length, items });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/public\/votes\/sessions\/(\d+)$/,
      handler: async (_req, [sid]) => {
        const d = await detail(Number(sid), true);
        const { session } = d as { session: { id: number; jurisdiction: string; year: number; title: string; seats: number; threshold: string } };
        return json(200, { ok: true, ...d, session: { id: session.id, jurisdiction: session.jurisdiction, year: session.year, title: session.title, seats: session.seats, threshold: session.threshold } });
      },
    },
  ];
}

