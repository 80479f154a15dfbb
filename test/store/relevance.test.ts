/**
 * Ranking matches from their texts (src/store/sqlite/relevance.ts) must give
 * exactly the order FTS5's bm25() gives, or a search's order would depend on
 * which way the engine chose to rank. The texts are written for the test so
 * that lengths differ (bm25 weighs a long text's occurrences less), a query
 * overlaps itself (哈哈 twice in 哈哈哈), case differs (Ab, ab) and a
 * character lies outside the Basic Multilingual Plane.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/store/repository.js';
import { openSqlite } from '../../src/store/sqlite/engine.js';
import { bm25Factor, byRelevance, readVarints } from '../../src/store/sqlite/relevance.js';
import { holdsText, phraseFrequency, readText, utf16Bytes } from '../../src/store/document-text.js';
import { createTestStore, type TestStore } from './stores.js';
import { writtenFiles } from './written.js';

const FILLER = '春夏秋冬东南西北山川河海云雨风雷金木水火土石竹松梅兰菊桃李杏柳花草鸟鱼虫马牛羊';
const PIECES = ['哈哈哈', '哈哈', '改革开放', '深化改革', 'Ab', 'ab', '𠀀𠀁', '乡村 振兴', '乡村振兴'];
const QUERIES = ['哈哈', '哈哈哈', '哈', '改革', '深化改革', 'Ab', 'ab', '𠀀', '𠀀𠀁', '乡村振兴', '村振'];


describe('relevance arithmetic', () => {
  it('reads SQLite varints of one to nine bytes', () => {
    expect(readVarints(Uint8Array.from([0x05, 0x81, 0x00, 0x82, 0x2c]))).toEqual([5, 128, 300]);
    expect(readVarints(Uint8Array.from([0xff, 0xff, 0xff, 0x7f]))).toEqual([2 ** 28 - 1]);
  });

  it('counts a phrase at every place it starts, overlaps included, on character boundaries only, as text or as UTF-16 bytes', () => {
    for (const form of [(t: string) => t, utf16Bytes]) {
      expect(phraseFrequency(form('哈哈哈'), '哈哈')).toBe(2);
      expect(phraseFrequency(form('哈哈哈哈'), '哈哈哈')).toBe(2);
      expect(phraseFrequency(form('一二一二'), '二一')).toBe(1);
      expect(phraseFrequency(form('abAB'), 'ab')).toBe(1);
      expect(phraseFrequency(form('无'), '有')).toBe(0);
      expect(phraseFrequency(form('𠀀𠀁𠀀'), '𠀀')).toBe(2);
    }
  });

  it('does not find a character in the bytes that straddle two others', () => {
    // 一 is 00 4E in UTF-16LE and 屎 4E 5C: the bytes 4E 4E between them spell 乎.
    const bytes = utf16Bytes('一屎');
    expect(Buffer.from(bytes).indexOf(Buffer.from('乎', 'utf16le'))).toBe(1);
    expect(phraseFrequency(bytes, '乎')).toBe(0);
    expect(holdsText(bytes, '乎')).toBe(false);
    expect(holdsText(utf16Bytes('一屎乎'), '乎')).toBe(true);
    expect(holdsText('一屎乎', '屎乎')).toBe(true);
    expect(readText(bytes)).toBe('一屎');
  });

  it('weighs occurrences in a shorter text more, and orders ties by id', () => {
    expect(bm25Factor(2, 100, 200)).toBeGreaterThan(bm25Factor(2, 300, 200));
    expect(bm25Factor(3, 300, 200)).toBeGreaterThan(bm25Factor(2, 300, 200));
    expect(byRelevance([{ id: 3, score: 1 }, { id: 1, score: 1 }, { id: 2, score: 2 }])).toEqual([2, 1, 3]);
  });
});

describe('search ranked from texts gives bm25 order (SQLite)', () => {
  let store: TestStore;
  let byIndex: Repository;
  let byText: Repository;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const written = await writtenFiles();
    for (let i = 0; i < 120; i++) {
      // Filler of varying length around a varying number of pieces: tf and length both vary.
      const parts: string[] = [];
      for (let k = 0; k < 1 + (i % 4); k++) parts.push(PIECES[(i * 5 + k * 3) % PIECES.length]);
      const fill = (n: number) => Array.from({ length: n }, (_, k) => FILLER[(i * 11 + k * 7) % FILLER.length]).join('');
      const text = fill(10 + ((i * 37) % 90)) + parts.join(fill(3 + (i % 5))) + fill(5 + ((i * 13) % 40));
      const file = written(`r${i}.txt`, text, { jurisdiction: `测试${i}`, level: i % 2 ? 'county' : 'prefecture', report_year: 2000 + (i % 20) });
      await store.repo.storeFile(file, null);
    }
    byIndex = await openRepository(openSqlite(store.location, { ranking: 'index' }));
    byText = await openRepository(openSqlite(store.location, { ranking: 'text' }));
  }, 60_000);
  afterAll(async () => {
    await byIndex?.close();
    await byText?.close();
    await store?.dispose();
  });

  const order = async (repo: Repository, q: string, filter: { level?: 'county' } = {}) => {
    const res = await repo.search({ q, ...filter, limit: 500, snippets: 0 });
    return { total: res.total, ids: res.items.map((h) => h.document.id) };
  };

  it('for every query, whole or filtered, in the same order with the same total', async () => {
    let ranked = 0;
    for (const q of QUERIES) {
      for (const filter of [{}, { level: 'county' as const }]) {
        const want = await order(byIndex, q, filter);
        expect(await order(byText, q, filter), `${q} ${JSON.stringify(filter)}`).toEqual(want);
        // and the default, which chooses between the two
        expect(await order(store.repo, q, filter)).toEqual(want);
        if (want.total > 1) ranked++;
      }
    }
    // The comparison means something only where there was an order to get wrong.
    expect(ranked).toBeGreaterThan(QUERIES.length);
  });

  it('orders differently from a plain count where lengths differ (so the lengths are read)', async () => {
    const res = await byText.search({ q: '哈', limit: 500, snippets: 0 });
    const counts = res.items.map((h) => h.matches);
    expect(counts.some((c, i) => i > 0 && c > counts[i - 1])).toBe(true);
  });
});
