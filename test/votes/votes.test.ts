import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { body, Client, text } from '../ledger/client.js';
import { STORES } from '../store/stores.js';
import { castAll, fortyRound, newSession, openRound, openWorld, PASSWORD, sharedFortyRound, type VoteWorld } from './http.js';
import { FORTY } from './fixtures.js';

/** A deputy voting alone is answered after the box's wait: shortened here, where what matters is what is stored (secrecy.test.ts runs the defaults). */
const QUICK_BOX = { votes: { box: { batch: 10, waitMs: 100 } } };

describe.each(STORES)('票决 over HTTP on %s', (storeName) => {
  let w: VoteWorld;
  beforeAll(async () => {
    w = await openWorld(storeName, QUICK_BOX);
  });
  afterAll(async () => {
    await w?.store.dispose();
  });

  it('sets up a session: 40 candidates from a pasted list, a roster of 300 with codes shown once', async () => {
    const { sup } = w;
    const s = await sup.post('/api/votes/sessions', { jurisdiction: '某某区', year: 2024, title: '2024年区政府民生实事项目票决', seats: 10 });
    expect(s.status, text(s)).toBe(201);
    const sessionId = body(s).session.id;
    const list = Array.from({ length: 40 }, (_, i) => `${i + 1}. 民生实事候选项目${i + 1}：内容说明${i + 1}`).join('\n');
    const c = await sup.post(`/api/votes/sessions/${sessionId}/candidates`, { text: list });
    expect(c.status, text(c)).toBe(201);
    expect(body(c).items.map((x: { id: number }) => x.id)).toHaveLength(40);
    expect(body(c).items[0]).toMatchObject({ title: '民生实事候选项目1', detail: '内容说明1' });
    const roster = Array.from({ length: 300 }, (_, i) => `代表${i + 1}\t第${(i % 6) + 1}代表团`).join('\n');
    const d = await sup.post(`/api/votes/sessions/${sessionId}/deputies`, { text: `姓名\t代表团\n${roster}` });
    expect(d.status, text(d)).toBe(201);
    expect(d.headers['cache-control']).toBe('no-store');
    const codes: { code: string }[] = body(d).items;
    expect(codes).toHaveLength(300);
    expect(new Set(codes.map((x) => x.code)).size).toBe(300);
    const listed = await sup.get(`/api/votes/sessions/${sessionId}/deputies`);
    expect(text(listed)).not.toContain(codes[0].code);
    const rows = await w.store.repo.db.selectFrom('deputies').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(codes[0].code);
  });

  it('refuses writes from anonymous callers, without CSRF, and from a unit officer', async () => {
    const s = await newSession(w.sup, { title: '权限测试', seats: 1, candidates: ['甲'], deputies: 1 });
    const anon = new Client(w.app, '10.1.0.3');
    expect((await anon.post('/api/votes/sessions', { jurisdiction: 'x', year: 2024, title: 'x', seats: 1 })).status).toBe(403);
    await anon.get('/api/ledger/session');
    expect((await anon.post('/api/votes/sessions', { jurisdiction: 'x', year: 2024, title: 'x', seats: 1 })).status).toBe(401);
    expect((await w.sup.post(`/api/votes/sessions/${s.id}/rounds`, {}, { csrf: false })).status).toBe(403);
    const officer = new Client(w.app, '10.1.0.4');
    await officer.login('officer', PASSWORD);
    expect((await officer.get(`/api/votes/sessions/${s.id}`)).status).toBe(403);
  });

  it('a round of 300 secret ballots picks the right 10 and reports both ties', async () => {
    const { sup, deputy } = w;
    const r = await fortyRound(w, {
      beforeCast: async (s, roundId) => {
        const round = body(await sup.get(`/api/votes/sessions/${s.id}`)).rounds[0];
        expect(round).toMatchObject({ id: roundId, round_no: 1, seats: 10, state: 'open' });
        expect((await sup.post(`/api/votes/sessions/${s.id}/candidates`, { text: '迟到的项目' })).status).toBe(409);
        const look = await deputy.post('/api/votes/lookup', { code: s.codes[0].code.toLowerCase() });
        expect(look.status, text(look)).toBe(200);
        expect(body(look)).toMatchObject({ deputy: { name: '代表1' }, round: { id: roundId, seats: 10 }, voted: false });
        expect(body(look).candidates).toHaveLength(40);
      },
      afterCast: async (_s, roundId) => {
        expect(body(await sup.get(`/api/votes/rounds/${roundId}/tally`))).toMatchObject({ tally: null, reproduced: null, round: { turnout: 300 } });
        expect((await sup.get(`/api/votes/rounds/${roundId}/ballots`)).status).toBe(409);
      },
    });
    const t = r.closed.tally;
    expect([...t.elected].sort((a: number, b: number) => a - b)).toEqual(r.candidateIds.slice(0, 10));
    expect(t.ties).toEqual([
      { votes: 220, candidate_ids: [r.candidateIds[3], r.candidateIds[4]], decides_seats: false },
      { votes: 120, candidate_ids: [r.candidateIds[10], r.candidateIds[11]], decides_seats: false },
    ]);
    expect(t).toMatchObject({ ballots: 300, blank: 0, undecided: null });
    expect(r.closed.result.elected).toHaveLength(10);
  });

  it('refuses a second ballot from the same deputy, also when two are sent at once', async () => {
    const { sup, deputy } = w;
    const first = await newSession(sup, { title: '重复投票测试', seats: 1, candidates: ['甲', '乙'], deputies: 2 });
    const firstRound = await openRound(sup, first.id);
    expect(await castAll(deputy, firstRound, first.codes, [[first.candidateIds[0]]])).toEqual([201]);
    const again = await deputy.post(`/api/votes/rounds/${firstRound}/ballots`, { code: first.codes[0].code, choices: [] });
    expect(again.status).toBe(409);
    // A fresh session and round to race two casts of one code.
    const s = await newSession(sup, { title: '并发测试', seats: 1, candidates: ['甲', '乙'], deputies: 1 });
    const rid = await openRound(sup, s.id);
    const code = s.codes[0].code;
    const cand = s.candidateIds[0];
    const both = await Promise.all([
      deputy.post(`/api/votes/rounds/${rid}/ballots`, { code, choices: [cand] }),
      deputy.post(`/api/votes/rounds/${rid}/ballots`, { code, choices: [cand] }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const n = await w.store.repo.db.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', rid).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    // A code of another session does not vote here.
    expect((await deputy.post(`/api/votes/rounds/${rid}/ballots`, { code: first.codes[1].code, choices: [cand] })).status).toBe(403);
  });

  it('refuses bad ballots and wrong codes, and pauses a client after ten wrong codes', async () => {
    const s = await newSession(w.sup, { title: '错票测试', seats: 2, candidates: ['甲', '乙', '丙'], deputies: 1 });
    const rid = await openRound(w.sup, s.id);
    const code = s.codes[0].code;
    const over = await w.deputy.post(`/api/votes/rounds/${rid}/ballots`, { code, choices: s.candidateIds });
    expect(over.status).toBe(422);
    expect(body(over).error.detail).toMatch(/at most 2/);
    const guesser = await w.client('10.9.9.9');
    for (let i = 0; i < 10; i++) expect((await guesser.post('/api/votes/lookup', { code: `WRONG-${i}AAAA` })).status).toBe(403);
    expect((await guesser.post('/api/votes/lookup', { code })).status).toBe(429);
    expect((await w.deputy.post(`/api/votes/rounds/${rid}/ballots`, { code, choices: [s.candidateIds[0]] })).status).toBe(201);
  });

  it('the tally recomputed from the stored ballots matches the one kept at closing, and an independent count', async () => {
    const { sup } = w;
    const { roundId, candidateIds } = await sharedFortyRound(w);
    const r = await sup.get(`/api/votes/rounds/${roundId}/tally`);
    expect(body(r).reproduced).toBe(true);
    expect(body(r).tally).toEqual(body(r).stored);
    const b = body(await sup.get(`/api/votes/rounds/${roundId}/ballots`));
    expect(b.total).toBe(300);
    const counts = new Map<number, number>();
    for (const x of b.items as { choices: number[] }[]) for (const c of x.choices) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const row of body(r).tally.rows) expect(counts.get(row.candidate_id) ?? 0).toBe(row.votes);
    expect(candidateIds.map((c) => counts.get(c) ?? 0)).toEqual([...FORTY]);
    const x = await sup.get(`/api/votes/rounds/${roundId}/tally.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['排名', '项目', '得票', '得票率', '结果']);
    expect(ws.getRow(2).getCell(3).value).toBe(280);
    expect(ws.rowCount).toBe(41);
  });

  it('no table and no answer puts a ballot\'s choices beside its voter', async () => {
    const { sup, store } = w;
    const { id: sessionId, roundId, castOrder } = await sharedFortyRound(w);
    const ballotCols = Object.keys(await store.repo.db.selectFrom('ballots').selectAll().executeTakeFirstOrThrow());
    expect(ballotCols.sort()).toEqual(['choices_json', 'id', 'round_id']);
    const partCols = Object.keys(await store.repo.db.selectFrom('vote_participation').selectAll().executeTakeFirstOrThrow());
    expect(partCols.sort()).toEqual(['deputy_id', 'round_id']);
    // Stored order (by id, and as the database returns rows) is not the order of voting.
    const byId = (await store.repo.db.selectFrom('ballots').select('choices_json').where('round_id', '=', roundId).orderBy('id').execute()).map((r) => r.choices_json);
    expect(byId).toHaveLength(300);
    expect(byId).not.toEqual(castOrder);
    const natural = (await sql<{ choices_json: string }>`select choices_json from ballots where round_id = ${roundId}`.execute(store.repo.db)).rows.map((r) => r.choices_json);
    expect(natural).not.toEqual(castOrder);
    // Every read endpoint: names never appear with choices.
    const names = /代表\d+/;
    const answers = [
      await sup.get(`/api/votes/sessions/${sessionId}`), await sup.get(`/api/votes/rounds/${roundId}/tally`), await sup.get(`/api/votes/rounds/${roundId}/ballots`),
      await sup.get(`/api/votes/rounds/${roundId}/ballots.csv`), await sup.get(`/api/public/votes/sessions/${sessionId}`), await sup.get('/api/public/votes/sessions'),
    ];
    for (const a of answers) expect(text(a)).not.toMatch(names);
    const part = await sup.get(`/api/votes/rounds/${roundId}/participation`);
    expect(body(part)).toMatchObject({ voted: 300, not_voted: 0 });
    expect(text(part)).not.toMatch(/choices|candidate/);
    const pub = body(await new Client(w.app, '10.1.0.7').get(`/api/public/votes/sessions/${sessionId}`));
    expect(pub.tallies[0].tally.elected).toHaveLength(10);
    expect(JSON.stringify(pub)).not.toMatch(/choices|ballot_id|code_hash/);
    expect((await new Client(w.app, '10.1.0.7').get(`/api/votes/rounds/${roundId}/ballots`)).status).toBe(401);
  });

  it('the elected projects become ledger tasks in one action, once', async () => {
    const { sup } = w;
    const { id: sessionId } = await fortyRound(w);
    const r = await sup.post(`/api/votes/sessions/${sessionId}/adopt`);
    expect(r.status, text(r)).toBe(201);
    expect(body(r).created).toBe(10);
    const tasks = await sup.get('/api/ledger/tasks?jurisdiction=某某区&year=2024');
    const items = body(tasks).items as { title: string; livelihood: boolean; source_kind: string; deadline: string }[];
    expect(items).toHaveLength(10);
    expect(items.every((t) => t.livelihood && t.source_kind === 'voted_project' && t.deadline === '2024-12-31')).toBe(true);
    expect(items.map((t) => t.title)).toContain('民生实事候选项目1');
    const again = await sup.post(`/api/votes/sessions/${sessionId}/adopt`);
    expect(body(again)).toMatchObject({ created: 0, already: 10 });
    const detail = body(await sup.get(`/api/votes/sessions/${sessionId}`));
    expect(detail.candidates.filter((c: { task_id: number | null }) => c.task_id !== null)).toHaveLength(10);
  });

  it('the year-end satisfaction vote rates the elected projects and gives the shares', async () => {
    const { sup, deputy } = w;
    const { id: sessionId, candidateIds, codes } = await fortyRound(w);
    const r = await sup.post(`/api/votes/sessions/${sessionId}/rounds`, { kind: 'satisfaction' });
    expect(r.status, text(r)).toBe(201);
    const rid = body(r).round.id;
    const elected: number[] = body(r).round.candidate_ids;
    expect(elected).toHaveLength(10);
    const first = candidateIds[0];
    // Project 1: 200 满意, 80 基本满意, 20 不满意 → 满意率 280/300 = 0.9333.
    const ratings = codes.map((_, i) => ({ [first]: i < 200 ? 'satisfied' : i < 280 ? 'basically' : 'dissatisfied' }));
    expect(await castAll(deputy, rid, codes, ratings)).toEqual(Array(300).fill(201));
    const closed = body(await sup.post(`/api/votes/rounds/${rid}/close`));
    const row = closed.tally.rows.find((x: { candidate_id: number }) => x.candidate_id === first);
    expect(row).toMatchObject({ satisfied: 200, basically: 80, dissatisfied: 20, abstained: 0, satisfaction_rate: 0.9333 });
    expect(closed.result.satisfaction.rows).toHaveLength(10);
    const csv = text(await sup.get(`/api/votes/rounds/${rid}/tally.csv`));
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('项目,满意,基本满意,不满意,未评价,满意率');
    expect((await sup.post(`/api/votes/sessions/${sessionId}/rounds`, { kind: 'satisfaction' })).status).toBe(409);
  });

  it('imports a roster from an XLSX file and refuses a file that is not one', async () => {
    const { sup, app } = w;
    const s = body(await sup.post('/api/votes/sessions', { jurisdiction: '某某区', year: 2025, title: '名单导入', seats: 1 })).session.id;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRows([['某某区人大代表名单'], ['序号', '姓名', '代表团'], [1, '赵一', '第一代表团'], [2, '钱二', '第二代表团'], [3, '孙三', '第二代表团']]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const upload = (name: string, b: Uint8Array) =>
      app({ method: 'POST', url: `/api/votes/sessions/${s}/deputies/import?filename=${encodeURIComponent(name)}`, headers: { ...sup.headers(), 'content-type': 'application/octet-stream' }, body: b });
    const r = await upload('代表名单.xlsx', bytes);
    expect(r.status, text(r)).toBe(201);
    expect(body(r).items.map((d: { name: string; delegation: string }) => [d.name, d.delegation])).toEqual([['赵一', '第一代表团'], ['钱二', '第二代表团'], ['孙三', '第二代表团']]);
    expect(body(r).items.every((d: { code: string }) => /^[A-Z2-9]{5}-[A-Z2-9]{5}$/.test(d.code))).toBe(true);
    expect(r.headers['cache-control']).toBe('no-store');
    const bad = await upload('名单.xlsx', new Uint8Array(Buffer.from('PK\u0003\u0004 not really a workbook')));
    expect(bad.status).toBe(422);
    expect(body(bad).error.detail).toMatch(/XLSX/);
    expect((await upload('empty.csv', new Uint8Array())).status).toBe(400);
  });
});
