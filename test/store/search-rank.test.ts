/**
 * SQLite's search ranks a query's matches by relevance (bm25) while there are
 * at most RANK_LIMIT of them, and lists broader ones newest first; either way
 * the total is exact and pages follow one another without gaps or repeats.
 * The engine ranks in the first pass when few enough documents pass the
 * filter, else in a second pass once the count is known, so the tests cover
 * a broad query, a narrow one, and a broad one that a filter narrows. The texts
 * are written for the test: equal lengths, so relevance follows how often a
 * word occurs; one character (a table of its own, without counts) is ranked
 * from the texts alike, up to its own, lower limit. Ranked queries are asked of the engine as it chooses and with
 * each way of ranking pinned (bm25 over the index, or from the texts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAR_RANK_LIMIT, openSqlite, RANK_LIMIT } from '../../src/store/sqlite/engine.js';
import { openRepository, type Repository, type SearchQuery } from '../../src/store/repository.js';
import { createTestStore, type TestStore } from './stores.js';
import { writtenFiles } from './written.js';

const N = RANK_LIMIT + 60;
/** Characters for the filler: none of them is in the words searched for. */
const FILLER = '春夏秋冬东南西北山川河海云雨风雷金木水火土石竹松梅兰菊桃李杏柳花草鸟鱼虫马牛羊';
const BROAD = '城市'; // in every document, 1–3 times
const NARROW = '道路'; // in every third document, 1–3 times

interface Doc {
  id: number;
  year: number | null;
  level: 'county' | 'prefecture';
  /** How often each word occurs. */
  broad: number;
  narrow: number;
}

