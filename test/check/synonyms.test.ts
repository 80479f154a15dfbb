import { describe, expect, it } from 'vitest';
import { judgeCommitment, type PromiseFigure } from '../../src/check/judge.js';
import { readReview } from '../../src/check/observations.js';
import { sameThing } from '../../src/check/synonyms.js';

const review = (text: string) => readReview(text, { start: 0, end: text.length }, 2022);
const task = (text: string, value: number, unit: string, qualifier: PromiseFigure['qualifier'] = 'exact'): PromiseFigure => ({ text, value, unit, qualifier });

describe('one counted thing under several names', () => {
  it('reads the wordings of one family as one name, and leaves narrower things alone', () => {
    expect(sameThing('旅游业总收入')).toBe(sameThing('旅游综合收入'));
    expect(sameThing('旅游收入')).toBe(sameThing('旅游总收入'));
    expect(sameThing('游客')).toBe(sameThing('旅游人数'));
    expect(sameThing('游客接待量')).toBe(sameThing('接待游客'));
    expect(sameThing('农村旱厕')).toBe(sameThing('户厕'));
    expect(sameThing('户用卫生厕所')).toBe(sameThing('农村厕所'));
    expect(sameThing('民心工程')).toBe(sameThing('民生实事'));
    // a subset or another programme is another thing
    expect(sameThing('入境游客')).toBe('入境游客');
    expect(sameThing('城市公厕')).toBe('城市公厕');
    expect(sameThing('旅游厕所')).toBe('旅游厕所');
    expect(sameThing('口袋公园')).toBe('口袋公园');
  });

  it('answers a promise in one wording by a count in another', () => {
    const visitors = judgeCommitment(task('全年游客人数突破300万', 300, '万', 'at_least'), review('全年共接待国内外游客312万人次，旅游总收入25.6亿元。'));
    expect(visitors).toMatchObject({ verdict: 'met', outcome: 312 });
    const revenue = judgeCommitment(task('旅游收入达到30亿元', 30, '亿元'), review('全年共接待国内外游客312万人次，旅游综合收入25.6亿元。'));
    expect(revenue).toMatchObject({ verdict: 'missed', outcome: 25.6 });
    const toilets = judgeCommitment(task('改造农村户厕5000座', 5000, '座'), review('新建城市公厕12座，改造农村厕所5200座。'));
    expect(toilets).toMatchObject({ verdict: 'met', outcome: 5200 });
  });

  it('does not let a public toilet count answer household toilets', () => {
    const j = judgeCommitment(task('改造农村户厕5000座', 5000, '座'), review('新建城市公厕5200座。'));
    expect(j.verdict).not.toMatch(/met|missed/);
  });
});

describe('a list of tasks named by who set it', () => {
  it('reads the noun after the figure when only the setter stands before it', () => {
    const R = review('市定15项民生实事和省定20项民生工程全部完成。');
    expect(R.observations.map((o) => [o.subject, o.value])).toEqual([['市定民生实事', 15], ['省定民生工程', 20]]);
  });

  it('holds a promised list against the same setter\'s list only', () => {
    const p = task('完成省定20项民心工程', 20, '项');
    expect(judgeCommitment(p, review('市定15项民生实事和省定20项民生工程全部完成。'))).toMatchObject({ verdict: 'met', outcome: 20 });
    expect(judgeCommitment(p, review('市定20项民生实事全部完成。')).verdict).not.toMatch(/met|missed/);
  });
});
