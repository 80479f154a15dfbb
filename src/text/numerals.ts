/**
 * Numerals as reports write them — Chinese (二千零一十六, 八点五, 两千六),
 * Arabic (1,022 · 32.95), mixed (10.1万, 1万600, 3千) and digit by digit
 * (二〇二三) — read into numbers. The one numeral parser of the project: identify
 * (dates, ordinals, anniversaries) and extract (figures) both use it, so it
 * sits below both and depends on nothing. Pure; never throws.
 *
 * Why not a package: nzh 1.0.14 and chinese-numbers-converter 2.3.1 were
 * measured on the forms below and read 两千六 as 6, 三万五 as 30005, 10.1万 as 0,
 * and accept malformed strings such as 十一十二 (a report's 十一、十二 list) as numbers.
 */

/** Digits. 〇/○/Ｏ are the zero of digit-by-digit writing (二〇二三); 零 also marks a gap (一千零一). */
const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * Characters folded to the everyday set before parsing: financial capitals
 * (大写: 壹贰叁…拾佰仟, used on cheques and some budget tables), traditional
 * forms (萬億兩點), the look-alike zeros (○ U+25CB, Ｏ full-width letter O, common
 * in scanned dates), and the old contractions 廿 (twenty), 卅 (thirty), 卌 (forty).
 */
const FOLD: Readonly<Record<string, string>> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿', 兩: '两', '○': '〇', 'Ｏ': '〇',
  點: '点', 廿: '二十', 卅: '三十', 卌: '四十', '．': '.', '，': ',',
};

/** Characters a numeral may be written with (for callers building patterns). */
export const CN_NUMERAL_CHARS = '零〇○Ｏ一二两三四五六七八九十百千万亿廿卅壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩';

type Tok =
  | { readonly k: 'digit'; readonly v: number; readonly arabic: boolean }
  | { readonly k: 'zero' }
  | { readonly k: 'unit'; readonly v: number }
  | { readonly k: 'big'; readonly v: number };

function normalise(raw: string): string | null {
  let s = '';
  for (const ch of raw.replace(/[\s\u00a0\u3000]+/g, '')) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) s += String.fromCharCode(code - 0xfee0); // full-width digits
    else s += FOLD[ch] ?? ch;
  }
  // Thousands grouping (1,022 · 12,345.6) is kept only where it is well formed.
  s = s.replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)/g, (m) => m.replace(/,/g, ''));
  return s && !s.includes(',') ? s : null;
}

function tokenise(s: string): Tok[] | null {
  const out: Tok[] = [];
  for (let i = 0; i < s.length; ) {
    const ch = s[i];
    if (/\d/.test(ch)) {
      let j = i;
      while (j < s.length && /\d/.test(s[j])) j++;
      out.push({ k: 'digit', v: Number(s.slice(i, j)), arabic: true });
      i = j;
      continue;
    }
    if (ch === '零' || ch === '〇') out.push({ k: 'zero' });
    else if (ch in DIGIT) out.push({ k: 'digit', v: DIGIT[ch], arabic: false });
    else if (ch in SMALL_UNIT) out.push({ k: 'unit', v: SMALL_UNIT[ch] });
    else if (ch in BIG_UNIT) out.push({ k: 'big', v: BIG_UNIT[ch] });
    else return null;
    i++;
  }
  return out;
}

/**
 * A section below 万: digits and 十/百/千 in falling order (三千二百零五).
 * - A unit needs a digit before it, except 十 (十二, 一千零十 = 1010).
 * - Units must fall: 十一十二 is a list, not a number.
 * - Colloquial elision: a last bare digit right after 百 or 千 (no 零 between)
 *   counts in the next lower place: 两千六 = 2600, 一百二 = 120.
 * - An Arabic tail stands for itself (四千230 = 4230), below the last unit.
 */
