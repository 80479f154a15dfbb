/**
 * Units a promise and a result can be compared in: same family, scaled.
 * A bare magnitude (突破150万, no measure word) takes the measure of the
 * other side: 150万 against 万人次 is 150万人次.
 */
const FAMILIES: Record<string, Record<string, number>> = {
  area: { 亩: 1, 万亩: 1e4, 公顷: 15, 万公顷: 15e4, 千公顷: 15e3, 平方米: 0.0015, 万平方米: 15, 平方公里: 1500, 平方千米: 1500 },
  volume: { 立方米: 1, 万立方米: 1e4, 亿立方米: 1e8, 方: 1, 万方: 1e4 },
  length: { 公里: 1, 千米: 1, 米: 0.001, 万公里: 1e4 },
  money: { 元: 1, 万元: 1e4, 亿元: 1e8, 万亿元: 1e12 },
  people: { 人: 1, 万人: 1e4, 人次: 1, 万人次: 1e4, 名: 1, 万名: 1e4 },
  count: {
    个: 1, 处: 1, 项: 1, 座: 1, 所: 1, 家: 1, 户: 1, 套: 1, 条: 1, 件: 1, 家次: 1, 村: 1, 眼: 1, 台: 1, 辆: 1, 列: 1, 批: 1, 栋: 1, 间: 1, 张: 1,
    万户: 1e4, 万个: 1e4, 万套: 1e4, 万件: 1e4, 万座: 1e4, 万台: 1e4, 万辆: 1e4, 万张: 1e4,
  },
  events: { 场: 1, 场次: 1, 次: 1, 期: 1, 万场: 1e4, 万次: 1e4 },
  head: { 头: 1, 万头: 1e4, 只: 1, 万只: 1e4 },
  weight: { 斤: 1, 万斤: 1e4, 亿斤: 1e8, 公斤: 2, 千克: 2, 吨: 2000, 万吨: 2e7 },
  energy: { 千瓦: 1, 万千瓦: 1e4, 千瓦时: 1, 万千瓦时: 1e4, 亿千瓦时: 1e8 },
  share: { '%': 1 },
  points: { 个百分点: 1 },
};

const BARE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

export function unitFamily(unit: string | undefined | null): { family: string; scale: number } | undefined {
  if (!unit) return undefined;
  for (const [family, units] of Object.entries(FAMILIES)) if (unit in units) return { family, scale: units[unit] };
  // 万家, 亿人次: a magnitude before any counted unit.
  const m = /^(万亿|亿|万|千|百)(.+)$/.exec(unit);
  if (m) {
    const inner = unitFamily(m[2]);
    if (inner && inner.family !== 'share' && inner.family !== 'points') return { family: inner.family, scale: inner.scale * BARE_SCALE[m[1]] };
  }
  return undefined;
}

const BARE_SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 100 };

/** The base measure of `unit`'s family with scale 1 (万亩 → 亩). */
function baseScale(unit: string): number | undefined {
  return unitFamily(unit)?.scale;
}

/** `value` in `from` expressed in `to`, or undefined when they cannot be compared. */
export function convert(value: number, from: string | undefined | null, to: string | undefined | null): number | undefined {
  if ((from ?? '') === (to ?? '')) return value;
  if (from && to && from in BARE && !(to in BARE)) {
    const s = baseScale(to);
    return s === undefined || unitFamily(to)?.family === 'share' || unitFamily(to)?.family === 'points' ? undefined : (value * BARE[from]) / s;
  }
  if (from && to && to in BARE && !(from in BARE)) {
    const s = baseScale(from);
    return s === undefined || unitFamily(from)?.family === 'share' || unitFamily(from)?.family === 'points' ? undefined : (value * s) / BARE[to];
  }
  const a = unitFamily(from);
  const b = unitFamily(to);
  if (!a || !b || a.family !== b.family) return undefined;
  return (value * a.scale) / b.scale;
}
