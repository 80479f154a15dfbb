import { describe, expect, it } from 'vitest';
import { checkRatings, checkSelection, electedOver, tallySatisfaction, tallySelection, BallotError } from '../../src/votes/tally.js';
import { parseCandidateList } from '../../src/votes/candidates.js';
import { codeHash, newVotingCode } from '../../src/votes/codes.js';
import { ballotsFor, FORTY } from './fixtures.js';

const cands = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 100 + i, title: `项目${i + 1}` }));

describe('票决 tally', () => {
  it('40 candidates, 300 deputies, 10 seats: the right ten, both ties reported, neither decides a seat', () => {
    const c = cands(40);
    const ballots = ballotsFor(FORTY, c.map((x) => x.id), 300);
    expect(Math.max(...ballots.map((b) => b.length))).toBeLessThanOrEqual(10);
    const t = tallySelection(c, ballots, 10, 'none', 300);
    expect(t.elected.sort((a, b) => a - b)).toEqual(c.slice(0, 10).map((x) => x.id));
    expect(t.undecided).toBeNull();
    expect(t.ties).toEqual([
      { votes: 220, candidate_ids: [103, 104], decides_seats: false },
      { votes: 120, candidate_ids: [110, 111], decides_seats: false },
    ]);
    const r4 = t.rows.filter((r) => r.votes === 220);
    expect(r4.map((r) => r.rank)).toEqual([4, 4]);
    expect(t.rows.find((r) => r.candidate_id === 105)!.rank).toBe(6);
    expect(t.rows.find((r) => r.candidate_id === 110)!.status).toBe('not_elected');
  });

  it('a tie across the last seat elects those above it and leaves the tied undecided for a run-off', () => {
    const c = cands(12);
    const votes = [90, 80, 70, 60, 50, 50, 40, 30, 20, 10, 10, 5];
    const t = tallySelection(c, ballotsFor(votes, c.map((x) => x.id), 100), 10, 'none', 100);
    expect(t.elected).toHaveLength(9);
    expect(t.undecided).toEqual({ candidate_ids: [109, 110], seats_left: 1 });
    expect(t.rows.filter((r) => r.status === 'tied').map((r) => r.candidate_id)).toEqual([109, 110]);
    const runoff = tallySelection(c.filter((x) => [109, 110].includes(x.id)), [[110], [110], [109]], 1, 'none', 100);
    const over = electedOver([t, runoff]);
    expect(over.elected).toHaveLength(10);
    expect(over.elected).toContain(110);
    expect(over.undecided).toBeNull();
  });

  it('a majority threshold keeps a top-N candidate without more than half of the roster out', () => {
    const c = cands(3);
    const t = tallySelection(c, ballotsFor([60, 51, 50], c.map((x) => x.id), 100), 3, 'majority_of_roster', 100);
    expect(t.elected).toEqual([100, 101]);
    expect(t.rows.find((r) => r.candidate_id === 102)!.status).toBe('below_threshold');
  });

  it('a ballot chooses distinct candidates of the round, at most the seats; blank ballots count as cast', () => {
    expect(checkSelection([3, 1], [1, 2, 3], 2)).toEqual([1, 3]);
    expect(() => checkSelection([1, 2, 3], [1, 2, 3], 2)).toThrow(BallotError);
    expect(() => checkSelection([1, 1], [1, 2, 3], 2)).toThrow(/twice/);
    expect(() => checkSelection([9], [1, 2, 3], 2)).toThrow(/not a candidate/);
    expect(() => checkSelection('1', [1], 1)).toThrow(BallotError);
    const t = tallySelection(cands(2), [[], [100]], 1, 'none', 5);
    expect(t).toMatchObject({ ballots: 2, blank: 1, elected: [100] });
  });

  it('satisfaction: shares of 满意 / 基本满意 / 不满意 and the 满意率 counting 基本满意 as satisfied', () => {
    const c = cands(2);
    const ballots = [
      ...Array.from({ length: 200 }, () => ({ '100': 'satisfied' as const, '101': 'dissatisfied' as const })),
      ...Array.from({ length: 80 }, () => ({ '100': 'basically' as const })),
      ...Array.from({ length: 20 }, () => ({ '100': 'dissatisfied' as const, '101': 'satisfied' as const })),
    ];
    const t = tallySatisfaction(c, ballots, 300);
    // 100: 200 + 80 of 300 ratings = 0.9333; 101: 20 of 220 ratings = 0.0909, 80 abstained
    expect(t.rows[0]).toMatchObject({ satisfied: 200, basically: 80, dissatisfied: 20, abstained: 0, satisfaction_rate: 0.9333, satisfied_share: 0.6667 });
    expect(t.rows[1]).toMatchObject({ satisfied: 20, basically: 0, dissatisfied: 200, abstained: 80, satisfaction_rate: 0.0909 });
    expect(() => checkRatings({ '100': 'great' }, [100])).toThrow(/rating/);
    expect(() => checkRatings({ '7': 'satisfied' }, [100])).toThrow(/not a project/);
  });
});

