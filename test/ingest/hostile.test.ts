/**
 * Hostile inputs at the parser level (issue 15, item 3): each is generated
 * here, then read; each must end in a result or a clean, typed refusal.
 * The per-test timeouts are hang guards (coarse, generous for a loaded
 * machine), not performance claims: bench/hostile.ts prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { conjuncts, parseItems } from '../../src/extract/items.js';
import { parseCandidateList } from '../../src/votes/candidates.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { candidateCommas, conjunctSubject, htmlUnclosedNesting, oneLineOfHeads } from '../helpers/hostile.js';

const HANG_GUARD = 20_000;

describe('vote candidate lists', () => {
  it('a run of 200,000 commas inside an item is read in one pass', () => {
    const list = parseCandidateList(candidateCommas(200_000));
    expect(list).toHaveLength(1);
    expect(list[0].title.startsWith('新建城区停车场，')).toBe(true);
  }, HANG_GUARD);

  it('a run of 200,000 commas and spaces ending an item is trimmed', () => {
    const list = parseCandidateList(`①新建城区停车场${'， '.repeat(100_000)}②改造老旧小区；`);
    expect(list.map((c) => c.title)).toEqual(['新建城区停车场', '改造老旧小区']);
  }, HANG_GUARD);
});

describe('the conjunct matcher', () => {
  it('a 96 KB subject before 分别 is matched in linear time, its conjuncts kept as written', () => {
    const text = conjunctSubject(96 * 1024);
    const subject = text.slice(text.indexOf('：') + 1, text.indexOf('分别'));
    const names = conjuncts(subject, 2);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('新兴产业');
    expect(names[1].length).toBeGreaterThan(30_000);
    // 分别 gives each conjunct its own figure, in order
    expect(parseItems(text, { mode: 'target' }).map((i) => [i.indicator.slice(0, 10), i.value])).toEqual([
      ['other:新兴产业', 5],
      ['other:推进城市', 6],
    ]);
  }, HANG_GUARD);

  it('still shares the head of the last conjunct with a bare one before it', () => {
    // "规模以上工业、服务业增加值": the first conjunct borrows 增加值 from the last.
    expect(conjuncts('规模以上工业、服务业增加值', 2)[0]).toBe('规模以上工业增加值');
  });
});

describe('a text of one long line', () => {
  it('1 MiB of report heads, dated phrases and target lead-ins on one line is read in linear time', async () => {
    // Looking from each match back to the line start (dating), forward to its end
    // (targets) or judging the whole line per head (splitting) took 64 s here.
    const r = await processBytes('one-line.txt', oneLineOfHeads(1024 * 1024));
    if (isFailure(r)) throw new Error(r.error);
    const targets = r.documents.flatMap((d) => d.targets);
    expect(targets.map((t) => [t.indicator, t.value])).toContainEqual(['gdp', 5]);
    for (const t of targets) expect(r.source.text.slice(t.span.start, t.span.end)).toBe(t.text);
  }, 45_000);
});

describe('HTML', () => {
  it('1.8 MB of unclosed nested elements with stray end tags is read in linear time', async () => {
    const r = await processBytes('page.html', htmlUnclosedNesting(1_800_000));
    if (isFailure(r)) throw new Error(r.error);
    expect(r.source.format).toBe('html');
    expect(r.source.text.startsWith('推进高质量发展')).toBe(true);
  }, HANG_GUARD);
});
