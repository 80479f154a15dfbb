/**
 * Ballot secrecy against someone who reads the database files (issue 15,
 * item 4). 31 deputies vote at the opening of a round, in a random order and
 * all at once, as in a hall; each chooses a set of projects no one else
 * chooses, so a ballot found in the files names its deputy if the files link
 * it. The red team's methods pair the deputies and the ballots in the order
 * the files show them: SQLite rowids, WAL frames and the cells' places in
 * their pages; PostgreSQL xmin and ctid of every tuple version. Chance pairs
 * about one deputy per write the reader can tell apart; the files must not
 * do better, while the round is open and after it closes.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES } from '../store/stores.js';
import { linked, postgresHeap, sqliteNow, sqliteWal, type Reading } from './forensics.js';
import { newSession, openRound, openWorld, type VoteWorld } from './http.js';
import { body, text } from '../ledger/client.js';

const DEPUTIES = 31;
const ROUNDS = 3;
const CANDIDATES = 6;
/** Chance pairs about one deputy per write told apart; eight more than that happen by chance less than once in 10⁴ readings. */
const SLACK = 8;

/** `n` different non-empty subsets of `ids`, each sorted as a stored ballot is. */
function distinctBallots(ids: number[], n: number): number[][] {
  const seen = new Set<number>();
  while (seen.size < n) seen.add(randomInt(1, 2 ** ids.length));
  return [...seen].map((mask) => ids.filter((_, i) => mask & (1 << i)));
}

function shuffled<T>(a: readonly T[]): T[] {
  const out = [...a];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe.each(STORES)('ballot secrecy in the %s files', (storeName) => {
  let w: VoteWorld;
  beforeAll(async () => {
    w = await openWorld(storeName);
  });
  afterAll(async () => {
    await w?.store.dispose();
  });

  const readers = async (roundId: number): Promise<Record<string, Reading>> => {
    if (storeName === 'sqlite') {
      const file = w.store.location;
      return { rowid: sqliteNow(file, roundId, 'rowid'), 'WAL frames': sqliteWal(file, roundId), 'page cells': sqliteNow(file, roundId, 'cells') };
    }
    return { xmin: await postgresHeap(w.store.repo.db, roundId, 'xmin'), ctid: await postgresHeap(w.store.repo.db, roundId, 'ctid') };
  };

  /** One round: the deputies vote at once in a random order, the files are read while it is open and after it closes. */
  async function voteAndRead(n: number): Promise<Record<string, { correct: number; of: number; batches: number | null }>> {
    const s = await newSession(w.sup, { title: `保密测试${n}`, seats: CANDIDATES, candidates: Array.from({ length: CANDIDATES }, (_, i) => `项目${i + 1}`), deputies: DEPUTIES });
    const rid = await openRound(w.sup, s.id);
    const ballots = distinctBallots(s.candidateIds, DEPUTIES);
    const truth = new Map(s.codes.map((c, i) => [c.id, JSON.stringify(ballots[i])]));
    const answers = await Promise.all(shuffled(s.codes.map((_, i) => i)).map((i) => w.deputy.post(`/api/votes/rounds/${rid}/ballots`, { code: s.codes[i].code, choices: ballots[i] })));
    for (const a of answers) expect(a.status, text(a)).toBe(201);
    const out: Record<string, { correct: number; of: number; batches: number | null }> = {};
    for (const [method, reading] of Object.entries(await readers(rid))) out[`open, ${method}`] = linked(reading, truth);
    const closed = await w.sup.post(`/api/votes/rounds/${rid}/close`);
    expect(closed.status, text(closed)).toBe(200);
    expect(body(closed).tally.ballots).toBe(DEPUTIES);
    for (const [method, reading] of Object.entries(await readers(rid))) out[`closed, ${method}`] = linked(reading, truth);
    return out;
  }

  it(`${ROUNDS} rounds of ${DEPUTIES} ballots cast at once link to their deputies no better than chance, open and closed`, async () => {
    const total: Record<string, { correct: number; of: number; batches: number | null }> = {};
    for (let n = 0; n < ROUNDS; n++) {
      for (const [what, r] of Object.entries(await voteAndRead(n))) {
        const t = (total[what] ??= { correct: 0, of: 0, batches: r.batches === null ? null : 0 });
        t.correct += r.correct;
        t.of += r.of;
        if (t.batches !== null && r.batches !== null) t.batches += r.batches;
        // Ballots are written together: a reader sees few writes, each of many deputies.
        if (r.batches !== null) expect(r.batches, `${what}: writes a reader can tell apart`).toBeLessThanOrEqual(Math.ceil(DEPUTIES / 10));
      }
    }
    if (process.env.SHOW) console.log(storeName, JSON.stringify(total));
    for (const [what, t] of Object.entries(total)) {
      expect(t.correct, `${what}: ${t.correct} of ${t.of} ballots linked to their deputy across ${t.batches ?? 'no'} visible writes`).toBeLessThanOrEqual((t.batches ?? ROUNDS) + SLACK);
    }
  });

  // A deputy voting alone is written alone (see the README's threat model); once the round closes, even that order is gone.
  it.skipIf(storeName !== 'sqlite')('ballots cast one at a time link to nobody once the round is closed', async () => {
    const quick = await openWorld(storeName, { votes: { box: { batch: 10, waitMs: 20 } } });
    try {
      const s = await newSession(quick.sup, { title: '逐一投票', seats: CANDIDATES, candidates: Array.from({ length: CANDIDATES }, (_, i) => `项目${i + 1}`), deputies: DEPUTIES });
      const rid = await openRound(quick.sup, s.id);
      const ballots = distinctBallots(s.candidateIds, DEPUTIES);
      const truth = new Map(s.codes.map((c, i) => [c.id, JSON.stringify(ballots[i])]));
      for (let i = 0; i < DEPUTIES; i++) expect((await quick.deputy.post(`/api/votes/rounds/${rid}/ballots`, { code: s.codes[i].code, choices: ballots[i] })).status).toBe(201);
      expect((await quick.sup.post(`/api/votes/rounds/${rid}/close`)).status).toBe(200);
      const file = quick.store.location;
      for (const [method, reading] of Object.entries({ rowid: sqliteNow(file, rid, 'rowid'), 'WAL frames': sqliteWal(file, rid), 'page cells': sqliteNow(file, rid, 'cells') })) {
        const r = linked(reading, truth);
        expect(r.correct, `${method}: ${r.correct} of ${r.of}`).toBeLessThanOrEqual(1 + SLACK);
      }
    } finally {
      await quick.store.dispose();
    }
  });
});
