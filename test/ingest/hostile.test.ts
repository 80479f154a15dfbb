/**
 * Hostile inputs at the parser level (issue 15, item 3): each is generated
 * here, then read; each must end in a result or a clean, typed refusal.
 * The per-test timeouts are hang guards (coarse, generous for a loaded
 * machine), not performance claims: bench/hostile.ts prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { parseCandidateList } from '../../src/votes/candidates.js';
import { candidateCommas } from '../helpers/hostile.js';

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
