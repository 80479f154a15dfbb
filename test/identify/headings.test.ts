import { describe, expect, it } from 'vitest';
import { headingPatterns } from '../../src/identify/years.js';

const byRegex = (re: RegExp, s: string): [number, string][] => [...s.matchAll(new RegExp(re.source, 'gm'))].map((m) => [m.index, m[0]]);
const found = (which: 'review' | 'plan', s: string): [number, string][] => headingPatterns.matches(which, s).map((m) => [m.index, m[0]]);

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
    expect(found('review', text).map(([, m]) => m.trim())).toEqual(['一、2024年工作回顾']);
    // 政府工作的总体要求 is not a plan heading to the pattern (的 between 工作 and its object)
    expect(found('plan', text).map(([, m]) => m.replace(/\s+/g, ''))).toEqual(['第二部分关于2025年工作总体要求', '二〇二五年主要目标', '三．20xx年重点工作']);
    for (const which of ['review', 'plan'] as const) expect(found(which, text)).toEqual(byRegex(headingPatterns[which], text));
  });

  it('gives what the global regexes give on texts drawn at random from heading pieces', () => {
    const pieces = ['\n', '\r', '\u2028', '一、', '五.', '第二部分', '第七部分', ' ', '\u3000', '\t', '关于', '对', '2024', '二〇二四', '20xx', '24', '年', '工作回顾', '回顾', '的政府工作', '主要目标', '经济社会发展', '的', '，', '经济', '以来'];
    let seed = 2026;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 4000; k++) {
      let t = '';
      const n = 3 + Math.floor(next() * 14);
      for (let i = 0; i < n; i++) t += pieces[Math.floor(next() * pieces.length)];
      for (const which of ['review', 'plan'] as const) expect(found(which, t), `${which} ${JSON.stringify(t)}`).toEqual(byRegex(headingPatterns[which], t));
    }
  });
});
