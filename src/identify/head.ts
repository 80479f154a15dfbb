/**
 * The report head: dateline (——2020年1月7日在四平市第八届人民代表大会第五次会议上),
 * speaker line (四平市人民政府市长 郭灵计), opening address (我代表X人民政府),
 * title lines (2023年X政府工作报告).
 */
import { parseInteger, parseYear, smallToChinese, SMALL_SRC, YEAR_SRC } from '../text/numerals.js';
import { yearAnchoredMatches } from './matches.js';

const SP = '[\\s\\u00a0\\u3000]*';
/** 会议, also with the Traditional forms a half-converted page keeps (会議, 會議). */
const MEETING_WORD = '[会會][议議]';
/** A meeting name as written, spaces dropped and Traditional 會/議 folded. */
const meetingText = (raw: string): string => raw.replace(/[\s\u00a0\u3000]+/g, '').replace(/會/g, '会').replace(/議/g, '议');
/** Date, then the meeting it was delivered at. Groups: 1 year, 2 month, 3 day, 4 meeting. */
// the leading look-ahead lets the engine skip to a digit or numeral before trying the whole pattern
export const DATELINE_SRC =
  `(?=[\\d一二三四五六七八九〇○零Ｏ])${YEAR_SRC}${SP}年${SP}${SMALL_SRC}${SP}月${SP}${SMALL_SRC}${SP}日${SP}(?:举行的|召开的)?${SP}在?${SP}` +
  `([^\\n。，；！]{0,40}?(?:人民代表大[会會]|人大)[^\\n。，；！]{0,16}?${MEETING_WORD})`;

const DATELINE_AT = new RegExp(DATELINE_SRC, 'y');
const SPACE_CHAR = /[\s\u00a0\u3000]/;
/** A dateline's year is its first four characters (YEAR_SRC). */
const YEAR_LENGTH = 4;

/**
 * Every dateline in `text`, in order: what repeated exec of DATELINE_SRC with the g flag finds.
 * The year is the four characters before its 年 and the spaces between, so a 年 names the one
 * place a dateline holding it could start. Trying the pattern at every digit and numeral instead
 * (一 is among the commonest characters) took ~10 times as long over a corpus. Each 年 walks back
 * only over the spaces right before it, so the search stays linear.
 */
export function datelineMatches(text: string): Generator<RegExpExecArray> {
  return yearAnchoredMatches(text, DATELINE_AT, (s, p) => {
    let q = p;
    while (q > 0 && SPACE_CHAR.test(s[q - 1])) q--;
    return [q - YEAR_LENGTH];
  });
}

export interface Found<T> {
  readonly value: T;
  readonly evidence: string;
  readonly index: number;
  readonly length: number;
}

export interface Dateline {
  readonly date: string;
  readonly year: number;
  /** Meeting as written (spaces removed). */
  readonly meeting: string;
  readonly index: number;
  readonly length: number;
  readonly evidence: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number | null, d: number | null): string | null {
  if (!m || !d || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** First dateline in text[start, end). */
export function findDateline(text: string, start: number, end: number): Dateline | null {
  const re = new RegExp(DATELINE_SRC, 'g');
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const y = parseYear(m[1]);
    if (!y || y < 1949 || y > 2100) continue;
    const date = isoDate(y, parseInteger(m[2]), parseInteger(m[3]));
    if (!date) continue;
    const meeting = meetingText(m[4]);
    if (!/届|次/.test(meeting)) continue;
    return { date, year: y, meeting, index: start + m.index, length: m[0].length, evidence: m[0].trim() };
  }
  return null;
}

/** A line holding only a date (2020年1月9日), in the head before the address. */
export function findDateOnlyLine(text: string, start: number, end: number): Found<string> | null {
  const re = new RegExp(`(?:^|\\n)${SP}[—―－-]*${SP}${YEAR_SRC}${SP}年${SP}${SMALL_SRC}${SP}月${SP}${SMALL_SRC}${SP}日${SP}(?=\\n)`, 'g');
  const slice = text.slice(start, end);
  const m = re.exec(slice);
  if (!m) return null;
  const y = parseYear(m[1]);
  if (!y) return null;
  const date = isoDate(y, parseInteger(m[2]), parseInteger(m[3]));
  if (!date) return null;
  const lead = m[0].length - m[0].trimStart().length;
  return { value: date, evidence: m[0].trim(), index: start + m.index + lead, length: m[0].trim().length };
}

/** The meeting a report is delivered at, as a news item names it (九届人大四次会议, 第十四届全国人民代表大会第二次会议). */
const MEETING_SRC = `([^\\n。，；！“”（）()]{0,40}?(?:人民代表大[会會]|人大)[^\\n。，；！]{0,16}?${MEETING_WORD})`;

/**
 * A news lead about the session: a date, then (in the same sentence, or after
 * a press dateline such as 新华社北京3月5日电（记者 某某）) the meeting and its
 * opening — "2024年1月16日，某市第九届人民代表大会第四次会议隆重开幕",
 * "本报讯 1月16日上午，某县十八届人大三次会议在县会堂召开",
 * "北京3月5日电 十四届全国人大二次会议5日上午在人民大会堂开幕".
 * The year is often left out (a newspaper's readers know it): null then.
 * Groups: 1 year, 2 month, 3 day, 4 meeting, 5 day named after the meeting.
 */
const NEWS_LEAD_SRC =
  `(?:${YEAR_SRC}${SP}年${SP})?${SMALL_SRC}${SP}月${SP}${SMALL_SRC}${SP}日(?:电|讯)?(?:上午|下午|晚上?|早上)?[^\\n。！]{0,24}?[，,\\s）)]?${SP}` +
  `${MEETING_SRC}(?:${SMALL_SRC}日)?(?:上午|下午|晚上?)?[^\\n。；！]{0,24}?(?:开幕|召开|举行|闭幕)`;

export interface NewsLead {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
  /** Meeting as written (spaces removed). */
  readonly meeting: string;
  readonly index: number;
  readonly length: number;
  readonly evidence: string;
}

/** First news lead in text[start, end). */
export function findNewsLead(text: string, start: number, end: number): NewsLead | null {
  const re = new RegExp(NEWS_LEAD_SRC, 'g');
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const meeting = meetingText(m[4]);
    if (!/届|次/.test(meeting)) continue;
    const year = m[1] ? parseYear(m[1]) : null;
    if (m[1] && (!year || year < 1949 || year > 2100)) continue;
    const month = parseInteger(m[2]);
    const day = parseInteger(m[5] ?? m[3]);
    if (!month || !day || !isoDate(2000, month, day)) continue;
    return { year, month, day, meeting, index: start + m.index, length: m[0].length, evidence: m[0].trim() };
  }
  return null;
}

