import { describe, expect, it } from 'vitest';
import { parseInteger, parseNumeral, parseOrdinal, parseYear, smallToChinese } from '../../src/text/numerals.js';

/** [written, value] — forms as reports, datelines and budget tables write them. */
const TABLE: Record<string, readonly (readonly [string, number])[]> = {
  'single digits and 两': [
    ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
  ],
  'tens, with and without a leading 一': [
    ['十', 10], ['一十', 10], ['十三', 13], ['一十三', 13], ['二十', 20], ['二十七', 27], ['四十四', 44], ['九十九', 99], ['七十', 70],
  ],
  'hundreds and thousands': [
    ['一百', 100], ['三百', 300], ['两百', 200], ['二百零八', 208], ['三百一十二', 312], ['四百四十', 440], ['九百九十九', 999],
    ['一千', 1000], ['两千', 2000], ['三千四百', 3400], ['五千六百七十八', 5678], ['七千零三十', 7030], ['八千零五', 8005],
    ['九千九百零九', 9909], ['六千二百一十', 6210], ['一百一十', 110], ['一千一百', 1100],
  ],
  '零 marks a gap of one or more places': [
    ['一千零一', 1001], ['一千零十', 1010], ['一千零一十', 1010], ['二千零十六', 2016], ['二千零一十六', 2016], ['一百零五', 105],
    ['三万零五', 30005], ['三万零五十', 30050], ['三万零五百', 30500], ['十万零八', 100008], ['一千零十万', 10100000],
    ['一亿零五百万', 105000000], ['一亿零五', 100000005], ['两亿零三十万', 200300000], ['五千零八十万', 50800000],
    ['一千零二十二万', 10220000], ['四百零一万', 4010000], ['六万零二百一十', 60210],
  ],
  'colloquial elision: a last digit after 百/千/万/亿 counts one place lower': [
    ['两千六', 2600], ['一百二', 120], ['三万五', 35000], ['一千五', 1500], ['八百八', 880], ['四万二', 42000], ['一亿五', 150000000],
    ['两万三', 23000], ['九千九', 9900], ['六百六', 660],
  ],
  '万 and 亿 groups': [
    ['一万', 10000], ['十万', 100000], ['十二万', 120000], ['三十八万', 380000], ['一百万', 1000000], ['两百万', 2000000],
    ['一千万', 10000000], ['三千九百万', 39000000], ['四百三十万', 4300000], ['一亿', 100000000], ['七亿', 700000000],
    ['十亿', 1000000000], ['一百二十亿', 12000000000], ['一万亿', 1e12], ['三万亿', 3e12], ['十二万亿', 12e12],
    ['三万五千', 35000], ['十万八千', 108000], ['三十一万五千', 315000], ['五十五万', 550000], ['一万一千一百', 11100],
    ['两亿三千万', 230000000], ['一亿二千三百四十五万六千七百八十九', 123456789], ['九千九百九十九万九千九百九十九', 99999999],
  ],
  '点 decimals: each digit after 点 stands alone': [
    ['八点五', 8.5], ['四点二', 4.2], ['零点五', 0.5], ['零点零五', 0.05], ['十二点三', 12.3], ['六十点三', 60.3],
    ['一百二十二点九', 122.9], ['三点一四一五', 3.1415], ['二十点零', 20], ['零点一', 0.1], ['九十九点九九', 99.99],
    ['八点五万', 85000], ['三点二亿', 320000000], ['一点五万亿', 1.5e12], ['两点五', 2.5],
  ],
  'Arabic numerals, grouped, full width': [
    ['7', 7], ['32.95', 32.95], ['1,022', 1022], ['12,345.6', 12345.6], ['1 022', 1022], ['１２３', 123], ['３２．９５', 32.95],
    ['0.8', 0.8], ['2023', 2023], ['100', 100],
  ],
  'Arabic numerals with Chinese magnitudes (mixed)': [
    ['3.2万', 32000], ['10.1万', 101000], ['35.1亿', 3510000000], ['1.93万亿', 1.93e12], ['1.5千万', 15000000], ['3千', 3000],
    ['5万', 50000], ['1万600', 10600], ['2万零50', 20050], ['100万三千', 1003000], ['12亿零四千230', 1200004230], ['6百', 600],
    ['2千5百', 2500], ['一百点25', 100.25], ['15000万', 150000000],
  ],
  'digit by digit (years, codes)': [
    ['二〇二三', 2023], ['二零二三', 2023], ['一九九〇', 1990], ['一九八二', 1982], ['二○一九', 2019], ['二Ｏ二四', 2024],
    ['一七二零', 1720], ['一二三', 123], ['二〇二三点五', 2023.5],
  ],
  '廿 and 卅 (twenty, thirty)': [
    ['廿', 20], ['廿一', 21], ['廿八', 28], ['卅', 30], ['卅一', 31],
  ],
  'financial capitals and traditional forms': [
    ['壹', 1], ['贰拾', 20], ['叁佰', 300], ['肆仟伍佰', 4500], ['伍萬', 50000], ['陆億', 600000000], ['柒拾捌', 78],
    ['玖佰零玖', 909], ['壹仟零壹拾', 1010], ['兩千', 2000], ['拾', 10], ['捌點伍', 8.5],
  ],
};

