/**
 * Numbers pass: reads figures (Arabic, Chinese and mixed numerals, ranges,
 * percentages, 个百分点, units) out of a stretch of text. Pure; never throws:
 * a malformed figure is skipped.
 */
import { BARE_MAGNITUDES, BASE_UNITS, MAGNITUDES, PERCENT, POINTS } from './lexicon/units.js';
import { INNER_QUALIFIERS } from './lexicon/grammar.js';
import type { Qualifier } from '../model.js';

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

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 一千零二十二万 → 10220000; 十九 → 19; 两 → 2. NaN when not a numeral. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else if (ch in CN_SMALL) {
      section += (digit < 0 ? 1 : digit) * CN_SMALL[ch];
      digit = -1;
    } else if (ch in CN_BIG) {
      const big = CN_BIG[ch];
      const cur = section + (digit < 0 ? 0 : digit);
      if (big === 1e8) {
        total = (total + cur) * big;
      } else {
        total += (cur === 0 ? 1 : cur) * big;
      }
      section = 0;
      digit = -1;
    } else {
      return NaN;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const FULLWIDTH_DIGIT = /[０-９．，]/g;

/**
 * Parses a numeral as written: "1,022", "32.95", "1 022", "十九", "一千零二十二",
 * "3.2万" (→ 32000). Returns null for anything it cannot read.
 */
export function parseNumber(raw: string): number | null {
  try {
    let s = raw.replace(FULLWIDTH_DIGIT, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))).replace(/\s+/g, '');
    if (!s) return null;
    let mult = 1;
    const mag = /(万亿|亿|万|千)$/.exec(s);
    if (mag && /\d/.test(s)) {
      mult = mag[1] === '万亿' ? 1e12 : mag[1] === '亿' ? 1e8 : mag[1] === '万' ? 1e4 : 1e3;
      s = s.slice(0, -mag[1].length);
    }
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
    if (/^\d+(\.\d+)?$/.test(s)) {
      const v = Number(s) * mult;
      return Number.isFinite(v) ? v : null;
    }
    if (/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) {
      const v = parseChineseNumeral(s);
      return Number.isFinite(v) ? v : null;
    }
    return null;
  } catch {
    return null;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const byLength = (a: string, b: string) => b.length - a.length;
const MAG_RE = MAGNITUDES.slice().sort(byLength).map(escape).join('|');
const BASE_RE = BASE_UNITS.slice().sort(byLength).map(escape).join('|');
const BARE_RE = BARE_MAGNITUDES.slice().sort(byLength).map(escape).join('|');

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[ \n]?\.[ \n]?\d+)?`;
const CHINESE = '[零〇一二两三四五六七八九十百千]+';
const UNIT = String.raw`(?:${POINTS}|百分点|[%％‰]|倍|连(?=[丰增涨冠胜])|(?:(?:${MAG_RE})[多余]?(?:${BASE_RE})|(?:${BASE_RE})))`;
const INNER = '[多余]?';
/** One figure: groups 1 number, 2 多/余, 3 unit or bare magnitude. */
const FIGURE_RE = new RegExp(String.raw`(${ARABIC}|${CHINESE})(${INNER})[ \n]?(${UNIT}|(?:${BARE_RE})(?![\d]))?`, 'g');
/** The tail of a range (—6%, 至6个百分点), tried right after a figure. */
const RANGE_TAIL_RE = new RegExp(String.raw`[ ]?(?:[—－\-~～]{1,2}|至|到)[ ]?(${ARABIC})[ \n]?(${UNIT})`, 'y');
/** 突破万亿元, 跨过万亿元大关, 突破万列: a bare magnitude counts as 1. */
const BARE_ONE_RE = new RegExp(String.raw`(?<=突破|跨过|跨上|迈上|跃上|重回|破|超|达到|达|近|上)(千亿|万亿|亿|千万|万|千)((?:${BASE_RE}))`, 'g');

const BARE_GRADE_RE = /(?<=达到|迈上|跨上|跃上|重回|突破)(万亿|千亿|百亿)级/g;

const SKIP_AFTER = /^(?:年|月|日|号|周年|届|季度|世纪|时|点\d|大|中全会|次会议|五”|五"|五规划|五期间|五时期|·)/;

export function normaliseUnit(u: string): string {
  if (!u) return '';
  let s = u.replace('％', '%');
  if (s === '百分点') s = POINTS;
  return s;
}

/** Every figure in `text` (offsets relative to `text`). */
export function scanFigures(text: string): Figure[] {
  const out: Figure[] = [];
  try {
    FIGURE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FIGURE_RE.exec(text))) {
      if (m[0].length === 0) {
        FIGURE_RE.lastIndex++;
        continue;
      }
      const start = m.index;
      let end = start + m[0].length;
      const numText = m[1];
      const chinese = !/\d/.test(numText);
      const before = text.slice(Math.max(0, start - 1), start);
      const after = text.slice(end, end + 4);
      // ordinals, codes, footnotes, years, 十四五
      if (/[A-Za-z第\[［·.／/]/.test(before) && !(before === '.' && false)) continue;
      if (/^[A-Za-z]/.test(after) && !m[3]) continue;
      if (SKIP_AFTER.test(text.slice(start + numText.length, start + numText.length + 4))) continue;
      let unit = normaliseUnit(m[3] ?? '');
      let innerWord = m[2] ?? '';
      const innerInUnit = /[多余]/.exec(unit);
      if (innerInUnit) {
        innerWord = innerInUnit[0];
        unit = unit.replace(/[多余]/, '');
      }
      if (chinese) {
        // Chinese numerals count only with a unit, and never as a word (一批, 一个, 十四五)
        if (!unit) continue;
        const v = parseChineseNumeral(numText.replace(/[ \n]/g, ''));
        if (!Number.isFinite(v) || v < 2) continue;
        if (/^[一二三四五六七八九十]$/.test(numText) && /^(?:个|项|条|批|种|类|级|位|次|场|期|轮|对|组|部|支|份|门|本|篇|片|块|宗|笔|单|处|座|所|家|户|名|人|天|届)$/.test(unit)) continue;
      }
      let value = parseNumber(numText);
      if (value === null) continue;
      let valueMax: number | undefined;
      RANGE_TAIL_RE.lastIndex = end;
      const r = RANGE_TAIL_RE.exec(text);
      if (r) {
        const v2 = parseNumber(r[1]);
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
    BARE_ONE_RE.lastIndex = 0;
    while ((m = BARE_ONE_RE.exec(text))) {
      const start = m.index;
      if (out.some((f) => f.start <= start && start < f.end)) continue;
      out.push({ start, end: start + m[0].length, value: 1, unit: m[1] + m[2] });
    }
    // 达到万亿级规模: a bare magnitude of money
    BARE_GRADE_RE.lastIndex = 0;
    while ((m = BARE_GRADE_RE.exec(text))) {
      const start = m.index;
      if (out.some((f) => f.start <= start && start < f.end)) continue;
      out.push({ start, end: start + m[0].length, value: 1, unit: m[1] + '元' });
    }
    out.sort((a, b) => a.start - b.start);
  } catch {
    return out;
  }
  return out;
}