/** A press item: a newspaper or agency dateline, or a reporter's byline. */
const PRESS_CUE = /本报讯|日报讯|[\u4e00-\u9fa5]{0,6}\d{1,2}月\d{1,2}日电|[（(]\s*记者\s*[\u4e00-\u9fa5]{2,4}|(?:新华社|中新社|人民网|新华网)/;

/** Whether text[start, end) opens as a news item. */
export function isPressItem(text: string, start: number, end: number): boolean {
  return PRESS_CUE.test(text.slice(start, end));
}

/**
 * When a web page or newspaper published the text: 2024-01-17 08:30,
 * 发布时间：2020/1/8 11:20:49, 2024年01月17日 08:30 (a time after the date marks a
 * publishing stamp, not a dateline), 日期:2024-01-17.
 */
export function findPublicationDate(text: string, start: number, end: number): Found<string> | null {
  const slice = text.slice(start, end);
  const res = [
    /(?:发布|发表|发文|更新|出版|刊发)?(?:时间|日期)\s*[：:]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/,
    /(?<![\d\-/])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d\-/])/,
    /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*\d{1,2}[:：]\d{2}/,
  ];
  let best: Found<string> | null = null;
  for (const re of res) {
    const m = re.exec(slice);
    if (!m) continue;
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) continue;
    if (!best || m.index < best.index - start) best = { value: date, evidence: m[0].trim(), index: start + m.index, length: m[0].length };
  }
  return best;
}

/**
 * Normalises a meeting name to the full written form: 九届人大四次会议 →
 * 第九届人民代表大会第四次会议; a leading bare 市/县/区/省 becomes the
 * jurisdiction's name.
 */
export function normalizeMeeting(raw: string, jurisdiction: string | null): string {
  let m = raw.replace(/[\s\u00a0\u3000]+/g, '');
  // Keep what follows the last 在 (龚正市长在上海市第十六届… → 上海市第十六届…).
  const zai = m.lastIndexOf('在', m.search(/第?[一二三四五六七八九十\d]+届/));
  if (zai >= 0) m = m.slice(zai + 1);
  m = m.replace(/人大(?=第?[一二三四五六七八九十\d]+次)/, '人民代表大会');
  m = m.replace(/(?<![第一二三四五六七八九十\d])([一二三四五六七八九十]+|\d+)届/, (_s, n: string) => `第${/\d/.test(n) ? smallToChinese(Number(n)) : n}届`);
  m = m.replace(/(?<![第一二三四五六七八九十\d])([一二三四五六七八九十]+|\d+)次/, (_s, n: string) => `第${/\d/.test(n) ? smallToChinese(Number(n)) : n}次`);
  m = m.replace(/次全体会议$/, '次会议');
  if (jurisdiction && /^[市县区省州旗]第/.test(m)) m = jurisdiction + m.slice(1);
  if (jurisdiction && /^第/.test(m) && !/全国/.test(m)) m = jurisdiction + m;
  return m;
}

const TITLE_WORD = '(?:国务院总理|总理|省长|市长|县长|区长|主席|州长|盟长|旗长|专员)';

