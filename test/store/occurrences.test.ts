/**
 * A page of search hits counts and cuts snippets from each hit's text: the
 * count non-overlapping, offsets in UTF-16 units, 30 characters of context
 * either side, as spelled out below without the module's own helpers.
 */
import { describe, expect, it } from 'vitest';
import { findAll, occurrencesIn, snippetAt } from '../../src/store/occurrences.js';

/** What the string gives, spelled out without the module's own helpers. */
function expected(text: string, q: string, keep: number) {
  const at: number[] = [];
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length)) at.push(i);
  return {
    matches: at.length,
    snippets: at.slice(0, keep).map((p) => ({ start: p, end: p + q.length, match: q, before: text.slice(Math.max(0, p - 30), p), after: text.slice(p + q.length, p + q.length + 30) })),
  };
}

describe('occurrencesIn', () => {
  it('finds a word in a sentence written for the test', () => {
    const text = '新建高标准农田32.95万亩，改造提升高标准农田10万亩。高标准农田建设是一项长期任务。';
    {
      const r = occurrencesIn(text, '高标准农田', 2);
      expect(r.matches).toBe(3);
      expect(r.snippets).toEqual([
        { start: 2, end: 7, match: '高标准农田', before: '新建', after: '32.95万亩，改造提升高标准农田10万亩。高标准农田建设是' },
        { start: 19, end: 24, match: '高标准农田', before: '新建高标准农田32.95万亩，改造提升', after: '10万亩。高标准农田建设是一项长期任务。' },
      ]);
    }
  });

  it('counts non-overlapping occurrences left to right, and keeps as many snippets as asked', () => {
    for (const form of ['啊啊啊啊啊']) {
      expect(occurrencesIn(form, '啊啊', 5).snippets.map((s) => s.start)).toEqual([0, 2]);
      expect(occurrencesIn(form, '啊啊', 0)).toEqual({ matches: 2, snippets: [] });
      expect(occurrencesIn(form, '', 3)).toEqual({ matches: 0, snippets: [] });
    }
  });

  it('counts offsets in UTF-16 units past characters outside the BMP, and cuts context where the string would', () => {
    // U+20000 and U+2A6D6 take four bytes and two units; the context windows end inside them.
    const astral = '\u{20000}\u{2A6D6}';
    const text = `${astral.repeat(20)}农田${'a'.repeat(29)}${astral}农田x${astral.repeat(3)}`;
    const r = occurrencesIn(text, '农田', 3);
    expect(r).toEqual(expected(text, '农田', 3));
    expect(r.snippets[0].start).toBe(80);
    expect(r.snippets[0].after.length).toBe(30); // 29 letters and the first unit of a pair, as String.slice gives
  });

  it('gives what the string gives on random texts of mixed scripts', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const alphabet = ['农', '田', '水', '利', 'a', 'b', '1', ' ', '\n', '，', 'é', '\u{20000}', '\u{1F600}'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 400; i++) {
      const text = word(Math.floor(next() * 300));
      const q = next() < 0.5 && text.length > 4 ? text.slice(Math.floor(next() * (text.length - 3))).slice(0, 1 + Math.floor(next() * 3)) : word(1 + Math.floor(next() * 2));
      if (!q) continue;
      const keep = Math.floor(next() * 5);
      expect({ i, text, q, r: occurrencesIn(text, q, keep) }).toEqual({ i, text, q, r: expected(text, q, keep) });
    }
  });

  it('findAll and snippetAt, which search within a part of a report uses, agree with the page path', () => {
    const text = '推进乡村振兴，全面推进乡村振兴战略。';
    expect(findAll(text, '乡村振兴')).toEqual([2, 11]);
    expect(snippetAt(text, 11, 4)).toEqual(expected(text, '乡村振兴', 2).snippets[1]);
  });
});