function parseSection(toks: readonly Tok[]): number | null {
  let total = 0;
  let pending: Extract<Tok, { k: 'digit' }> | null = null;
  let lastUnit = Infinity;
  let gap = false;
  for (const t of toks) {
    if (t.k === 'digit') {
      if (pending) return null; // 一二百: an approximate range, not a number
      pending = t;
    } else if (t.k === 'zero') {
      if (pending || lastUnit === Infinity) return null;
      gap = true;
    } else if (t.k === 'unit') {
      if (t.v >= lastUnit) return null;
      let coef: number;
      if (pending) {
        if (pending.v < 1 || pending.v > 9) return null;
        coef = pending.v;
      } else if (t.v === 10) {
        coef = 1;
      } else {
        return null; // 百十一: a bare 百 or 千 is not a numeral
      }
      total += coef * t.v;
      lastUnit = t.v;
      pending = null;
      gap = false;
    } else {
      return null;
    }
  }
  if (gap && !pending) return null; // trailing 零 (一百零)
  if (pending) {
    if (lastUnit === Infinity) total += pending.v;
    else if (pending.arabic) {
      if (pending.v >= lastUnit) return null;
      total += pending.v;
    } else if (!gap && lastUnit >= 100) total += (pending.v * lastUnit) / 10;
    else total += pending.v;
  }
  return total;
}

/** What follows 万 or 亿: a 零-gap remainder, an elided digit (三万五 = 35000) or a lower group. */
function parseRemainder(toks: readonly Tok[], big: number): number | null {
  if (toks.length === 0) return 0;
  if (toks[0].k === 'zero') {
    const rest = toks.slice(1);
    if (rest.length === 0 || rest[0].k === 'zero') return null;
    const v = parseGrouped(rest);
    return v !== null && v < big ? v : null;
  }
  const only = toks.length === 1 ? toks[0] : null;
  if (only && only.k === 'digit' && !only.arabic) return only.v === 0 ? null : (only.v * big) / 10;
  const v = parseGrouped(toks);
  return v !== null && v < big ? v : null;
}

/** An integer with 万/亿 groups: split at the last 亿, then the last 万 (一千零一亿一千零一万一千零一). */
function parseGrouped(toks: readonly Tok[]): number | null {
  for (const big of [1e8, 1e4]) {
    let at = -1;
    for (let i = toks.length - 1; i >= 0; i--) {
      const t = toks[i];
      if (t.k === 'big' && t.v === big) { at = i; break; }
    }
    if (at < 0) continue;
    const left = toks.slice(0, at);
    if (left.length === 0) return null; // a bare 万/亿 is a magnitude, not a numeral
    if (big === 1e4 && left.some((t) => t.k === 'big')) return null;
    // 万亿 = 万 × 亿: the group before 亿 may hold its own 万.
    const head = parseGrouped(left);
    if (head === null || head === 0) return null;
    const rest = parseRemainder(toks.slice(at + 1), big);
    return rest === null ? null : head * big + rest;
  }
  return parseSection(toks);
}

/** Digit by digit (二〇二三, 一七二零, 1720): only digits and zeros, no units. */
function parsePositional(toks: readonly Tok[]): number | null {
  if (toks.length === 1 && toks[0].k === 'digit') return toks[0].v;
  let s = '';
  for (const t of toks) {
    if (t.k === 'zero') s += '0';
    else if (t.k === 'digit' && !t.arabic) s += String(t.v);
    else return null;
  }
  return s ? Number(s) : null;
}

function parseIntegerPart(s: string): number | null {
  const toks = tokenise(s);
  if (!toks || toks.length === 0) return null;
  const hasUnits = toks.some((t) => t.k === 'unit' || t.k === 'big');
  return hasUnits ? parseGrouped(toks) : parsePositional(toks);
}

