/**
 * A task's title turned into the words of a 完成情况报告: the plan's
 * wording without its list marker or its resolve (力争, 确保), and the
 * figure reached put where the plan's figure stood. Pure string rules,
 * each with the pattern it reads.
 */
import type { FinalState } from './schema.js';

/** How the draft says a state: "…，已完成". */
export const STATE_PHRASES: Record<FinalState, string> = { done: '已完成', mostly_done: '基本完成', ongoing: '正在推进', not_done: '未完成' };
export const UNSET_PHRASE = '年终状态未评定';
export const NO_FIGURE_PHRASE = '未报送完成数据';

/** A figure as the draft writes it: no float noise (0.1 + 0.2), no trailing zeros. */
export function figure(n: number): string {
  return String(Number(n.toFixed(4)));
}

/**
 * Pattern: a list marker opening an item of a numbered list in the plan,
 * "①贯通连接…", "（3）建设…", "2.完成…" — the draft has its own order.
 */
const LIST_MARKER = /^(?:[①-⑳]|[（(]\d{1,2}[)）]|\d{1,2}[.、．](?!\d))\s*/;

/**
 * Pattern: the plan's resolve before the verb, "力争全年网络零售额突破…",
 * "确保断面优良水体比例…": a review reports what was done, not how firmly
 * it was promised.
 */
const RESOLVE = /^(?:力争|确保|争取|努力)/;

/** The title as one line, without list marker or resolve. */
export function reportTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(LIST_MARKER, '').replace(RESOLVE, '');
}

/**
 * Pattern: a bound before the figure, "不低于70%", "控制在4.5%以内",
 * "突破18亿元": the figure is a limit, and the one reached does not read in
 * its place ("不低于75%" would say the result is a limit). The sentence then
 * names the plan and the result apart.
 */
const BOUND_BEFORE = /(?:不低于|不少于|不超过|不高于|控制在|突破|超过|低于|高于)$/;

/** Pattern: a bound after the figure, "520万亩以上", "7%左右", "4.5%以内": dropped with the plan's figure. */
const BOUND_AFTER = /^(?:以上|以下|以内|左右|上下)/;

/**
 * The title split around its planned figure (value and unit, as digits):
 * `before` + figure reached + `after`. Null when the figure is not written
 * once, plainly, in the title (a range "2-3个", "15个" for 5, a bound).
 */
export function aroundFigure(title: string, value: number, unit: string | null): { before: string; after: string } | null {
  const written = figure(value) + (unit ?? '');
  const hits: number[] = [];
  for (let i = title.indexOf(written); i >= 0; i = title.indexOf(written, i + 1)) {
    const prev = title[i - 1] ?? '';
    // Not the tail of a longer number (15 for 5) or of a range (2-3 for 3).
    if (!/[\d.\-–~～至]/.test(prev)) hits.push(i);
  }
  if (hits.length !== 1) return null;
  const before = title.slice(0, hits[0]);
  if (BOUND_BEFORE.test(before)) return null;
  const after = title.slice(hits[0] + written.length).replace(BOUND_AFTER, '');
  return { before, after };
}
