import { describe, expect, it } from 'vitest';
import { mayHoldFigure, readFigures, scanFigures } from '../../src/extract/numbers.js';
import { drawnTexts } from '../helpers/drawn.js';
import { parseNumeral } from '../../src/text/numerals.js';

const one = (s: string) => {
  const f = scanFigures(s);
  expect(f).toHaveLength(1);
  return f[0];
};

describe('parseNumeral', () => {
  it('reads Arabic, grouped and full-width numerals', () => {
    expect(parseNumeral('32.95')).toBe(32.95);
    expect(parseNumeral('1,022')).toBe(1022);
    expect(parseNumeral('１２３')).toBe(123);
    expect(parseNumeral('3.2万')).toBe(32000);
  });
  it('reads Chinese numerals', () => {
    expect(parseNumeral('十九')).toBe(19);
    expect(parseNumeral('一千零二十二万')).toBe(10220000);
    expect(parseNumeral('两')).toBe(2);
    expect(parseNumeral('三十二')).toBe(32);
  });
  it('returns null on malformed figures and never throws', () => {
    for (const bad of ['', 'abc', '1.2.3', '..', '十x', '1,22', '%', '—', '\u0000', '9'.repeat(400)]) {
      expect(() => parseNumeral(bad)).not.toThrow();
    }
    expect(parseNumeral('1.2.3')).toBeNull();
    expect(parseNumeral('abc')).toBeNull();
    expect(parseNumeral('')).toBeNull();
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
  it('reads Chinese numerals with 点 decimals, 零 gaps and 万/亿 groups', () => {
    expect(one('出口额达到去年的四点二倍')).toMatchObject({ value: 4.2, unit: '倍', chinese: true });
    expect(one('提高零点五个百分点')).toMatchObject({ value: 0.5, unit: '个百分点' });
    expect(one('新增就业一千零十万人')).toMatchObject({ value: 1010, unit: '万人' });
    expect(one('投入两千六百万元')).toMatchObject({ value: 2600, unit: '万元' });
    expect(one('受益群众一亿零五百万人')).toMatchObject({ value: 10500, unit: '万人' });
    expect(one('招生三十一万五千人')).toMatchObject({ value: 315000, unit: '人' });
    expect(one('粮食总产达到八点五亿斤')).toMatchObject({ value: 8.5, unit: '亿斤' });
  });
  it('reads Arabic digits grouped by 万/亿', () => {
    expect(one('新修农村公路2万5千公里')).toMatchObject({ value: 25000, unit: '公里' });
    expect(one('惠及1万6千多户')).toMatchObject({ value: 16000, unit: '户', inner: 'at_least' });
    expect(one('覆盖人口1亿3千多万')).toMatchObject({ value: 13000, unit: '万', inner: 'at_least' });
    expect(one('装机容量达到1500万千瓦')).toMatchObject({ value: 1500, unit: '万千瓦' });
  });
  it('splits a numeral from a measure word that starts with 千', () => {
    expect(one('建成五千千瓦的电站')).toMatchObject({ value: 5000, unit: '千瓦' });
    expect(one('新增装机三十万千瓦')).toMatchObject({ value: 30, unit: '万千瓦' });
  });
  it('reads compound bare magnitudes, not idioms', () => {
    expect(one('实施千万元以上项目')).toMatchObject({ value: 1, unit: '千万元' });
    expect(one('培育超百亿元产业集群')).toMatchObject({ value: 1, unit: '百亿元' });
    expect(one('新增千亿斤粮食产能')).toMatchObject({ value: 1, unit: '千亿斤' });
    expect(one('惠及近百万群众')).toMatchObject({ value: 1, unit: '百万' });
    expect(one('财政收入过百亿')).toMatchObject({ value: 1, unit: '百亿' });
    expect(scanFigures('上千年的历史')).toEqual([]);
    expect(scanFigures('生产总值突破百亿大关')).toEqual([]);
    expect(scanFigures('需要几百亿元资金，新增万吨级泊位')).toEqual([]);
    expect(scanFigures('千方百计稳就业，事关千家万户，坚持百花齐放、百家争鸣，推进“十百千万”工程')).toEqual([]);
  });
  it('leaves approximations and slogans alone', () => {
    expect(scanFigures('走访了三五个村')).toEqual([]);
    expect(scanFigures('用一两年时间')).toEqual([]);
    expect(scanFigures('带动几十万人就业，吸引数百亿元投资')).toEqual([]);
    expect(scanFigures('工地严格落实“三个百分之百”要求')).toEqual([]);
  });
  it('reads percentages written in words', () => {
    expect(one('工业产值增长百分之八点五')).toMatchObject({ value: 8.5, unit: '%', chinese: true });
    expect(one('财政收入增长百分之十二，')).toMatchObject({ value: 12, unit: '%' });
    const about = one('增长百分之七左右');
    expect(about).toMatchObject({ value: 7, unit: '%' });
    expect('增长百分之七左右'.slice(about.start, about.end)).toBe('百分之七');
    expect(one('物价涨幅控制在百分之四至百分之五')).toMatchObject({ value: 4, valueMax: 5, unit: '%' });
    expect(one('每年递增百分之二到三')).toMatchObject({ value: 2, valueMax: 3, unit: '%' });
    expect(one('人口自然增长率控制在千分之五点一')).toMatchObject({ value: 5.1, unit: '‰' });
    expect(one('合格率达到百分之百')).toMatchObject({ value: 100, unit: '%' });
    expect(one('比重由百分之二十一点五提高到二〇一〇年的水平')).toMatchObject({ value: 21.5, unit: '%' });
    const tail = scanFigures('由百分之六十点三到一九五八年');
    expect(tail).toHaveLength(1);
    expect(tail[0]).not.toHaveProperty('valueMax');
  });
  it('never throws on odd input', () => {
    for (const s of ['', '%%%', '——', '1—', '至至', '5%—', '1.', '.5%', '１２３４５６７８９０'.repeat(50), '万万亿亿元', '百分之', '百分之点', '百分之十到', '千分之百分之']) {
      expect(() => scanFigures(s)).not.toThrow();
    }
  });
});

describe('mayHoldFigure', () => {
  it('is false where a numeral stands before no unit, and true where a figure may start', () => {
    for (const s of ['进一步深化改革', '一是稳增长，二是保民生', '统一大市场', '老百姓', '万众一心', '百分比', '第十四五年'] ) {
      expect(mayHoldFigure(s), s).toBe(false);
      expect(readFigures(s), s).toEqual([]);
    }
    for (const s of ['增长5%', '新建学校三所', '百分之八', '突破千亿元', '达到万亿级', '新增就业一万人', '增长八点五 %', '五十\n万人', '招录教师二十人', '新建农田三十亩']) expect(mayHoldFigure(s), s).toBe(true);
  });

  it('never hides a figure the full scan finds, on 20,000 texts drawn from numerals, units and words', () => {
    const pieces = [
      '一', '二', '两', '十', '百', '千', '万', '亿', '零', '廿', '点', '五', '3', '0', '分之', '分', '之', '多', '余', ' ', '\n',
      '个', '人', '元', '亩', '%', '％', '‰', '倍', '连增', '级', '个百分点', '百分点', '平方公里', '吨', 'P', 'EFLOPS', '至', '—',
      '突破', '超', '过', '达到', '跨上', '进', '步', '是', '统', '年', '第', '几', '数', '的', '增长', '，',
    ];
    let withFigure = 0;
    for (const text of drawnTexts(pieces, 20_000, 20261205, 8)) {
      const found = readFigures(text);
      if (found.length) {
        withFigure++;
        expect(mayHoldFigure(text), text).toBe(true);
      }
      expect(scanFigures(text), text).toEqual(found);
    }
    // the drawn texts hold figures often enough for the comparison to mean something
    expect(withFigure).toBeGreaterThan(2_000);
  });

  it('holds for a sentence when it holds for any of its clauses or pieces (what the commitments skip a sentence by)', () => {
    const pieces = ['一', '十', '万', '亿', '3', '分之', '分', '之', '人', '亩', '个', '是', '步', '，', '；', '。', '、', '：'];
    for (const sentence of drawnTexts(pieces, 20_000, 7, 12)) {
      if (mayHoldFigure(sentence)) continue;
      for (const part of sentence.split(/[，,；;。！!？?：:、]/)) expect(mayHoldFigure(part), `${part} in ${sentence}`).toBe(false);
    }
  });
});