/** Strings that are not one numeral: lists, approximations, stray 点, magnitudes alone. */
const NOT_NUMERALS = [
  '', '点五', '五点', '零点', '一点点', '八点五点', '十一十二', '十七十八', '一二百', '三五百', '七八十', '百十一', '千', '百', '万', '亿',
  '万亿', '一百零', '一万零', '五十万零', '10..1万', '10.1万零100', '1.2.3', '1,22', '八点五大', 'abc', '十x', '%', '—',
  '一千二千', '二十二十', '万五', '负十',
];

describe('parseNumeral', () => {
  for (const [form, rows] of Object.entries(TABLE)) {
    it(form, () => {
      for (const [written, value] of rows) {
        expect(parseNumeral(written), written).toBeCloseTo(value, 9);
      }
    });
  }
  it('reads plain Arabic integers and decimals as the general path does', () => {
    // a space makes the general path read the numeral (it drops spaces before parsing)
    const general = (s: string) => parseNumeral(`${s[0]} ${s.slice(1)}`);
    let seed = 7;
    const digits = (n: number) => Array.from({ length: n }, () => String((seed = (seed * 48271) % 2147483647) % 10)).join('');
    const samples = ['0', '7', '05', '2024', '32.95', '007.50', '0.05', '123456789012345.6789', '9'.repeat(30)];
    for (let k = 0; k < 2000; k++) samples.push(digits(1 + (k % 15)) + (k % 2 ? `.${digits(1 + (k % 7))}` : ''));
    for (const s of samples) expect(parseNumeral(s), s).toBe(general(s));
  });

  it('rejects what is not one numeral', () => {
    for (const s of NOT_NUMERALS) expect(parseNumeral(s), s).toBeNull();
  });
  it('never throws on odd input', () => {
    for (const s of ['\u0000', '9'.repeat(400), '点'.repeat(50), '万'.repeat(30), '零'.repeat(20), '１'.repeat(30) + '万']) {
      expect(() => parseNumeral(s)).not.toThrow();
    }
  });
});

describe('integers, ordinals, years', () => {
  it('reads whole numbers only', () => {
    expect(parseInteger('二十三')).toBe(23);
    expect(parseInteger('一百')).toBe(100);
    expect(parseInteger('八点五')).toBeNull();
    expect(parseInteger('十一十二')).toBeNull();
  });
  it('reads ordinals after 第', () => {
    expect(parseOrdinal('第十四')).toBe(14);
    expect(parseOrdinal('第 3')).toBe(3);
    expect(parseOrdinal('第二十一')).toBe(21);
    expect(parseOrdinal('十四')).toBeNull();
  });
  it('reads years written digit by digit and nothing else', () => {
    expect(parseYear('一九九〇')).toBe(1990);
    expect(parseYear('二O二O')).toBe(2020);
    expect(parseYear('２０２０')).toBe(2020);
    expect(parseYear('二千零二十')).toBeNull();
    expect(parseYear('二〇二')).toBeNull();
  });
  it('writes small ordinals', () => {
    expect([1, 10, 14, 20, 21, 99].map(smallToChinese)).toEqual(['一', '十', '十四', '二十', '二十一', '九十九']);
    for (let n = 0; n < 100; n++) expect(parseInteger(smallToChinese(n))).toBe(n);
  });
});
