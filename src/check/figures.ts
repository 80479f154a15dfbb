/**
 * Figures in a clause for comparison: a number and the unit right after it.
 * (Extraction has its own full number grammar; here a clause of a report's
 * review only needs Arabic figures with units, which is how results are given.)
 */
export interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly index: number;
}

const FIGURE = /(-?\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|元|万亩|亩|万公顷|公顷|万平方米|平方米|万公里|公里|千米|个百分点|万人次|人次|万人|人|名|万户|户|万个|个|处|项|座|所|家|套|条|件|万头|头|万只|只|亿斤|万斤|斤|万吨|吨|亿千瓦时|万千瓦时|千瓦时|万千瓦|千瓦|%)/g;

export function parseFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    // Skip years and figures that are part of a threshold (5000万元以上项目).
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3);
    if (/^以上(?:项目|企业|工业)/.test(after)) continue;
    out.push({ value: Number(m[1]), unit: m[2], index: m.index ?? 0 });
  }
  return out;
}
