import { describe, expect, it } from 'vitest';
import { sourceFromBytes } from '../../src/ingest/source.js';
import { splitAndIdentify } from '../../src/identify/index.js';
import { gazetteer, resolveName, scanMentions } from '../../src/identify/gazetteer.js';
import { findDateline, findSpeaker, normalizeMeeting } from '../../src/identify/head.js';
import { parseInteger, parseYear } from '../../src/text/numerals.js';
import { yearFromRules } from '../../src/identify/years.js';

const src = (text: string, name = 'r.txt') => sourceFromBytes(name, Buffer.from(text, 'utf8'));

/** A small made-up report body: review part, plan part, closing. */
function body(place: string, unit: string, review: string, plan: string, extra = ''): string {
  return [
    '各位代表：',
    `现在，我代表${place}人民政府，向大会报告工作，请予审议，并请政协委员和其他列席人员提出意见。`,
    `一、${review}年工作回顾`,
    `${review}年，${unit}上下团结奋斗，地区生产总值增长6%，一般公共预算收入增长5%。${extra}`,
    `过去一年，${unit}坚持稳中求进，民生持续改善，社会大局和谐稳定。`.repeat(12),
    `二、${plan}年工作安排`,
    `${plan}年${unit}经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业5000人。`,
    `今年要持续扩大内需，推进产业升级，加强生态保护。`.repeat(12),
    '各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为全面建设社会主义现代化而努力奋斗！',
  ].join('\n');
}

describe('splitting', () => {
  it('splits a compilation into its reports and leaves the page header out', async () => {
    const text = [
      '当前位置:首页 > 资讯 > 正文 >',
      '2023年某省政府工作报告汇编2篇',
      '来源:某网 日期:2023-05-31',
      '以下是小编为大家收集的政府工作报告汇编2篇,仅供参考,欢迎大家阅读。',
      '【篇1】2023年政府工作报告',
      body('苏州市相城区', '全区', '2022', '2023'),
      '【篇2】2023年政府工作报告',
      body('梧州市', '全市', '2021', '2022'),
      '上一篇：某文章',
      '下一篇：另一篇文章',
    ].join('\n');
    const r = splitAndIdentify(await src(text));
    expect(r.documents).toHaveLength(2);
    const [a, b] = r.documents;
    expect(a.identity.jurisdiction?.value).toBe('苏州市相城区');
    expect(b.identity.jurisdiction?.value).toBe('梧州市');
    expect(b.identity.province?.value).toBe('广西壮族自治区');
    expect(a.identity.report_year?.value).toBe(2023);
    expect(b.identity.report_year?.value).toBe(2022);
    const s = await src(text);
    expect(s.text.slice(a.start, a.end)).not.toContain('小编');
    expect(s.text.slice(a.start, a.end)).not.toContain('梧州');
    expect(s.text.slice(b.start, b.end)).toMatch(/^【篇2】/);
    expect(s.text.slice(b.start, b.end)).not.toContain('上一篇');
    expect(r.diagnostics.some((d) => d.ruleId === 'identify/compilation')).toBe(true);
  });

  it('keeps one document when a page prints the same report twice', async () => {
    const one = '各位代表：\n现在，我代表河北省人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n'
      + '全省经济运行回升向好，发展质量稳步提升。'.repeat(100) + '\n为全面建设社会主义现代化而努力奋斗！';
    const text = ['政府工作报告', one, '省各设区市及省直管县（市）', '石家庄市', '当前位置：', '首页', '政府工作报告', one, '冀ICP备00000000号'].join('\n');
    const r = splitAndIdentify(await src(text));
    expect(r.documents).toHaveLength(1);
    expect(r.diagnostics.some((d) => d.ruleId === 'identify/duplicate-copy')).toBe(true);
    const s = await src(text);
    expect(s.text.slice(r.documents[0].start, r.documents[0].end)).not.toContain('石家庄市');
  });

  it('does not take a truncated teaser of the opening for a second report', async () => {
    const text = [
      '2021年某县政府工作报告',
      '内容摘要：',
      '政府工作报告2021年1月8日在顺平县第十七届人民代表大会第五次会议上各位代表：现在，我代表顺平县人民政府，向大会作报告......',
      '政府工作报告',
      '——2021年1月8日在顺平县第十七届人民代表大会第五次会议上',
      body('顺平县', '全县', '2020', '2021'),
    ].join('\n');
    const r = splitAndIdentify(await src(text));
    expect(r.documents).toHaveLength(1);
    const s = await src(text);
    expect(s.text.slice(r.documents[0].start, r.documents[0].start + 6)).toBe('政府工作报告');
  });
});