describe('candidate lists and voting codes', () => {
  it('reads a pasted list with any numbering, and ①…⑩ run together', () => {
    const list = parseCandidateList('1. 新建城区公办幼儿园3所：新增学位1080个\n（2）老旧小区改造；\n三、农村公路提档升级\n\n');
    expect(list.map((c) => c.title)).toEqual(['新建城区公办幼儿园3所', '老旧小区改造', '农村公路提档升级']);
    expect(list[0].detail).toBe('新增学位1080个');
    expect(parseCandidateList('①实施城市供水管网改造②新建口袋公园10个③建设养老服务中心').map((c) => c.title)).toEqual(['实施城市供水管网改造', '新建口袋公园10个', '建设养老服务中心']);
  });

  it('codes avoid look-alike characters and match however they are typed', () => {
    const codes = new Set(Array.from({ length: 500 }, newVotingCode));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    const c = [...codes][0];
    expect(codeHash(c.toLowerCase().replace('-', ' '))).toBe(codeHash(c));
  });
});

describe('candidates from a stored report', () => {
  it('one candidate per livelihood sentence, numbering removed, linked to its fact', async () => {
    const { candidatesFromDocument } = await import('../../src/votes/candidates.js');
    const fact = (id: number, text: string, sentence: string, livelihood = true) => ({ id, fact: 'commitment', text, data: { sentence, livelihood } });
    const doc = {
      id: 7,
      facts: [
        fact(1, '①城镇新增就业1.5万人', '①城镇新增就业1.5万人，农村劳动力转移就业25万人。'),
        fact(2, '农村劳动力转移就业25万人', '①城镇新增就业1.5万人，农村劳动力转移就业25万人。'),
        fact(3, '②新改建农村公路200公里', '②新改建农村公路200公里，改造农村危桥10座。'),
        fact(4, '新建厂房10万平方米', '新建厂房10万平方米。', false),
      ],
    } as unknown as Parameters<typeof candidatesFromDocument>[0];
    const list = candidatesFromDocument(doc);
    expect(list.map((c) => c.title)).toEqual(['城镇新增就业1.5万人，农村劳动力转移就业25万人', '新改建农村公路200公里，改造农村危桥10座']);
    expect(list.map((c) => c.fact_id)).toEqual([1, 3]);
  });
});

describe('rosters', () => {
  it('reads a roster with a title row and a header, or bare names and delegations', async () => {
    const { rosterFromRows, parseRoster } = await import('../../src/votes/roster.js');
    expect(rosterFromRows([['某某区第十八届人大代表名单'], ['序号', '代表团', '姓名'], ['1', '第一代表团', '王建国'], ['2', '第二代表团', ' 李 秀英 '], ['', '', '']])).toEqual([
      { name: '王建国', delegation: '第一代表团' },
      { name: '李 秀英', delegation: '第二代表团' },
    ]);
    expect(parseRoster('1. 张伟\t第三代表团\n刘洋，第三代表团\n\n陈静')).toEqual([
      { name: '张伟', delegation: '第三代表团' },
      { name: '刘洋', delegation: '第三代表团' },
      { name: '陈静', delegation: null },
    ]);
  });
});
