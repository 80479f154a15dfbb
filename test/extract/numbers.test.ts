import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumber, scanFigures } from '../../src/extract/numbers.js';

const one = (s: string) => {
  const f = scanFigures(s);
  expect(f).toHaveLength(1);
  return f[0];
};

describe('parseNumber', () => {
  it('reads Arabic, grouped and full-width numerals', () => {
    expect(parseNumber('32.95')).toBe(32.95);
    expect(parseNumber('1,022')).toBe(1022);
    expect(parseNumber('１２３')).toBe(123);
    expect(parseNumber('3.2万')).toBe(32000);
  });
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('十九')).toBe(19);
    expect(parseChineseNumeral('一千零二十二万')).toBe(10220000);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseNumber('三十二')).toBe(32);
  });
  it('returns null on malformed figures and never throws', () => {
    for (const bad of ['', 'abc', '1.2.3', '..', '十x', '1,22', '%', '—', '\u0000', '9'.repeat(400)]) {
      expect(() => parseNumber(bad)).not.toThrow();
    }
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('scanFigures', () => {
  it('reads units, magnitudes and percentages', () => {
    expect(one('1.93万亿元')).toMatchObject({ value: 1.93, unit: '万亿元' });
    expect(one('新建高标准农田32.95万亩')).toMatchObject({ value: 32.95, unit: '万亩' });
    expect(one('一千零二十二万人')).toMatchObject({ value: 1022, unit: '万人', chinese: true });
    expect(one('增长6.5%')).toMatchObject({ value: 6.5, unit: '%' });
    expect(one('增长6.5％')).toMatchObject({ value: 6.5, unit: '%' });
    expect(one('提高0.8个百分点')).toMatchObject({ value: 0.8, unit: '个百分点' });
    expect(one('十九连丰')).toMatchObject({ value: 19, unit: '连' });
  });
  it('reads ranges', () => {
    expect(one('增长5%—6%')).toMatchObject({ value: 5, valueMax: 6, unit: '%' });
    expect(one('增长4.5%-5%')).toMatchObject({ value: 4.5, valueMax: 5, unit: '%' });
    expect(one('增长6.5%－7%')).toMatchObject({ value: 6.5, valueMax: 7, unit: '%' });
    expect(one('提高5至6个百分点')).toMatchObject({ value: 5, valueMax: 6, unit: '个百分点' });
  });
  it('tolerates spaces and line breaks inside figures', () => {
    expect(one('达到74.4\n万亿元')).toMatchObject({ value: 74.4, unit: '万亿元' });
    expect(one('96.14 亿斤')).toMatchObject({ value: 96.14, unit: '亿斤' });
    expect(one('增长 6%')).toMatchObject({ value: 6, unit: '%' });
  });
  it('marks 多 and 余 and reads a bare magnitude as one', () => {
    expect(one('6600多万农村人口')).toMatchObject({ value: 6600, unit: '万', inner: 'at_least' });
    expect(one('1.6万余户')).toMatchObject({ value: 1.6, unit: '万户', inner: 'at_least' });
    expect(one('突破万亿元大关')).toMatchObject({ value: 1, unit: '万亿元' });
  });
  it('skips years, ordinals, codes and plan names', () => {
    expect(scanFigures('2023年')).toEqual([]);
    expect(scanFigures('第5位')).toEqual([]);
    expect(scanFigures('PM2.5浓度')).toEqual([]);
    expect(scanFigures('“十四五”期间')).toEqual([]);
    expect(scanFigures('建成一批项目')).toEqual([]);
    expect(scanFigures('从2015年的56.1亿元增长到2020年的77.2亿元').map((f) => f.value)).toEqual([56.1, 77.2]);
  });
  it('never throws on odd input', () => {
    for (const s of ['', '%%%', '——', '1—', '至至', '5%—', '1.', '.5%', '１２３４５６７８９０'.repeat(50), '万万亿亿元']) {
      expect(() => scanFigures(s)).not.toThrow();
    }
  });
});
