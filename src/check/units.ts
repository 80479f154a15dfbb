/**
 * Units a promise and a result can be compared in: same family, scaled.
 */
const FAMILIES: Record<string, Record<string, number>> = {
  area: { 亩: 1, 万亩: 1e4, 公顷: 15, 万公顷: 15e4, 平方米: 0.0015, 万平方米: 15 },
  length: { 公里: 1, 千米: 1, 米: 0.001, 万公里: 1e4 },
  money: { 元: 1, 万元: 1e4, 亿元: 1e8, 万亿元: 1e12 },
  people: { 人: 1, 万人: 1e4, 人次: 1, 万人次: 1e4, 名: 1 },
  count: { 个: 1, 处: 1, 项: 1, 座: 1, 所: 1, 家: 1, 户: 1, 套: 1, 条: 1, 件: 1, 家次: 1, 村: 1, 万户: 1e4, 万个: 1e4, 万套: 1e4, 万件: 1e4 },
  head: { 头: 1, 万头: 1e4, 只: 1, 万只: 1e4 },
  weight: { 斤: 1, 万斤: 1e4, 亿斤: 1e8, 吨: 2000, 万吨: 2e7 },
  energy: { 千瓦: 1, 万千瓦: 1e4, 千瓦时: 1, 万千瓦时: 1e4, 亿千瓦时: 1e8 },
  share: { '%': 1 },
  points: { 个百分点: 1 },
};

export function unitFamily(unit: string | undefined | null): { family: string; scale: number } | undefined {
  if (!unit) return undefined;
  for (const [family, units] of Object.entries(FAMILIES)) if (unit in units) return { family, scale: units[unit] };
  return undefined;
}

/** `value` in `from` expressed in `to`, or undefined when they cannot be compared. */
export function convert(value: number, from: string | undefined | null, to: string | undefined | null): number | undefined {
  if ((from ?? '') === (to ?? '')) return value;
  const a = unitFamily(from);
  const b = unitFamily(to);
  if (!a || !b || a.family !== b.family) return undefined;
  return (value * a.scale) / b.scale;
}
