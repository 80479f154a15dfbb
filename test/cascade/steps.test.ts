/**
 * The cascade's pure rules on tables written here: steps, buckets, the
 * summary, and where the gazetteer puts a place.
 */
import { describe, expect, it } from 'vitest';
import { chainOf, NATION, parentOf, placeOfStored, resolveRoot } from '../../src/cascade/places.js';
import { barOf, bucketOf, stepBetween, summarise, type Counted, type Figure } from '../../src/cascade/steps.js';
import type { Step } from '../../src/cascade/schema.js';

const rate = (value: number, qualifier: Figure['qualifier'] = 'exact', extra: Partial<Figure> = {}): Figure => ({ kind: 'growth', value, value_max: null, unit: '%', qualifier, scope: null, ...extra });
const step = (raise: number): Step => ({ status: raise > 0 ? 'raised' : raise < 0 ? 'lowered' : 'same', against: 'X', points: raise, raise, note: null });

describe('the step from the level above', () => {
  it('counts a growth target above the parent as raised, in points, and names a change of qualifier', () => {
    const s = stepBetween('gdp', rate(6.5), rate(5.5, 'about'), '上级');
    expect(s).toMatchObject({ status: 'raised', against: '上级', points: 1, raise: 1 });
    expect(s.note).toMatch(/左右/);
  });

  it('counts an equal figure as the same, a smaller one as lowered', () => {
    expect(stepBetween('gdp', rate(8, 'at_least'), rate(8, 'at_least'), 'P')).toMatchObject({ status: 'same', points: 0, note: null });
    expect(stepBetween('gdp', rate(6.5, 'at_least'), rate(8, 'at_least'), 'P')).toMatchObject({ status: 'lowered', points: -1.5, raise: -1.5 });
  });

  it('does not leave a float residue in the points (7.1 − 6.5)', () => {
    expect(stepBetween('gdp', rate(7.1), rate(6.5), 'P').points).toBe(0.6);
  });

  it('reads a ceiling the other way: a lower unemployment or price ceiling is the more demanding one', () => {
    const s = stepBetween('unemployment_rate', { ...rate(4.5, 'at_most'), kind: 'level' }, { ...rate(5.5, 'about'), kind: 'level' }, 'P');
    expect(s).toMatchObject({ status: 'raised', points: -1, raise: 1 });
    const cpi = stepBetween('cpi', { ...rate(3.5, 'about'), kind: 'level' }, { ...rate(3, 'about'), kind: 'level' }, 'P');
    expect(cpi).toMatchObject({ status: 'lowered', points: 0.5, raise: -0.5 });
  });

  it('takes a range at the bound a result must reach: the lower one, or the upper one for a ceiling', () => {
    expect(barOf('gdp', rate(6.5, 'range', { value_max: 7 }))).toBe(6.5);
    expect(barOf('cpi', { ...rate(2, 'range', { value_max: 3 }), kind: 'level' })).toBe(3);
    expect(stepBetween('gdp', rate(7), rate(6.5, 'range', { value_max: 7 }), 'P')).toMatchObject({ status: 'raised', points: 0.5 });
  });

  it('says "qualitative" when either side states no figure, and refuses to compare amounts or different kinds', () => {
    const words: Figure = { kind: 'qualitative', value: null, value_max: null, unit: null, qualifier: null, scope: null };
    expect(stepBetween('gdp', words, rate(5), 'P')).toMatchObject({ status: 'qualitative', points: null });
    expect(stepBetween('gdp', rate(5), words, 'P')).toMatchObject({ status: 'qualitative', points: null, note: expect.stringContaining('P') });
    const amount: Figure = { kind: 'level', value: 170, value_max: null, unit: '亿元', qualifier: 'exact', scope: null };
    expect(stepBetween('gdp', amount, rate(6), 'P')).toMatchObject({ status: 'not_comparable', points: null });
    expect(stepBetween('gdp', amount, { ...amount, value: 5000 }, 'P').status).toBe('not_comparable');
  });

  it('notes a different scope', () => {
    expect(stepBetween('gdp', rate(7, 'exact', { scope: '市区' }), rate(6), 'P').note).toMatch(/市区/);
  });
});

describe('buckets and the summary', () => {
  it('puts each raise in one bucket, at the edges too', () => {
    const cases: [number, string][] = [[-0.1, 'lower'], [0, 'same'], [0.1, 'up_to_half'], [0.5, 'up_to_half'], [0.6, 'half_to_one'], [0.99, 'half_to_one'], [1, 'one_or_more'], [2.5, 'one_or_more']];
    for (const [raise, bucket] of cases) expect(bucketOf(step(raise)), `raise ${raise}`).toBe(bucket);
  });

  it('has no bucket for a step that was not compared in points', () => {
    expect(bucketOf({ status: 'parent_missing', against: 'P', points: null, raise: null, note: null })).toBeNull();
    expect(bucketOf({ status: 'qualitative', against: 'P', points: null, raise: null, note: null })).toBeNull();
  });

  it('counts how the targets of each bucket fared, and says it in a line', () => {
    const n = (bucket: Counted['bucket'], verdict: 'met' | 'missed' | 'not_reported' | 'not_comparable' | null): Counted => ({ bucket, check: verdict ? { verdict } : null, unchecked: verdict ? null : 'no_next_report' });
    const nodes = [
      n('one_or_more', 'missed'), n('one_or_more', 'missed'), n('one_or_more', 'met'), n('one_or_more', null), n('one_or_more', 'not_reported'),
      n('same', 'met'), n('lower', 'missed'), n(null, 'missed'),
    ];
    const rows = summarise(nodes);
    expect(rows.map((r) => r.bucket)).toEqual(['lower', 'same', 'up_to_half', 'half_to_one', 'one_or_more']);
    const big = rows.find((r) => r.bucket === 'one_or_more')!;
    expect(big).toMatchObject({ places: 5, met: 1, missed: 2, not_reported: 1, not_comparable: 0, unchecked: 1 });
    expect(big.line).toBe('targets raised by ≥1 point above the parent: 2 of 3 missed (1 not reported, 1 without a stored next report)');
    expect(rows.find((r) => r.bucket === 'half_to_one')!.line).toMatch(/none$/);
    // A node without a bucket (a gap, a qualitative step) is not counted anywhere.
    expect(rows.reduce((s, r) => s + r.places, 0)).toBe(7);
  });
});

describe('places in the chain', () => {
  it('puts a county under its prefecture, a prefecture under its province, a province under the nation', () => {
    const county = placeOfStored('保定市清苑区', '河北省')!;
    expect(chainOf(county).map((w) => w.name)).toEqual(['全国', '河北省', '保定市', '保定市清苑区']);
    expect(parentOf(NATION)).toBeNull();
    expect(placeOfStored('全国', '全国')).toBe(NATION);
  });

  it('puts a municipality\'s district directly under the municipality', () => {
    const district = placeOfStored('北京市朝阳区', '北京市')!;
    expect(chainOf(district).map((w) => w.name)).toEqual(['全国', '北京市', '北京市朝阳区']);
  });

  it('leaves a name it cannot place unplaced rather than guessing', () => {
    expect(placeOfStored('不存在的地方', null)).toBeUndefined();
  });

  it('refuses a root that names several places, listing them', () => {
    const r = resolveRoot('河北');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.candidates).toContain('河北省');
    expect(resolveRoot('河北省')).toMatchObject({ ok: true, where: { name: '河北省', level: 'province' } });
    expect(resolveRoot('全国')).toMatchObject({ ok: true, where: NATION });
  });
});
