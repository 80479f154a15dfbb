/**
 * Deadline phrases of a work report (年内, 上半年, 6月底前, 三季度末,
 * “十四五”期间 …) read as a calendar date. Pure: the plan year comes in,
 * a date (YYYY-MM-DD) and the rule that produced it come out.
 */
import { parseInteger } from '../text/numerals.js';

export interface ParsedDeadline {
  /** YYYY-MM-DD, the last day the task may be finished on. */
  readonly date: string;
  /** Which reading produced the date (for the ledger's source column). */
  readonly rule: string;
}

/** 1–31 in Arabic, full-width or Chinese numerals (十二, 二十一). */
export function smallNumber(s: string): number | undefined {
  return parseInteger(s) ?? undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** The five-year plans: 十四五 is 2021–2025. */
function fiveYearPlanEnd(ordinal: number): number {
  return 1955 + ordinal * 5;
}

const NUM = '[0-9０-９〇零一二两三四五六七八九十]{1,3}';

/**
 * The date a phrase names, or undefined when it names none. `planYear` is the
 * year the report plans for (今年, 年内, 上半年 … are read in it).
 */
export function parseDeadline(phrase: string | null | undefined, planYear: number): ParsedDeadline | undefined {
  if (!phrase) return undefined;
  const p = phrase.replace(/\s+/g, '').replace(/[“”"「」『』]/g, '');
  let year = planYear;
  let m: RegExpExecArray | null;
  const explicit = /((?:19|20)\d{2})年/.exec(p);
  if (explicit) year = Number(explicit[1]);
  else if (/明年/.test(p)) year = planYear + 1;

  // “十四五”期间 / 十四五末 / 到十四五期末
  if ((m = /([一二三四五六七八九十]{2,3})五(?:规划)?(?:期间|期末|末|时期|内)?/.exec(p)) && /十[一二三四五六七八九]?五|十五五/.test(m[0])) {
    const ord = smallNumber(m[1]);
    if (ord !== undefined && ord >= 10) return { date: `${fiveYearPlanEnd(ord)}-12-31`, rule: `five-year plan ${m[0]} ends ${fiveYearPlanEnd(ord)}` };
  }
  // 6月15日前, 6月底前, 6月末, 6月前, 6月份
  if ((m = new RegExp(`(${NUM})月(${NUM})[日号]`).exec(p))) {
    const mo = smallNumber(m[1]);
    const d = smallNumber(m[2]);
    const date = mo !== undefined && d !== undefined ? validDate(year, mo, d) : undefined;
    if (date) return { date, rule: `day ${m[0]}` };
  }
  if ((m = new RegExp(`(${NUM})月(?:底|末|份|前|中旬|上旬|下旬)?`).exec(p))) {
    const mo = smallNumber(m[1]);
    if (mo !== undefined && mo >= 1 && mo <= 12) {
      if (/上旬/.test(m[0])) return { date: validDate(year, mo, 10)!, rule: `month ${m[0]}` };
      if (/中旬/.test(m[0])) return { date: validDate(year, mo, 20)!, rule: `month ${m[0]}` };
      return { date: lastDayOfMonth(year, mo), rule: `end of month ${m[0]}` };
    }
  }
  // 一季度, 第三季度末, 三季度
  if ((m = /第?([一二三四1-4])季度/.exec(p))) {
    const q = smallNumber(m[1])!;
    return { date: lastDayOfMonth(year, q * 3), rule: `end of quarter ${m[0]}` };
  }
  if (/上半年|年中|半年/.test(p) && !/下半年/.test(p)) return { date: `${year}-06-30`, rule: 'first half-year' };
  if (/下半年|年内|年底|年末|全年|今年|年度|当年|本年|年前|明年|年/.test(p)) return { date: `${year}-12-31`, rule: `end of year (${p})` };
  return undefined;
}

/** The date for a task: its phrase when it names one, otherwise the plan year's end. */
export function deadlineFor(phrase: string | null | undefined, planYear: number): ParsedDeadline {
  return parseDeadline(phrase, planYear) ?? { date: `${planYear}-12-31`, rule: 'no deadline stated: end of the plan year' };
}

/** The instant a deadline passes: the end of its day in China Standard Time (UTC+8). */
export function deadlineInstant(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}
