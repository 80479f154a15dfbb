import { describe, expect, it } from 'vitest';
import { aboutTolerance, compare } from '../../src/check/verdict.js';
import { convert } from '../../src/check/units.js';

describe('qualifier rules', () => {
  it.each([
    // target, qualifier, outcome, expected, extra
    [7, 'about', 6, 'missed'],
    [7, 'about', 6.5, 'met'], // within 0.5 point
    [7, 'about', 6.4, 'missed'],
    [20, 'about', 19.5, 'met'], // a growth or rate: 0.5 point, however large the figure
    [20, 'about', 19.1, 'missed'],
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
    [-3, 'at_least', -15.3, 'met'], // 下降3%以上: any fall of 3 or more
    [-3, 'at_least', -2.9, 'missed'],
  ] as const)('%s %s vs %s → %s', (target, q, outcome, verdict) => {
    expect(compare(target, q, outcome, { targetMax: q === 'range' ? 6 : undefined }).verdict).toBe(verdict);
  });

  it('treats ceilings (unemployment, CPI) as at most', () => {
    expect(compare(5.5, 'exact', 5.2, { indicator: 'unemployment_rate' }).verdict).toBe('met');
    expect(compare(3, 'about', 3.6, { indicator: 'cpi' }).verdict).toBe('missed');
  });

  it('allows 5% below an amount promised 左右, 0.5 point below a rate', () => {
    expect(compare(20, 'about', 19.1, { unit: '亿元' }).verdict).toBe('met');
    expect(compare(20, 'about', 18.9, { unit: '亿元' }).verdict).toBe('missed');
    expect(aboutTolerance(30, '万亩')).toBeCloseTo(1.5);
    expect(aboutTolerance(30, '%')).toBe(0.5);
  });

  it('spells the rule out with its bound', () => {
    const c = compare(7, 'about', 6, { unit: '%' });
    expect(c).toMatchObject({ verdict: 'missed', direction: 'floor', bound: 6.5, tolerance: 0.5 });
    expect(c.rule).toMatch(/at least 6\.5 \(左右, tolerance 0\.5\)/);
    expect(compare(-3, 'at_least', -4)).toMatchObject({ verdict: 'met', direction: 'ceiling', bound: -3 });
  });

  it('converts within a unit family and refuses across families', () => {
    expect(convert(32.95, '万亩', '亩')).toBeCloseTo(329500);
    expect(convert(2, '亿元', '万元')).toBe(20000);
    expect(convert(15, '处', '个')).toBe(15);
    expect(convert(3, '公里', '亩')).toBeUndefined();
    // an exact conversion of the same measure is not a different unit
    expect(convert(419, '万吨', '亿斤')).toBeCloseTo(83.8);
    // a bare magnitude (突破150万) takes the other side's measure
    expect(convert(150, '万', '万人次')).toBe(150);
    expect(convert(150, '万', '%')).toBeUndefined();
  });
});
