/**
 * Casting and closing at once (issue 15, item 5): every ballot acknowledged
 * with 201 is in the final count, every other cast was refused, and the
 * count kept at closing is the count of the stored ballots — also when the
 * casts come through two server processes (PostgreSQL). And one code cast 50
 * times at once gives exactly one ballot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, text, type Client } from '../ledger/client.js';
import { STORES } from '../store/stores.js';
import { newSession, openRound, openWorld, secondServer, type VoteWorld } from './http.js';

const DEPUTIES = 150;
/** The office closes the round once this many deputies have their answer (not a multiple of the batch: some casts are then on their way). */
const CLOSE_AT = 55;
/** Ballots written when ten wait or after 0.2 s: with two processes a box rarely fills, and the default wait would make the trial long. */
const QUICK = { votes: { box: { batch: 10, waitMs: 200 } } };
const TRIALS = Number(process.env.TRIALS ?? 3);

describe.each(STORES)('casting while a round closes on %s', (storeName) => {
  let w: VoteWorld;
  beforeAll(async () => {
    w = await openWorld(storeName, QUICK);
  });
  afterAll(async () => {
    await w?.store.dispose();
  });

  /** One trial: deputies at ten terminals cast through `deputies` in turn; the office closes once CLOSE_AT have their answer. */
  async function trial(n: number, deputies: Client[]) {
    const s = await newSession(w.sup, { title: `闭票竞争${n}`, seats: 2, candidates: ['甲', '乙', '丙', '丁'], deputies: DEPUTIES });
    const rid = await openRound(w.sup, s.id);
    const answers: Awaited<ReturnType<Client['post']>>[] = [];
    let answered = 0;
    let next = 0;
    let close: ReturnType<Client['post']> | undefined;
    const terminal = async () => {
      while (next < DEPUTIES) {
        const i = next++;
        answers[i] = await deputies[i % deputies.length].post(`/api/votes/rounds/${rid}/ballots`, { code: s.codes[i].code, choices: [s.candidateIds[i % 4]] });
        if (++answered === CLOSE_AT) close = w.sup.post(`/api/votes/rounds/${rid}/close`);
      }
    };
    await Promise.all(Array.from({ length: 10 }, terminal));
    const closed = await close!;
    expect(closed.status, text(closed)).toBe(200);
    for (const a of answers) if (a.status !== 201) expect(a.status, text(a)).toBe(409);
    const t = body(await w.sup.get(`/api/votes/rounds/${rid}/tally`));
    const stored = await w.store.repo.db.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', rid).executeTakeFirstOrThrow();
    expect(body(closed).tally.ballots).toBe(t.stored.ballots);
    return { acked: answers.filter((a) => a.status === 201).length, kept: t.stored.ballots as number, stored: Number(stored.n), reproduced: t.reproduced as boolean };
  }

  /** Per trial, the acknowledged ballots are the ones counted at closing and the ones stored; the close came in the middle. */
  function expectNoneLost(trials: Awaited<ReturnType<typeof trial>>[]) {
    if (process.env.SHOW) console.log(storeName, JSON.stringify(trials));
    expect(trials).toEqual(trials.map((t) => ({ acked: t.acked, kept: t.acked, stored: t.acked, reproduced: true })));
    expect(trials.every((t) => t.acked >= CLOSE_AT && t.acked < DEPUTIES)).toBe(true);
  }

  it(`${DEPUTIES} casts with a close in the middle: nothing acknowledged is lost, nothing refused is counted`, async () => {
    const trials = [];
    for (let n = 0; n < TRIALS; n++) trials.push(await trial(n, [w.deputy]));
    expectNoneLost(trials);
  });

  it.skipIf(storeName !== 'postgres')('the same through two server processes, the close in one of them', async () => {
    const other = await secondServer(w, QUICK);
    try {
      const trials = [];
      for (let n = 0; n < TRIALS; n++) trials.push(await trial(100 + n, [w.deputy, other.deputy]));
      expectNoneLost(trials);
    } finally {
      await other.close();
    }
  });

  it('one code cast 50 times at once gives one ballot', async () => {
    const s = await newSession(w.sup, { title: '同码并发', seats: 1, candidates: ['甲', '乙'], deputies: 1 });
    const rid = await openRound(w.sup, s.id);
    const through = storeName === 'postgres' ? await secondServer(w, QUICK) : undefined;
    try {
      const clients = through ? [w.deputy, through.deputy] : [w.deputy];
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => clients[i % clients.length].post(`/api/votes/rounds/${rid}/ballots`, { code: s.codes[0].code, choices: [s.candidateIds[i % 2]] })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(49).fill(409)]);
      const n = await w.store.repo.db.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', rid).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(1);
    } finally {
      await through?.close();
    }
  });
});