describe('title contradictions', () => {
  it('warns when the title names another place and year, and uses the content', async () => {
    const text = ['2023年吉林省政府工作报告', body('苏州市', '全市', '2019', '2020')].join('\n');
    const r = splitAndIdentify(await src(text));
    expect(r.documents[0].identity.jurisdiction?.value).toBe('苏州市');
    expect(r.documents[0].identity.report_year?.value).toBe(2020);
    const w = r.diagnostics.find((d) => d.ruleId === 'identify/title-contradiction');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain('吉林省');
  });

  it('does not warn when the title agrees', async () => {
    const text = ['2020年苏州市政府工作报告', body('苏州市', '全市', '2019', '2020')].join('\n');
    const r = splitAndIdentify(await src(text));
    expect(r.diagnostics.some((d) => d.ruleId === 'identify/title-contradiction')).toBe(false);
  });

  it('treats the file name as a weak signal only', async () => {
    const r = splitAndIdentify(await src(body('四平市', '全市', '2022', '2023'), '保定市_2019_report.txt'));
    expect(r.documents[0].identity.jurisdiction?.value).toBe('四平市');
    expect(r.documents[0].identity.report_year?.value).toBe(2023);
  });
});

describe('masked years', () => {
  it('dates 20xx from anniversaries and plan periods, with a diagnostic', async () => {
    const text = body('苏州市', '全市', '20xx', '20xx', '隆重庆祝新中国成立70周年，做好第二届中国国际进口博览会有关工作。')
      + '\n今年要精心办好第三届中国国际进口博览会参展工作，做好第七次全国人口普查。';
    const r = splitAndIdentify(await src(text));
    const id = r.documents[0].identity;
    expect(id.report_year?.value).toBe(2020);
    expect(id.review_year?.value).toBe(2019);
    expect(id.report_year?.evidence).toMatch(/70周年|进口博览会|人口普查/);
    const d = r.diagnostics.find((x) => x.ruleId === 'identify/masked-year');
    expect(d?.expected).toBe('2020');
  });

  it('reads a plan-period milestone in the plan part as the report year', async () => {
    const text = body('梧州市', '全市', '20xx', '20xx', '').replace('今年要持续扩大内需', '20xx年是全面建成小康社会和“十三五”规划收官之年。今年要持续扩大内需');
    const f = yearFromRules(text, 0, text.length);
    expect(f?.year).toBe(2020);
  });

  it('reads 建党100周年 celebrations planned for the year as 2021', async () => {
    const text = body('苏州市相城区', '全区', '20xx', '20xx', '').replace('今年要持续扩大内需', '精心办好建党100周年系列庆祝活动。今年要持续扩大内需');
    expect(yearFromRules(text, 0, text.length)?.year).toBe(2021);
  });
});

