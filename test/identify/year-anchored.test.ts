import { describe, expect, it } from 'vitest';
import { DATELINE_SRC, datelineMatches } from '../../src/identify/head.js';
import { headingPatterns } from '../../src/identify/years.js';
import { drawnTexts } from '../helpers/drawn.js';

// The searches that go from 年 to 年 (yearAnchoredMatches in src/identify/matches.ts) against their global regexes.
const spans = (matches: Iterable<RegExpExecArray>): [number, string][] => [...matches].map((m) => [m.index, m[0]]);

/** What datelineMatches must give: the pattern tried at every position, as a global regex is. */
const byRegex = (text: string) => spans(text.matchAll(new RegExp(DATELINE_SRC, 'g')));
const found = (text: string) => spans(datelineMatches(text));
const headingsByRegex = (re: RegExp, s: string) => spans(s.matchAll(new RegExp(re.source, 'gm')));
const headings = (which: 'review' | 'plan', s: string) => spans(headingPatterns.matches(which, s));

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
    for (const t of drawnTexts(pieces, 4000, 42, 34, 5)) expect(found(t), JSON.stringify(t)).toEqual(byRegex(t));
  });
});

describe('review and plan headings found from their 年', () => {
  it('finds the headings of a report written for it', () => {
    const text = [
      '政府工作报告',
      '一、2024年工作回顾',
      '过去一年，全市生产总值增长5%。2024年，我们主要做了以下工作。',
      '第二部分 关于2025年工作总体要求',
      '四、关于2025年政府工作的总体要求',
      '  二〇二五年主要目标任务',
      '三．20xx年重点工作',
    ].join('\n');
    expect(headings('review', text).map(([, m]) => m.trim())).toEqual(['一、2024年工作回顾']);
    // 政府工作的总体要求 is not a plan heading to the pattern (的 between 工作 and its object)
    expect(headings('plan', text).map(([, m]) => m.replace(/\s+/g, ''))).toEqual(['第二部分关于2025年工作总体要求', '二〇二五年主要目标', '三．20xx年重点工作']);
    for (const which of ['review', 'plan'] as const) expect(headings(which, text)).toEqual(headingsByRegex(headingPatterns[which], text));
  });

  it('gives what the global regexes give on texts drawn at random from heading pieces', () => {
    const pieces = ['\n', '\r', '\u2028', '一、', '五.', '第二部分', '第七部分', ' ', '\u3000', '\t', '关于', '对', '2024', '二〇二四', '20xx', '24', '年', '工作回顾', '回顾', '的政府工作', '主要目标', '经济社会发展', '的', '，', '经济', '以来'];
    for (const t of drawnTexts(pieces, 4000, 2026, 16, 3)) {
      for (const which of ['review', 'plan'] as const) expect(headings(which, t), `${which} ${JSON.stringify(t)}`).toEqual(headingsByRegex(headingPatterns[which], t));
    }
  });
});
