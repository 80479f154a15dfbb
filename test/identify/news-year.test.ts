import { describe, expect, it } from 'vitest';
import { sourceFromBytes } from '../../src/ingest/source.js';
import { splitAndIdentify } from '../../src/identify/index.js';
import { findNewsLead, findPublicationDate, isPressItem } from '../../src/identify/head.js';
import { npcSessionYear, yearFromFrequency, yearFromNpcSession, yearFromPhrases } from '../../src/identify/years.js';

const identify = async (text: string) => splitAndIdentify(await sourceFromBytes('news.txt', Buffer.from(text, 'utf8'))).documents[0].identity;

/** The body of a made-up news item in which the review year is written most often. */
const REVIEW_HEAVY = '报告指出，2023年全市生产总值增长5.5%，2023年规上工业增加值增长6%，2023年城镇新增就业6万人，2023年粮食产量再创新高。';

describe('news leads', () => {
  it('reads a lead with its year, a meeting and the opening', () => {
    const t = '2024年1月16日，某某市第九届人民代表大会第四次会议在市会议中心隆重开幕。';
    expect(findNewsLead(t, 0, t.length)).toMatchObject({ year: 2024, month: 1, day: 16, meeting: '某某市第九届人民代表大会第四次会议' });
  });
  it('reads a press dateline whose lead leaves out the year', () => {
    const t = '本报某地2月3日电（记者 赵某）某某省十四届人大二次会议3日上午在省人民会堂开幕。';
    expect(findNewsLead(t, 0, t.length)).toMatchObject({ year: null, month: 2, day: 3, meeting: '某某省十四届人大二次会议' });
    expect(isPressItem(t, 0, t.length)).toBe(true);
  });
  it('ignores a date that is not followed by a session', () => {
    const t = '1月16日，市委召开经济工作会议。市人大常委会听取了报告。';
    expect(findNewsLead(t, 0, t.length)).toBeNull();
  });
  it('reads publication stamps, not datelines', () => {
    expect(findPublicationDate('某某日报 2024-01-17 08:30 来源：某某日报', 0, 40)?.value).toBe('2024-01-17');
    expect(findPublicationDate('发布时间：2020/1/8 11:20:49', 0, 40)?.value).toBe('2020-01-08');
    expect(findPublicationDate('2023年02月09日 07:45 来源：某某网', 0, 40)?.value).toBe('2023-02-09');
    expect(findPublicationDate('——2024年1月10日在某某市第十届人民代表大会第三次会议上', 0, 40)).toBeNull();
  });
});

describe('datelines on half-converted pages', () => {
  it('reads 會議/会議 as 会议', async () => {
    const id = await identify('政府工作报告\n一九五六年六月十五日在第一届全国人民代表大會第三次会議上\n各位代表：\n过去一年，1955年工业总产值增长百分之八。1955年…1955年。');
    expect(id.report_year?.value).toBe(1956);
    expect(id.date?.value).toBe('1956-06-15');
    expect(id.meeting?.value).toBe('第一届全国人民代表大会第三次会议');
  });
});

describe('national sessions', () => {
  it('dates full and abbreviated session names', () => {
    expect(npcSessionYear('第十四届全国人民代表大会第二次会议')?.year).toBe(2024);
    expect(npcSessionYear('十三届全国人大三次会议')?.year).toBe(2020);
    expect(npcSessionYear('第二届全国人民代表大会第三次会议')?.year).toBe(1962);
    expect(npcSessionYear('第三届全国人民代表大会第二次会议')).toBeNull();
    expect(npcSessionYear('某某省第十四届人民代表大会第二次会议')).toBeNull();
  });
  it('reads the session the report is addressed to, or last year’s session named as such', () => {
    const own = '各位代表：\n现在，我代表国务院，向第十二届全国人民代表大会第三次会议报告政府工作。';
    expect(yearFromNpcSession(own, 0, own.length)?.year).toBe(2015);
    const last = '各位代表：\n从去年三月第十二届全国人民代表大会第三次会议到现在，政府做了大量工作。';
    expect(yearFromNpcSession(last, 0, last.length)?.year).toBe(2016);
  });
  it('does not date a report by a session it mentions in passing', () => {
    const history = '各位代表：\n当第十届全国人民代表大会第一次会议召开的时候，我们面临许多困难。认真贯彻第十届全国人民代表大会第二次会议精神。';
    expect(yearFromNpcSession(history, 0, history.length)).toBeNull();
  });
});

describe('phrases and plan words', () => {
  it('reads a digest’s review and target sentences', () => {
    const t = '报告首先回顾了2022年工作。报告提出，2023年全县经济社会发展的主要预期目标是：生产总值增长6%左右。';
    expect(yearFromPhrases(t, 0, t.length)).toMatchObject({ year: 2023 });
    const target = '报告提出，2023年发展主要预期目标是：生产总值增长6%左右。';
    expect(yearFromPhrases(target, 0, target.length)?.year).toBe(2023);
  });
  it('does not take a plan period’s end for the plan year', () => {
    const t = '今年要为实现到2025年主要目标打下坚实基础。';
    expect(yearFromPhrases(t, 0, t.length)).toBeNull();
  });
  it('takes a year followed by what will be done as the plan year', () => {
    const t = '过去一年全市生产总值增长5%。2024年，全市将扩大有效投资。2024年，全市要办好民生实事。2024年，我市力争突破千亿元。';
    expect(yearFromFrequency(t, 0, t.length)?.year).toBe(2024);
  });
});

describe('the report year of a news item', () => {
  it('comes from a national session named in the lead, not from the years written', async () => {
    const id = await identify(`新华社北京3月5日电（记者 孙某）第十三届全国人民代表大会第三次会议5日上午在人民大会堂开幕。${REVIEW_HEAVY}2021年要继续扩大内需，到2035年基本实现现代化。`);
    expect(id.report_year?.value).toBe(2020);
    expect(id.date?.value).toBe('2020-03-05');
    expect(id.meeting?.value).toBe('第十三届全国人民代表大会第三次会议');
  });
  it('comes from a lead that writes the year', async () => {
    const id = await identify(`2024年1月16日，某某市第九届人民代表大会第四次会议隆重开幕。市长某某代表市人民政府作政府工作报告。${REVIEW_HEAVY.replace(/2023/g, '2025')}`);
    expect(id.report_year?.value).toBe(2024);
    expect(id.date?.value).toBe('2024-01-16');
  });
  it('comes from the publication date of a press item whose lead leaves the year out', async () => {
    const text = `某某日报 2024-01-17 08:30\n本报讯（记者 王某）1月16日上午，某某市第九届人民代表大会第四次会议隆重开幕。${REVIEW_HEAVY.replace(/2023/g, '2024')}`;
    const id = await identify(text);
    expect(id.report_year?.value).toBe(2024);
    expect(id.report_year?.evidence).toMatch(/published 2024-01-17/);
    expect(id.date?.value).toBe('2024-01-16');
  });
  it('does not take a stale publication date', async () => {
    const text = `日期:2024-06-30\n本报讯 1月16日上午，某某市第九届人民代表大会第四次会议开幕。报告首先回顾了2022年工作。${REVIEW_HEAVY.replace(/2023/g, '2022')}`;
    expect((await identify(text)).report_year?.value).toBe(2023);
  });
});