describe('search ranking on SQLite, either side of RANK_LIMIT', () => {
  let store: TestStore;
  const pinned: Repository[] = [];
  const docs: Doc[] = [];
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const written = await writtenFiles();
    for (let i = 0; i < N; i++) {
      const broad = 1 + (i % 3);
      const narrow = i % 3 === 0 ? 1 + ((i / 3) % 3) : 0;
      // 40 characters of filler unique to the document, then the words, padded to one length.
      let text = Array.from({ length: 40 }, (_, k) => FILLER[(i * 7 + k * (1 + (i % 5)) + Math.floor(i / 5)) % FILLER.length]).join('');
      text += BROAD.repeat(broad) + NARROW.repeat(narrow);
      text += FILLER.slice(0, 60 - text.length);
      const year = i % 17 === 0 ? null : 1990 + (i % 30);
      const level = i % 2 === 0 ? 'county' : 'prefecture';
      const file = written(`r${i}.txt`, text, { jurisdiction: `测试${i}`, level, report_year: year });
      const r = await store.repo.storeFile(file, null);
      docs.push({ id: r.documentIds[0], year, level, broad, narrow });
    }
    for (const ranking of ['index', 'text'] as const) pinned.push(await openRepository(openSqlite(store.location, { ranking })));
  }, 120_000);
  afterAll(async () => {
    for (const r of pinned) await r.close();
    await store?.dispose();
  });

  /** Every page of `limit` in turn, until the total is reached. */
  async function allPages(q: SearchQuery, limit: number, repo = store.repo): Promise<{ ids: number[]; totals: number[] }> {
    const ids: number[] = [];
    const totals: number[] = [];
    for (let offset = 0; ; offset += limit) {
      const res = await repo.search({ ...q, limit, offset, snippets: 0 });
      totals.push(res.total);
      ids.push(...res.items.map((h) => h.document.id));
      if (res.items.length < limit) return { ids, totals };
    }
  }

  /** Documents of the last `years` report years (1990 + i % 30). */
  const lastYears = (years: number) => ({ yearFrom: 2020 - years });

  const newestFirst = (a: Doc, b: Doc) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || b.id - a.id;

  it('lists more than RANK_LIMIT matches newest first, with the exact total, on every page', async () => {
    const want = [...docs].sort(newestFirst).map((d) => d.id);
    expect(want.length).toBeGreaterThan(RANK_LIMIT);
    // A word and its first character (one character is found in a table of its own, without counts).
    for (const q of [BROAD, BROAD[0]]) {
      const { ids, totals } = await allPages({ q }, 300);
      expect(ids, q).toEqual(want);
      expect(new Set(totals)).toEqual(new Set([N]));
    }
    // Pages about the RANK_LIMIT-th newest, the last one, one past the end.
    for (const offset of [RANK_LIMIT - 7, RANK_LIMIT, RANK_LIMIT + 1, N - 3, N + 10]) {
      const res = await store.repo.search({ q: BROAD, limit: 20, offset, snippets: 0 });
      expect({ offset, total: res.total, ids: res.items.map((h) => h.document.id) }).toEqual({ offset, total: N, ids: want.slice(offset, offset + 20) });
    }
  });

  it('ranks at most RANK_LIMIT matches by relevance: more occurrences first, ties by id; pages follow one another', async () => {
    const hits = docs.filter((d) => d.narrow > 0);
    for (const repo of [store.repo, ...pinned]) {
      const { ids, totals } = await allPages({ q: NARROW }, 70, repo);
      expect(new Set(totals)).toEqual(new Set([hits.length]));
      // Same length, so bm25 orders by occurrences; within one count, by id.
      expect(ids).toEqual([...hits].sort((a, b) => b.narrow - a.narrow || a.id - b.id).map((d) => d.id));
    }
  });

  it('ranks a broad query that a filter narrows to at most RANK_LIMIT, and counts it exactly', async () => {
    for (const q of [{ q: BROAD, level: 'county' as const }, { q: BROAD, yearFrom: 2010 }]) {
      const hits = docs.filter((d) => (q.level ? d.level === q.level : d.year !== null && d.year >= 2010));
      expect(hits.length).toBeLessThanOrEqual(RANK_LIMIT);
      for (const repo of [store.repo, ...pinned]) {
        const { ids, totals } = await allPages(q, 200, repo);
        expect(new Set(totals)).toEqual(new Set([hits.length]));
        expect(ids).toEqual([...hits].sort((a, b) => b.broad - a.broad || a.id - b.id).map((d) => d.id));
      }
    }
  });

  it('ranks a query of one character from the texts up to CHAR_RANK_LIMIT matches, and lists more newest first', async () => {
    const ranked = (hits: Doc[], count: (d: Doc) => number) => [...hits].sort((a, b) => count(b) - count(a) || a.id - b.id).map((d) => d.id);
    // Narrowed below the limit by a filter: ranked by how often the character occurs, whichever way is pinned.
    const narrowed = docs.filter((d) => d.narrow > 0 && d.year !== null && d.year >= lastYears(5).yearFrom);
    expect(narrowed.length).toBeGreaterThan(20);
    expect(narrowed.length).toBeLessThanOrEqual(CHAR_RANK_LIMIT);
    for (const repo of [store.repo, ...pinned]) {
      for (const q of [NARROW[0], NARROW[1]]) {
        const { ids, totals } = await allPages({ q, ...lastYears(5) }, 30, repo);
        expect(new Set(totals)).toEqual(new Set([narrowed.length]));
        expect(ids, q).toEqual(ranked(narrowed, (d) => d.narrow));
      }
    }
    // Above the limit (but under RANK_LIMIT, where a pair would be ranked): newest first, counted exactly.
    const hits = docs.filter((d) => d.narrow > 0);
    expect(hits.length).toBeGreaterThan(CHAR_RANK_LIMIT);
    expect(hits.length).toBeLessThanOrEqual(RANK_LIMIT);
    const { ids, totals } = await allPages({ q: NARROW[0] }, 300);
    expect(new Set(totals)).toEqual(new Set([hits.length]));
    expect(ids).toEqual([...hits].sort(newestFirst).map((d) => d.id));
  });
});
