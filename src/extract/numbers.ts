/**
 * Numbers pass: reads figures (Arabic, Chinese and mixed numerals, ranges,
 * percentages, 个百分点, units) out of a stretch of text. Pure; never throws:
 * a malformed figure is skipped.
 */
import { BARE_MAGNITUDES, BASE_UNITS, MAGNITUDES, PERCENT, POINTS } from './lexicon/units.js';
import { INNER_QUALIFIERS } from './lexicon/grammar.js';
import type { Qualifier } from '../model.js';
import { parseNumeral } from '../text/numerals.js';

export interface Figure {
  /** [start, end) in the text scanned, the figure with its unit. */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** Upper bound of a range (5%—6%). */
  readonly valueMax?: number;
  /** Normalised unit, '' when none. */
  readonly unit: string;
  /** 多 / 余 between number and unit. */
  readonly inner?: Qualifier;
  /** The number was written in Chinese numerals. */
  readonly chinese?: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const byLength = (a: string, b: string) => b.length - a.length;
const MAG_RE = MAGNITUDES.slice().sort(byLength).map(escape).join('|');
const BASE_RE = BASE_UNITS.slice().sort(byLength).map(escape).join('|');
const BARE_RE = BARE_MAGNITUDES.slice().sort(byLength).map(escape).join('|');

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[ \n]?\.[ \n]?\d+)?`;
/** Arabic digits grouped by 万/亿 (2万5千公里, 1亿3千多万, 5万5000吨): the magnitude then more digits. */
const MIXED = String.raw`\d+(?:\.\d+)?[万亿](?:零?\d+[千百十]?)+(?![\d.])`;
/** Chinese digits and the units below 万 (廿/卅 included: 廿三). */
const CN = '[零〇○一二两三四五六七八九十百千廿卅]';
/**
 * A Chinese numeral: groups joined by 万/亿 (三万五千, 一亿零五百), then an
 * optional 点 decimal (八点五, 四点二). The magnitude that ends the numeral is
 * left to the unit (五十万人 → 五十 + 万人), as for Arabic figures.
 */
const CHINESE = `${CN}+(?:[万亿]{1,2}${CN}+)*(?:点[零〇○一二三四五六七八九]+)?`;
const UNIT = String.raw`(?:${POINTS}|百分点|[%％‰]|倍|连(?=[丰增涨冠胜])|(?:(?:${MAG_RE})[多余]?(?:${BASE_RE})|(?:${BASE_RE})))`;
const INNER = '[多余]?';
/**
 * A Chinese numeral counts only with a unit: requiring it lets 五千千瓦 split as
 * 五千 + 千瓦. It starts where a run of numeral characters starts (三五个 is not 五个).
 */
const CHINESE_WITH_UNIT = String.raw`(?<![零〇○一二两三四五六七八九十百千廿卅万亿点])${CHINESE}(?=${INNER}[ \n]?(?:${UNIT}|(?:${BARE_RE})(?![\d])))`;
/** One figure: groups 1 number, 2 多/余, 3 unit or bare magnitude. */
const FIGURE_RE = new RegExp(String.raw`(?=[\d零〇○一二两三四五六七八九十百千廿卅])(${MIXED}|${ARABIC}|${CHINESE_WITH_UNIT})(${INNER})[ \n]?(${UNIT}|(?:${BARE_RE})(?![\d]))?`, 'g');
/** The tail of a range (—6%, 至6个百分点), tried right after a figure. */
const RANGE_TAIL_RE = new RegExp(String.raw`[ ]?(?:[—－\-~～]{1,2}|至|到)[ ]?(${ARABIC})[ \n]?(${UNIT})`, 'y');
/**
 * A bare magnitude counts as 1: after a verb of reaching (突破万亿元, 跨过万亿元大关,
 * 突破万列, 新增千亿斤), or, when compound, on its own before a measure word
 * (千万元以上项目, 超百亿元产业集群) — a single 千/百 before a word is an idiom
 * (千方百计, 千家万户, 百花齐放), 几百亿 is a guess, and 万吨级 names a class.
 */
const BARE_ONE_RE = new RegExp(
  // the leading look-ahead lets the engine skip to a magnitude character before trying the look-behinds
  String.raw`(?=[千百万亿])(?:(?<=突破|跨过|跨上|迈上|跃上|重回|破|超|过|达到|达|近|上|新增|增加)(千亿|百亿|万亿|亿|千万|百万|万|千)|(?<![零〇○一二两三四五六七八九十百千万亿\d几数])(千亿|百亿|千万|百万))((?:${BASE_RE}))(?!级)`,
  'g',
);
/**
 * After a word of approach, a compound magnitude stands alone too: 近百万群众,
 * 上千万农村人口, 过百亿. A milestone (突破百亿大关, 迈上千亿级) restates a level
 * written beside it and is left out.
 */
const BARE_ALONE_RE = /(?=[千百万])(?<=超|过|近|上)(千亿|百亿|万亿|千万|百万)(?![零〇○一二两三四五六七八九十百千万亿\d]|大关|关口|级)/g;

// the leading look-ahead lets the engine skip to a magnitude character before trying the look-behind
const BARE_GRADE_RE = /(?=[万千百])(?<=达到|迈上|跨上|跃上|重回|突破)(万亿|千亿|百亿)级/g;

/**
 * Percentages and per-mille in words: 百分之八点五, 增长百分之十二, 百分之七左右,
 * 千分之五; a range repeats or omits the head (百分之四至百分之五, 百分之二到三);
 * 百分之百 is 100%. Groups: 1 head, 2 number, 3 range number.
 */
const PCT_NUM = `${ARABIC}|${CHINESE}`;
const PERCENT_WORDS_RE = new RegExp(`(百分之|千分之)(${PCT_NUM}|百)(?:(?:[—－\\-~～]{1,2}|至|到)(?:百分之|千分之)?(${PCT_NUM}))?`, 'g');

const SKIP_AFTER = /^(?:年|月|日|号|周年|届|季度|世纪|时|点\d|大|中全会|次会议|五”|五"|五规划|五期间|五时期|·)/;

export function normaliseUnit(u: string): string {
  if (!u) return '';
  let s = u.replace('％', '%');
  if (s === '百分点') s = POINTS;
  return s;
}

/** Powers of the magnitudes a unit may open with (万人, 亿元, 千万元). */
const MAGNITUDE_VALUE: Readonly<Record<string, number>> = {
  万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 千: 1e3, 百: 100,
};
const UNIT_MAGNITUDE_RE = new RegExp(`^(?:${MAG_RE})`);

/**
 * Value of a numeral in its unit's magnitude. A numeral that holds 万/亿
 * itself is read together with the unit's magnitude, since the groups bind:
 * 一亿零五百万人 is 105,000,000 people = 10500 万人, not 一亿零五百 × 万; 1亿3千多万 = 13000 万.
 */
function valueInUnit(numText: string, unit: string): number | null {
  // most numerals hold no 万/亿: then the unit's magnitude does not matter
  if (!numText.includes('万') && !numText.includes('亿')) return parseNumeral(numText);
  const mag = UNIT_MAGNITUDE_RE.exec(unit)?.[0];
  if (!mag) return parseNumeral(numText);
  const whole = parseNumeral(numText + mag);
  return whole === null ? null : whole / MAGNITUDE_VALUE[mag];
}

/** Percentages in words (百分之八点五): figures with unit % or ‰, start at 百分之. */
function scanPercentWords(text: string): Figure[] {
  const out: Figure[] = [];
  PERCENT_WORDS_RE.lastIndex = 0;
  for (let m = PERCENT_WORDS_RE.exec(text); m; m = PERCENT_WORDS_RE.exec(text)) {
    // “六个百分之百”: N个百分之百 names a set of requirements (each met in full), not a figure
    if (m[2] === '百' && text[m.index - 1] === '个') continue;
    const value = m[2] === '百' ? 100 : parseNumeral(m[2]);
    if (value === null) continue;
    const unit = m[1] === '千分之' ? '‰' : PERCENT;
    const chinese = !/\d/.test(m[2]);
    let end = m.index + m[1].length + m[2].length;
    let valueMax: number | undefined;
    if (m[3] !== undefined) {
      // 百分之六十点三到一九五七年: a tail that is a year is not a range
      const v2 = parseNumeral(m[3]);
      const tailEnd = m.index + m[0].length;
      if (v2 !== null && v2 > value && !SKIP_AFTER.test(text.slice(tailEnd, tailEnd + 4))) {
        valueMax = v2;
        end = tailEnd;
      } else {
        PERCENT_WORDS_RE.lastIndex = end;
      }
    }
    out.push({ start: m.index, end, value, ...(valueMax !== undefined ? { valueMax } : {}), unit, ...(chinese ? { chinese } : {}) });
  }
  return out;
}

/**
 * Where a figure can be, by the character pairs every figure pattern above needs (so a text without
 * one holds no figure, and is not scanned):
 *  - an Arabic digit (the Arabic and mixed numerals);
 *  - 分之 (百分之八, 千分之五);
 *  - a Chinese numeral, or the 万/亿 of a bare magnitude, followed by what may follow a numeral:
 *    多/余, a space or line break, or the first character of a unit, magnitude or bare magnitude
 *    (三万人 ends 三 + 万; 突破千亿元 is 千 + 亿; 进一步, 一是, 统一 hold 一 before no unit and name no figure).
 * The unit characters come from the lexicon the patterns are built from.
 */
const DIGIT = 1;
const NUMERAL = 2;
const FEN = 3;
const FIGURE_PART = new Uint8Array(0x10000);
for (const c of '0123456789') FIGURE_PART[c.charCodeAt(0)] = DIGIT;
for (const c of '零〇○一二两三四五六七八九十百千廿卅万亿') FIGURE_PART[c.charCodeAt(0)] = NUMERAL;
FIGURE_PART['分'.charCodeAt(0)] = FEN;
const AFTER_NUMERAL = new Uint8Array(0x10000);
for (const u of [...BASE_UNITS, ...MAGNITUDES, ...BARE_MAGNITUDES, POINTS, '百分点', PERCENT, '％', '‰', '倍', '连', '多', '余', ' ', '\n']) AFTER_NUMERAL[u.charCodeAt(0)] = 1;

/**
 * Whether `text` may hold a figure (see FIGURE_PART): one walk over char codes that stops at the
 * first place one may start, cheaper than a regex on short clauses.
 */
export function mayHoldFigure(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const part = FIGURE_PART[text.charCodeAt(i)];
    if (part === 0) continue;
    if (part === DIGIT) return true;
    // past the end, charCodeAt is NaN, which no table holds
    if (part === NUMERAL ? AFTER_NUMERAL[text.charCodeAt(i + 1)] : text.charCodeAt(i + 1) === 0x4e4b /* 之 */) return true;
  }
  return false;
}

/** Whether `text` holds a magnitude character: every bare magnitude (突破万亿元, 千万元以上) starts with one. */
function holdsMagnitude(text: string): boolean {
  return text.includes('万') || text.includes('亿') || text.includes('千') || text.includes('百');
}

/**
 * Whether [start, end) overlaps a figure of `figs`. A module function rather than a closure in
 * scanFigures: the loader names every named closure as it is made, a cost paid per clause.
 */
function overlapsAny(figs: readonly Figure[], start: number, end: number): boolean {
  for (const f of figs) if (start < f.end && f.start < end) return true;
  return false;
}

/** Every figure in `text` (offsets relative to `text`). */
export function scanFigures(text: string): Figure[] {
  // most clauses of a report have no place a figure may start
  return mayHoldFigure(text) ? readFigures(text) : [];
}

/** scanFigures without its shortcut: what the test of the shortcut compares with. */
export function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  try {
    const inWords = scanPercentWords(text);
    out.push(...inWords);
    FIGURE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FIGURE_RE.exec(text))) {
      if (m[0].length === 0) {
        FIGURE_RE.lastIndex++;
        continue;
      }
      const start = m.index;
      let end = start + m[0].length;
      if (overlapsAny(inWords, start, end)) continue;
      const numText = m[1];
      const chinese = !/\d/.test(numText);
      const before = text.slice(Math.max(0, start - 1), start);
      const after = text.slice(end, end + 4);
      // ordinals, codes, footnotes, years, 十四五
      if (/[A-Za-z第\[［·.／/]/.test(before)) continue;
      if (/^[A-Za-z]/.test(after) && !m[3]) continue;
      if (SKIP_AFTER.test(text.slice(start + numText.length, start + numText.length + 4))) continue;
      let unit = normaliseUnit(m[3] ?? '');
      let innerWord = m[2] ?? '';
      const innerInUnit = /[多余]/.exec(unit);
      if (innerInUnit) {
        innerWord = innerInUnit[0];
        unit = unit.replace(/[多余]/, '');
      }
      let value: number | null;
      if (chinese) {
        // Chinese numerals count only with a unit, and never as a word (一批, 一个, 十四五)
        if (!unit) continue;
        // 几十万, 数百亿: a guess at the order of magnitude, not a figure
        if (/[几数]/.test(before)) continue;
        // 三五个, 一两年: adjacent digits without a unit are an approximation, not a figure
        if (/[一二两三四五六七八九][一二两三四五六七八九〇○零]/.test(numText.split('点')[0])) continue;
        value = valueInUnit(numText.replace(/[ \n]/g, ''), unit);
        if (value === null || (value < 2 && !numText.includes('点'))) continue;
        if (/^[一二三四五六七八九十]$/.test(numText) && /^(?:个|项|条|批|种|类|级|位|次|场|期|轮|对|组|部|支|份|门|本|篇|片|块|宗|笔|单|处|座|所|家|户|名|人|天|届)$/.test(unit)) continue;
      } else {
        value = valueInUnit(numText, unit);
      }
      if (value === null) continue;
      let valueMax: number | undefined;
      RANGE_TAIL_RE.lastIndex = end;
      const r = RANGE_TAIL_RE.exec(text);
      if (r) {
        const v2 = parseNumeral(r[1]);
        const u2 = normaliseUnit(r[2]);
        if (v2 !== null && v2 > value && (!unit || unit === u2) && !SKIP_AFTER.test(text.slice(r.index + r[0].length))) {
          valueMax = v2;
          unit = u2;
          end = r.index + r[0].length;
          FIGURE_RE.lastIndex = end;
        }
      }
      const inner = INNER_QUALIFIERS.find(([w]) => w === innerWord)?.[1];
      out.push({ start, end, value, ...(valueMax !== undefined ? { valueMax } : {}), unit, ...(inner ? { inner } : {}), ...(chinese ? { chinese } : {}) });
    }
    // the bare magnitudes need a magnitude character (four in five clauses with figures hold none)
    if (holdsMagnitude(text)) scanBareMagnitudes(text, out);
    out.sort((a, b) => a.start - b.start);
  } catch {
    return out;
  }
  return out;
}

/** Bare magnitudes that count as 1 (突破万亿元, 过百亿, 达到千亿级), where no figure of `out` stands. */
function scanBareMagnitudes(text: string, out: Figure[]): void {
  let m: RegExpExecArray | null;
  BARE_ONE_RE.lastIndex = 0;
  while ((m = BARE_ONE_RE.exec(text))) {
    const start = m.index;
    if (out.some((f) => f.start <= start && start < f.end)) continue;
    out.push({ start, end: start + m[0].length, value: 1, unit: (m[1] ?? m[2]) + m[3] });
  }
  BARE_ALONE_RE.lastIndex = 0;
  while ((m = BARE_ALONE_RE.exec(text))) {
    const start = m.index;
    if (out.some((f) => f.start <= start && start < f.end)) continue;
    out.push({ start, end: start + m[0].length, value: 1, unit: m[1] });
  }
  // 达到万亿级规模: a bare magnitude of money
  if (!text.includes('级')) return;
  BARE_GRADE_RE.lastIndex = 0;
  while ((m = BARE_GRADE_RE.exec(text))) {
    const start = m.index;
    if (out.some((f) => f.start <= start && start < f.end)) continue;
    out.push({ start, end: start + m[0].length, value: 1, unit: m[1] + '元' });
  }
}
