import { describe, expect, it } from 'vitest';
import { aboutTolerance, compare } from '../../src/check/verdict.js';
import { convert } from '../../src/check/units.js';

describe('qualifier rules', () => {
  it.each([
    // target, qualifier, outcome, expected, extra
    [7, 'about', 6, 'missed'],
    [7, 'about', 6.5, 'met'], // within 0.5 point
    [7, 'about', 6.4, 'missed'],
    [20, 'about', 19.1, 'met'], // 5% of 20 = 1 > 0.5
    [20, 'about', 18.9, 'missed'],
    [6, 'at_least', 6, 'met'],
    [6, 'at_least', 5.9, 'missed'],
    [4.5, 'at_most', 4.5, 'met'],
    [4.5, 'at_most', 4.6, 'missed'],
    [5, 'range', 5.2, 'met'],
    [5, 'range', 4.9, 'missed'],
    [30, 'exact', 37.58, 'met'],
    [30, 'exact', 29, 'missed'],
    [-3, 'about', -2.6, 'met'], // a fall of about 3%: 2.6 is within tolerance
    [-3, 'exact', -2, 'missed'], // a promised fall that fell short
  ] as const)('%s %s vs %s → %s', (target, q, outcome, verdict) => {
    expect(compare(target, q, outcome, { targetMax: q === 'range' ? 6 : undefined }).verdict).toBe(verdict);
  });

  it('treats ceilings (unemployment, CPI) as at most', () => {
    expect(compare(5.5, 'exact', 5.2, { indicator: 'unemployment_rate' }).verdict).toBe('met');
    expect(compare(3, 'about', 3.6, { indicator: 'cpi' }).verdict).toBe('missed');
  });

  it('spells the rule out', () => {
    expect(compare(7, 'about', 6).rule).toMatch(/左右: at least 6\.5 \(tolerance 0\.5\)/);
    expect(aboutTolerance(30)).toBeCloseTo(1.5);
  });

  it('converts within a unit family and refuses across families', () => {
    expect(convert(32.95, '万亩', '亩')).toBeCloseTo(329500);
    expect(convert(2, '亿元', '万元')).toBe(20000);
    expect(convert(15, '处', '个')).toBe(15);
    expect(convert(3, '公里', '亩')).toBeUndefined();
  });
});
