/**
 * Voting codes (issue 15, items 7 and 8): a supervisor cannot take over a
 * deputy's vote by reissuing their code while a round is open, and every
 * reissue (or refused one) is in a log the deputy and the office both see;
 * the codes file to print is built by the server, with formulas neutralised
 * and commas quoted.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, text } from '../ledger/client.js';
import { STORES } from '../store/stores.js';
import { newSession, openRound, openWorld, type VoteWorld } from './http.js';

describe.each(STORES)('voting codes on %s', (storeName) => {
  let w: VoteWorld;
  beforeAll(async () => {
    w = await openWorld(storeName, { votes: { box: { batch: 10, waitMs: 50 } } });
  });
  afterAll(async () => {
    await w?.store.dispose();
  });

  it('a code is not reissued while a round is open; the attempt and each reissue are in the log the deputy and the office see', async () => {
    const { sup, deputy } = w;
    const s = await newSession(sup, { title: '凭证码重发', seats: 1, candidates: ['甲', '乙'], deputies: 2 });
    const [a] = s.codes;
    const rid = await openRound(sup, s.id);
    // Mid-round the supervisor asks for a new code for deputy A: refused, so no second code can vote as A.
    const mid = await sup.post(`/api/votes/sessions/${s.id}/deputies/${a.id}/code`);
    expect(mid.status, text(mid)).toBe(409);
    expect(text(mid)).not.toMatch(/"code":"[A-Z2-9]{5}-/);
    // A's own code still works and casts A's ballot.
    expect(body(await deputy.post('/api/votes/lookup', { code: a.code }))).toMatchObject({ voted: false, round: { id: rid } });
    expect((await deputy.post(`/api/votes/rounds/${rid}/ballots`, { code: a.code, choices: [s.candidateIds[0]] })).status).toBe(201);
    // A sees the attempt when entering the code, and so does the office.
    const seen = body(await deputy.post('/api/votes/lookup', { code: a.code }));
    expect(seen.code_events).toEqual([{ event: 'refused', round_no: 1, by: 'clerk', at: expect.any(String) }]);
    const log = body(await sup.get(`/api/votes/sessions/${s.id}/code-events`));
    expect(log.items).toEqual([{ id: expect.any(Number), deputy_id: a.id, deputy: '代表1', event: 'refused', round_no: 1, by: 'clerk', at: expect.any(String) }]);

    // Between rounds a lost code is replaced: the old one stops working, the new one works, and both logs say so.
    expect((await sup.post(`/api/votes/rounds/${rid}/close`)).status).toBe(200);
    const again = await sup.post(`/api/votes/sessions/${s.id}/deputies/${a.id}/code`);
    expect(again.status, text(again)).toBe(200);
    expect(again.headers['cache-control']).toBe('no-store');
    const fresh = body(again).deputy.code;
    expect(fresh).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await deputy.post('/api/votes/lookup', { code: a.code })).status).toBe(403);
    const now = body(await deputy.post('/api/votes/lookup', { code: fresh }));
    expect(now.code_events.map((e: { event: string }) => e.event)).toEqual(['refused', 'reissued']);
    expect(body(await sup.get(`/api/votes/sessions/${s.id}/code-events`)).items.map((e: { event: string; by: string }) => [e.event, e.by])).toEqual([['refused', 'clerk'], ['reissued', 'clerk']]);
    // The other deputy's log is their own: empty.
    expect(body(await deputy.post('/api/votes/lookup', { code: s.codes[1].code })).code_events).toEqual([]);
  });

  it('the codes file to print comes from the server: formulas neutralised, commas and quotes kept in their cells', async () => {
    const sess = body(await w.sup.post('/api/votes/sessions', { jurisdiction: '某某区', year: 2024, title: '凭证码文件', seats: 1 })).session.id;
    const people = [
      { name: '=HYPERLINK("http://x.example","点我")', delegation: '第一,二代表团' },
      { name: '王"小"明', delegation: '+86 代表团' },
      { name: '李四', delegation: null },
    ];
    const r = await w.sup.post(`/api/votes/sessions/${sess}/deputies`, { items: people });
    expect(r.status, text(r)).toBe(201);
    const csv: string = body(r).codes_csv;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { relax_column_count: false }) as string[][];
    const codes = body(r).items.map((d: { code: string }) => d.code);
    expect(rows).toEqual([
      ['姓名', '代表团', '投票凭证码'],
      ['\'=HYPERLINK("http://x.example","点我")', '第一,二代表团', codes[0]],
      ['王"小"明', '\'+86 代表团', codes[1]],
      ['李四', '', codes[2]],
    ]);
  });
});
