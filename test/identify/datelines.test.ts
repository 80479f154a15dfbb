import { describe, expect, it } from 'vitest';
import { DATELINE_SRC, datelineMatches } from '../../src/identify/head.js';

/** What datelineMatches must give: the pattern tried at every position, as a global regex is. */
function byRegex(text: string): [number, string][] {
  return [...text.matchAll(new RegExp(DATELINE_SRC, 'g'))].map((m) => [m.index, m[0]]);
}
const found = (text: string): [number, string][] => [...datelineMatches(text)].map((m) => [m.index, m[0]]);

describe('datelineMatches', () => {
  it('finds the datelines of a text written for it, spaces and numerals included', () => {
    const text = [
      '政府工作报告',
      '——2025年1月16日在某市第十七届人民代表大会第五次会议上',
      '二〇二四年 一月 十二日在某县第十八届人民代表大会第三次会议上',
      '2023  年2月1日召开的某区第五届人大第二次会议',
      '去年全年新增就业1.2万人，2024年计划新建学校3所。',
      '1月5日在某市人民代表大会上',
    ].join('\n');
    const got = found(text);
    expect(got.map(([, s]) => s.slice(0, s.indexOf('年') + 1))).toEqual(['2025年', '二〇二四年', '2023  年']);
    expect(got).toEqual(byRegex(text));
  });

  it('finds no second dateline inside one already found', () => {
    // the first dateline's meeting words hold a whole second dateline
    const text = '2024年1月1日在2024年1月2日在某市人民代表大会第一次会议上';
    expect(found(text)).toEqual([[0, text.slice(0, -1)]]);
    expect(found(text)).toEqual(byRegex(text));
  });

  it('gives what the global regex gives on texts drawn at random from dateline pieces', () => {
    const pieces = ['2024', '二〇二四', '24', '年', '1', '十二', '月', '16', '日', '在', '举行的', ' ', '\u3000', '某市', '人民代表大会', '人大', '第五次', '会议', '會議', '，', '\n', '一', '年年'];
    let seed = 42;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 4000; k++) {
      let t = '';
      const n = 5 + Math.floor(next() * 30);
      for (let i = 0; i < n; i++) t += pieces[Math.floor(next() * pieces.length)];
      expect(found(t), JSON.stringify(t)).toEqual(byRegex(t));
    }
  });
});