describe('head: dateline, meeting, speaker', () => {
  it('parses the dateline, meeting and speaker', async () => {
    const text = ['四平市政府工作报告(摘要)', '———————2020年1月7日在四平市第八届人民代表大会第五次会议上', '四平市人民政府市长郭灵计', body('四平市', '全市', '2019', '2020')].join('\n');
    const r = splitAndIdentify(await src(text));
    const id = r.documents[0].identity;
    expect(id.date?.value).toBe('2020-01-07');
    expect(id.meeting?.value).toBe('四平市第八届人民代表大会第五次会议');
    expect(id.speaker?.value).toBe('郭灵计');
    expect(id.report_year?.value).toBe(2020);
    expect(id.doc_type.value).toBe('summary');
    expect(id.date?.span?.start).toBe(text.indexOf('2020年1月7日'));
  });

  it('reads datelines written in Chinese numerals and national meetings', () => {
    const t = '政府工作报告\n——二〇一九年一月十四日在第十三届全国人民代表大会第二次会议上\n国务院总理\n　李克强\n';
    const d = findDateline(t, 0, t.length);
    expect(d?.date).toBe('2019-01-14');
    expect(d?.meeting).toBe('第十三届全国人民代表大会第二次会议');
    expect(findSpeaker(t, d!.index, t.length)?.value).toBe('李克强');
    expect(parseYear('一九九〇')).toBe(1990);
    expect(parseInteger('二十三')).toBe(23);
  });

  it('normalises short meeting names', () => {
    expect(normalizeMeeting('四平市九届人大四次会议', '四平市')).toBe('四平市第九届人民代表大会第四次会议');
    expect(normalizeMeeting('市十六届人大四次会议', '保定市')).toBe('保定市第十六届人民代表大会第四次会议');
    expect(normalizeMeeting('龚正市长在上海市第十六届人民代表大会第三次会议', '上海市')).toBe('上海市第十六届人民代表大会第三次会议');
  });

  it('identifies a newspaper digest as a summary and finds its speaker', async () => {
    const text = '在2024年1月16日举行的四平市九届人大四次会议上，市长陈德明代表四平市人民政府，向大会报告政府工作。\n报告首先回顾了2023年重点工作。\n'
      + '2023年是全面贯彻落实党的二十大精神的开局之年。全市地区生产总值预计增长6%。\n报告指出，2024年全市主要预期目标是：地区生产总值增长6%左右。\n报告强调，要加强政府自身建设。';
    const id = splitAndIdentify(await src(text)).documents[0].identity;
    expect(id.doc_type.value).toBe('summary');
    expect(id.speaker?.value).toBe('陈德明');
    expect(id.meeting?.value).toBe('四平市第九届人民代表大会第四次会议');
    expect(id.date?.value).toBe('2024-01-16');
    expect(id.jurisdiction?.value).toBe('四平市');
  });

  it('names the national report 全国', async () => {
    const text = '政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　\n李　强\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2023年工作回顾\n过去一年是全面贯彻党的二十大精神的开局之年。';
    const id = splitAndIdentify(await src(text)).documents[0].identity;
    expect(id.jurisdiction?.value).toBe('全国');
    expect(id.province?.value).toBe('全国');
    expect(id.level?.value).toBe('national');
    expect(id.speaker?.value).toBe('李强');
    expect(id.review_year?.value).toBe(2023);
  });
});

describe('gazetteer', () => {
  it('gives full names with the city for districts, bare names for counties', () => {
    const [xc] = resolveName('相城区');
    expect(xc.fullName).toBe('苏州市相城区');
    expect(xc.province?.name).toBe('江苏省');
    expect(xc.level).toBe('district');
    expect(resolveName('清苑区')[0].fullName).toBe('保定市清苑区');
    expect(resolveName('保定市清苑区')[0].fullName).toBe('保定市清苑区');
    expect(resolveName('顺平县')[0].fullName).toBe('顺平县');
    expect(resolveName('顺平县')[0].level).toBe('county');
    expect(resolveName('四平市')[0].level).toBe('prefecture');
    expect(resolveName('河北省')[0].level).toBe('province');
    expect(resolveName('朝阳区').length).toBeGreaterThan(1);
    expect(resolveName('北京市朝阳区').map((p) => p.fullName)).toEqual(['北京市朝阳区']);
  });

  it('maps a county since made a district to the district of the same stem', () => {
    expect(resolveName('清苑县').map((p) => p.fullName)).toEqual(['保定市清苑区']);
  });

  it('does not read a person or a word as a place', () => {
    expect(resolveName('赵紫阳')).toEqual([]);
    const ms = scanMentions('打造国家级示范县，整合资源。');
    expect(ms.map((m) => m.place.name)).toEqual([]);
  });

  it('infers the jurisdiction from places named when the address is generic', async () => {
    const text = body('市', '全市', '2019', '2020', '梧州书城开工，苍梧县图书馆建成，梧州港扩建，梧州“枫桥经验”推广，梧州高新区升级。');
    const id = splitAndIdentify(await src(text)).documents[0].identity;
    expect(id.jurisdiction?.value).toBe('梧州市');
    expect(id.level?.value).toBe('prefecture');
  });

  it('indexes the gazetteer once', () => {
    expect(gazetteer()).toBe(gazetteer());
    expect(gazetteer().provinces).toHaveLength(31);
  });
});
