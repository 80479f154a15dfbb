/**
 * A file with no sign of being a work report is refused at import: texts
 * written for this test (a manifest, a price list, a story, a bare list)
 * against short reports and a news item about one, which pass.
 */
import { describe, expect, it } from 'vitest';
import { refusalInChinese, reportSignal } from '../../src/identify/report-signal.js';

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

/** A manifest of files: its cells name reports, but it is a table. */
const MANIFEST = tsv([
  ['文件', '地区', '年份', '说明'],
  ...Array.from({ length: 20 }, (_, i) => [`甲市_${2000 + i}.txt`, '甲市', String(2000 + i), `${2000 + i}年甲市政府工作报告`]),
]);

const CSV = ['名称,单位,数量,备注', ...Array.from({ length: 12 }, (_, i) => `白菜${i},斤,${i * 3},当日价格`)].join('\n');

const PIPES = ['| 项目 | 金额 | 备注 |', '| --- | --- | --- |', ...Array.from({ length: 10 }, (_, i) => `| 工程${i} | ${i}万元 | 已完成 |`)].join('\n');

const STORY = '清晨的雾还没有散，老张推着自行车走过石桥。河边的柳树刚抽出新芽，几只麻雀在屋檐下吵个不停。他想起小时候和父亲一起钓鱼的日子，不禁笑了。';

const LIST = ['政府工作报告', '目录', '一', '二', '三', '附件一', '附件二', '附件三', '附表'].join('\n');

const REPORT = ['乙县政府工作报告', '各位代表：', '现在，我代表县人民政府向大会报告工作，请予审议。', '一、过去一年工作回顾', '过去一年，全县经济平稳增长，民生持续改善。', '二、今年工作安排', '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。'].join('\n');

/** Without its head (cut off upstream): the review and the plan still say what it is. */
const HEADLESS = ['过去一年，我们坚持稳中求进，全市经济运行总体平稳。', '今年政府工作的总体要求是：坚持以人民为中心，推动高质量发展。'].join('\n');

const NEWS = '本报讯（记者 王某）昨天上午，丙市第十六届人民代表大会第二次会议开幕。市长代表市人民政府向大会作政府工作报告，回顾了过去一年的工作，提出了今年的目标任务。';

describe('report signal', () => {
  it.each([
    ['a tab-separated manifest whose cells name reports', MANIFEST, /table rows/],
    ['a comma-separated price list', CSV, /table rows/],
    ['a pipe table', PIPES, /table rows/],
    ['a story with no report vocabulary', STORY, /no 工作报告 head/],
    ['a list of headings with no sentences', LIST, /sentences/],
  ])('refuses %s', (_what, text, why) => {
    const s = reportSignal(text);
    expect(s.report).toBe(false);
    expect(s.reason).toMatch(why);
    expect(s.reasonZh).toMatch(/^不是工作报告：/);
  });

  it.each([
    ['a short report', REPORT, ['head', 'review', 'plan', 'address']],
    ['a report cut off before its head', HEADLESS, ['review', 'plan']],
    ['a news item about a report', NEWS, ['head', 'review', 'plan']],
  ])('accepts %s', (_what, text, signs) => {
    const s = reportSignal(text);
    expect(s.report).toBe(true);
    expect(s.signs).toEqual(expect.arrayContaining(signs));
  });

  it('counts a report with one table as prose', () => {
    const withTable = REPORT + '\n' + tsv([['指标', '目标'], ['地区生产总值', '6%'], ['城镇新增就业', '1万人']]);
    expect(reportSignal(withTable).report).toBe(true);
  });

  it('finds tabs the reader turned into spaces through the caller', () => {
    const spaced = MANIFEST.replace(/\t/g, ' ');
    const tabs = new Set([...MANIFEST].flatMap((ch, i) => (ch === '\t' ? [i] : [])));
    expect(reportSignal(spaced, (i) => tabs.has(i)).report).toBe(false);
    expect(reportSignal(spaced, (i) => tabs.has(i)).reason).toMatch(/table rows/);
  });

  it('says each refusal in Chinese from its English reason, and nothing else', () => {
    for (const text of [MANIFEST, STORY, LIST]) {
      const s = reportSignal(text);
      expect(refusalInChinese(s.reason!)).toBe(s.reasonZh);
    }
    expect(refusalInChinese('no such file')).toBeUndefined();
  });
});
