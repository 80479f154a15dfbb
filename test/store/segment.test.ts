/**
 * SQLite's gram index (gramColumns / gramMatch) against plain substring
 * search, on sentences written for the edge cases: whitespace inside texts and
 * queries, runs that occur apart, repeated characters, case, characters
 * outside the BMP. The index must answer exactly what `includes` answers.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { gramColumns, gramMatch } from '../../src/store/segment.js';

const TEXTS = [
  '新建高标准农田三十万亩，改造提升中低产田。',
  '农田 水利设施\n完善，高标准\u3000农田建设有序推进。',
  '哈哈哈哈哈，重复的字也要数清楚。',
  'GDP增长6%左右，gdp 总量再上台阶。',
  '罕见字\u{20000}\u{20001}出现在文中，\u{20001}\u{20000}也是。',
  '田 田 田',
];

const QUERIES = [
  '农田', '高标准农田', '田水', '农田 水利', '农田 水', '标准 农田', '标准\u3000农田', '哈哈哈', '哈哈哈哈哈哈', 'GDP', 'gdp', 'Gdp', 'gdp 总量',
  '\u{20000}\u{20001}', '\u{20001}\u{20000}', '\u{20000}', '田', '田 田', '田田', '田 田 田', '水利设施 完善', '设施 完善，高标准 农', '施\n完', '"农田"', 'AND', '新建 OR 改造',
];

describe('gram index answers exactly what substring search answers', () => {
  const db = new BetterSqlite3(':memory:');
  // As the SQLite engine makes them (migration 27): characters without positions, pairs with.
  db.exec(`create virtual table doc_char using fts5(chars, content='', detail=none, tokenize='unicode61 remove_diacritics 0')`);
  db.exec(`create virtual table doc_pair using fts5(pairs, content='', tokenize='unicode61 remove_diacritics 0')`);
  TEXTS.forEach((t, i) => {
    const g = gramColumns(t);
    db.prepare('insert into doc_char(rowid, chars) values (?, ?)').run(i + 1, g.chars);
    db.prepare('insert into doc_pair(rowid, pairs) values (?, ?)').run(i + 1, g.pairs);
  });
  const matching = (m: { column: 'chars' | 'pairs'; match: string }): number[] => {
    const table = m.column === 'chars' ? 'doc_char' : 'doc_pair';
    return (db.prepare(`select rowid as id from ${table} where ${table} match ? order by rowid`).all(m.match) as { id: number }[]).map((r) => r.id);
  };
  const search = (q: string): number[] => {
    const m = gramMatch(q);
    if (!m) return [];
    const ids = matching(m);
    // With whitespace the index gives candidates (every run somewhere) and the text decides.
    return m.verbatim === undefined ? ids : ids.filter((id) => TEXTS[id - 1].includes(m.verbatim!));
  };

  it.each(QUERIES)('%s', (q) => {
    const want = TEXTS.flatMap((t, i) => (t.includes(q.trim()) ? [i + 1] : []));
    expect(search(q)).toEqual(want);
  });

  it('needs the text only for queries with whitespace', () => {
    expect(gramMatch('高标准农田')?.verbatim).toBeUndefined();
    expect(gramMatch('农田 水利')?.verbatim).toBe('农田 水利');
    expect(gramMatch('   ')).toBeUndefined();
  });

  it('does not join pairs across whitespace: a run\'s end and the next run\'s start sit between them', () => {
    // "田 水" must not yield the pair 田水, nor put 农田 and 水利 next to each other.
    expect(search('田水')).toEqual([]);
    expect(gramColumns('农田 水利').pairs.split(' ')).toHaveLength(6);
  });

  it('finds a query with whitespace from the index alone, up to which whitespace it is', () => {
    // The phrase already requires the runs to be adjacent in the text: only the kind of whitespace is left to the text.
    expect(matching(gramMatch('农田 水利')!)).toEqual([2]);
    expect(matching(gramMatch('新建 改造')!)).toEqual([]);
  });

  it('writes the same tokens as a plain walk over code points, lone surrogates included (a withdrawal deletes a row by repeating its tokens)', () => {
    // The format as first written (migration 22): for…of code points, `u`+hex, `x`/pair/`y` per run;
    // since migration 27 each character's `u` token only where it first occurs.
    const reference = (text: string) => {
      const chars: string[] = [];
      const pairs: string[] = [];
      let prev: string | undefined;
      for (const ch of text) {
        const h = ch.codePointAt(0)!.toString(16);
        if (/^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$/.test(ch)) {
          if (prev !== undefined) pairs.push('y' + prev);
          prev = undefined;
          continue;
        }
        if (!chars.includes('u' + h)) chars.push('u' + h);
        pairs.push(prev === undefined ? 'x' + h : prev + 'g' + h);
        prev = h;
      }
      if (prev !== undefined) pairs.push('y' + prev);
      return { chars: chars.join(' '), pairs: pairs.join(' ') };
    };
    expect(gramColumns('田 田田，农田').chars).toBe('u7530 uff0c u519c');
    for (const t of [...TEXTS, 'a\ud800b', '\udc00开头', '结尾\ud83d', '\ud83d\ude00\ud83d', ' \u3000 两端 ', '', '\u2028行\u2029段\ufeff']) {
      expect(gramColumns(t), JSON.stringify(t)).toEqual(reference(t));
    }
  });
});