/** Speaker after the dateline or in the head: 市长周鹏举, 国务院总理\n李克强, 市长陈德明代表… */
export function findSpeaker(text: string, start: number, end: number): Found<string> | null {
  const slice = text.slice(start, end);
  const lineRe = new RegExp(`(?:人民政府|国务院)?(?:代理|代)?${TITLE_WORD}[\\s\\u00a0\\u3000?？]*([\\u4e00-\\u9fa5][\\u4e00-\\u9fa5·\\u00a0\\u3000 ]{1,14}?)[\\s\\u00a0\\u3000]*(?=\\n|$)`, 'g');
  for (let m = lineRe.exec(slice); m; m = lineRe.exec(slice)) {
    const lineStart = slice.lastIndexOf('\n', m.index) + 1;
    const before = slice.slice(lineStart, m.index);
    // The title must open its line (after a place/government name).
    if (before && !/^[\s\u3000]*[\u4e00-\u9fa5]{0,20}$/.test(before)) continue;
    if (/[，。；：、]/.test(slice.slice(lineStart, m.index + m[0].length))) continue;
    const name = m[1].replace(/[\s\u00a0\u3000]+/g, '');
    if (!isName(name)) continue;
    return { value: name, evidence: slice.slice(lineStart, m.index + m[0].length).trim(), index: start + lineStart, length: m.index + m[0].length - lineStart };
  }
  const prose = new RegExp(`${TITLE_WORD}[\\s\\u00a0\\u3000]*([\\u4e00-\\u9fa5·]{2,3}?)(?:同志)?(?:代表|在|作)`, 'g');
  for (let m = prose.exec(slice); m; m = prose.exec(slice)) {
    const name = m[1];
    if (!isName(name)) continue;
    return { value: name, evidence: m[0], index: start + m.index, length: m[0].length };
  }
  // Name before the title: 15日龚正市长在…
  const nameFirst = new RegExp(`(?:^|[日\\s\\u3000—―])([\\u4e00-\\u9fa5]{2,3})${TITLE_WORD}(?:同志)?在`, 'g');
  for (let m = nameFirst.exec(slice); m; m = nameFirst.exec(slice)) {
    const name = m[1];
    if (!isName(name)) continue;
    return { value: name, evidence: m[0].trim(), index: start + m.index, length: m[0].length };
  }
  return null;
}

const NOT_NAME = /政府|工作|报告|人民|代表|会议|各位|同志|现在|我们|全市|全县|全省|全区|主任|书记|自治|[省市县区]$/;
function isName(s: string): boolean {
  if (NOT_NAME.test(s)) return false;
  if (s.includes('·')) return s.length >= 4 && s.length <= 15;
  return s.length >= 2 && s.length <= 4;
}

/** A line holding only a name, right after the dateline (保定市人民政府 omitted). */
export function findBareNameAfter(text: string, pos: number, end: number): Found<string> | null {
  const nl = text.indexOf('\n', pos);
  if (nl < 0 || nl >= end) return null;
  const next = text.indexOf('\n', nl + 1);
  const line = text.slice(nl + 1, next < 0 ? end : Math.min(next, end));
  const name = line.replace(/[\s\u00a0\u3000]+/g, '');
  if (/^[\u4e00-\u9fa5]{2,4}$/.test(name) && isName(name)) {
    return { value: name, evidence: line.trim(), index: nl + 1, length: line.length };
  }
  return null;
}

/** Who the opening address speaks for: 我代表苏州市相城区人民政府 → 苏州市相城区. */
export function findOpening(text: string, start: number, end: number): Found<string> | null {
  const slice = text.slice(start, end);
  const re = /我代表([^，。；！\n]{0,30}?)(?:人民政府|政府)|我代表(国务院)|代表([^，。；！\n]{1,25}?)人民政府[，,]?\s*向大会/g;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const who = (m[1] ?? m[2] ?? m[3] ?? '').replace(/[\s\u00a0\u3000]+/g, '');
    // A 我代表… of thanks (向…表示感谢) is not the opening address.
    const after = slice.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (/感谢|敬意|慰问|问候/.test(after)) continue;
    return { value: who, evidence: m[0], index: start + m.index, length: m[0].length };
  }
  return null;
}

export interface TitleClaim {
  readonly place: string | null;
  readonly year: number | null;
  readonly text: string;
  readonly index: number;
}

/** Title lines naming a report: 2023年吉林省政府工作报告, 保定市清苑区2020年政府工作报告. */
export function findTitleClaims(text: string, start: number, end: number): TitleClaim[] {
  const slice = text.slice(start, end);
  const out: TitleClaim[] = [];
  const re = /(?:(\d{4})年)?([\u4e00-\u9fa5]{2,14}?)?(?:(\d{4})年)?(?:人民)?政府工作报告/g;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const year = m[1] ? Number(m[1]) : m[3] ? Number(m[3]) : null;
    let place = m[2] ?? null;
    if (place) place = place.replace(/^(?:[篇】\]]|关于|在|的)+/, '').replace(/(?:国务院)$/, '国务院');
    if (!year && !place) continue;
    out.push({ place: place || null, year, text: m[0], index: start + m.index });
  }
  return out;
}