const FRACTION_DIGIT: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
/** Magnitude after a decimal (8.5万, 三点二亿, 1.5千万, 1.93万亿): its power of ten. */
const DECIMAL_MAGNITUDE = /^([十百千]?)(万?)(亿?)$/;
const POWER: Readonly<Record<string, number>> = { '': 0, 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

const PLAIN_INTEGER = /^\d+$/;
const PLAIN_DECIMAL = /^\d{1,15}\.\d+$/;

/**
 * The value of a numeral as written, or null when it is not one well-formed
 * numeral. Decimals are written with 点 or '.', each digit after it read on its
 * own (八点五 = 8.5, 一百点123 = 100.123, 零点零五 = 0.05); a magnitude may follow
 * a decimal (10.1万 = 101000) and then nothing more (10.1万零100 is rejected).
 */
export function parseNumeral(raw: string): number | null {
  // Most numerals of a report are plain Arabic digits, read here as the general path below reads
  // them: an integer as Number does; a decimal as Number of its whole part, '.', its digits, which
  // is Number of the text itself while the whole part has at most 15 digits (an exact integer).
  if (PLAIN_INTEGER.test(raw) || PLAIN_DECIMAL.test(raw)) return Number(raw);
  try {
    const s = normalise(raw);
    if (!s) return null;
    const points = (s.match(/[点.]/g) ?? []).length;
    if (points === 0) return parseIntegerPart(s);
    if (points > 1) return null;
    const at = s.search(/[点.]/);
    const intText = s.slice(0, at);
    const after = s.slice(at + 1);
    let frac = '';
    let i = 0;
    for (; i < after.length; i++) {
      const ch = after[i];
      if (/\d/.test(ch)) frac += ch;
      else if (ch in FRACTION_DIGIT) frac += FRACTION_DIGIT[ch];
      else break;
    }
    const mag = DECIMAL_MAGNITUDE.exec(after.slice(i));
    if (!intText || !frac || !mag) return null;
    const whole = parseIntegerPart(intText);
    if (whole === null) return null;
    const exp = POWER[mag[1]] + POWER[mag[2]] + POWER[mag[3]];
    if (exp > 0 && (/[万亿]/.test(intText))) return null;
    const v = Number(`${whole}.${frac}e${exp}`);
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

/** A whole number ≥ 0 (ordinals, days, anniversaries: 十四, 二十三, 100), else null. */
export function parseInteger(raw: string): number | null {
  const v = parseNumeral(raw);
  return v !== null && Number.isInteger(v) && v >= 0 ? v : null;
}

/** An ordinal (第十四, 第3): the number after 第; null without it. */
export function parseOrdinal(raw: string): number | null {
  const m = /^[\s\u3000]*第[\s\u3000]*(.+)$/.exec(raw);
  return m ? parseInteger(m[1]) : null;
}

/** Digits a year may be written with, one by one (Latin O appears in scanned text for 〇). */
const YEAR_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, 'Ｏ': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** A year written digit by digit: 2020, ２０２０, 二〇二〇, 一九九〇. Null when not four digits. */
export function parseYear(raw: string): number | null {
  const t = raw.replace(/\s+/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d{4}$/.test(t)) return Number(t);
  if (t.length !== 4) return null;
  let v = 0;
  for (const ch of t) {
    const d = YEAR_DIGIT[ch];
    if (d === undefined) return null;
    v = v * 10 + d;
  }
  return v;
}

/** Writes n (0..99) the way ordinals are written: 十四, 二十一. */
export function smallToChinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : d[tens]) + '十' + (ones ? d[ones] : '');
}

/** Pattern source (one group) for a written year: 2020, 二〇二〇, 一九九〇. */
export const YEAR_SRC = '(\\d{4}|[一二三四五六七八九〇○零Ｏ]{4})';
/** Pattern source (one group) for a month, day or small ordinal: 7, 12, 十二, 二十三, 廿三. */
export const SMALL_SRC = '(\\d{1,2}|[一二三四五六七八九十廿卅]{1,3})';
