/**
 * Unit lexicon. A unit is an optional magnitude prefix (万, 亿, 万亿 …) and a
 * base measure word; both are normalised (％ → %, 萬 → 万, 公斤 kept as is).
 */
export const MAGNITUDES: readonly string[] = ['万亿', '千亿', '百亿', '十亿', '亿', '千万', '百万', '十万', '万', '千', '百'];

/** Base units, longest first when matched. */
export const BASE_UNITS: readonly string[] = [
  '微克/立方米', '万元/人', '元/人', '元/吨', '平方公里', '平方米', '立方米', '标准箱', '人次', '户次', '架次', '车次', '班次', '艘次',
  '公里', '千米', '千瓦时', '千瓦', '千克', '公斤', '公顷', '美元', '元', '人', '件', '个', '家', '户', '亩', '斤', '吨', '座', '所', '套', '张', '辆', '项',
  '处', '条', '栋', '间', '台', '头', '只', '株', '棵', '列', '米', '场', '名', '批', '块', '宗', '笔', '单', '本', '册', '部', '支', '篇', '片', '园', '床', '床位',
  '口', '眼', '盏', '根', '箱', '份', '例', '门', '孔', '卷', '对', '组', '届', '期', '轮', '类', '级', '位', '种', '次', '天', '小时', '度', 'P', 'EFLOPS', '方',
  '吨标准煤', '标准煤', '立方', '平方', '千公顷',
];

/** Units that follow a figure directly without a base (6600多万, 减少1240万). */
export const BARE_MAGNITUDES: readonly string[] = ['万亿', '亿', '万'];

export const PERCENT = '%';
export const POINTS = '个百分点';
