/**
 * The small grammar of figures in reports, as data: qualifier words, verbs that
 * make a figure a change (growth) or a level, firmness words, deadlines.
 */
import type { Qualifier } from '../../model.js';

/** Words right after a figure. */
export const POST_QUALIFIERS: ReadonlyArray<readonly [string, Qualifier]> = [
  ['左右', 'about'], ['上下', 'about'], ['及以上', 'at_least'], ['以上', 'at_least'], ['以内', 'at_most'], ['以下', 'at_most'],
];

/** Words right before a figure (checked on the few characters before it). */
export const PRE_QUALIFIERS: ReadonlyArray<readonly [string, Qualifier]> = [
  ['不低于', 'at_least'], ['不少于', 'at_least'], ['突破', 'at_least'], ['超过', 'at_least'], ['超', 'at_least'], ['跨过', 'at_least'],
  ['跨上', 'at_least'], ['迈上', 'at_least'], ['跃上', 'at_least'], ['重回', 'at_least'], ['破', 'at_least'], ['逾', 'at_least'], ['大于', 'at_least'],
  ['不超过', 'at_most'], ['不高于', 'at_most'], ['低于', 'at_most'], ['不到', 'at_most'], ['小于', 'at_most'],
  ['接近', 'about'], ['近', 'about'], ['约', 'about'], ['大约', 'about'],
];

/** Words between a number and its unit (6600多万, 1.6万余户). */
export const INNER_QUALIFIERS: ReadonlyArray<readonly [string, Qualifier]> = [['多', 'at_least'], ['余', 'at_least']];

/** Verbs that make a figure a change. */
export const RISE_VERBS: readonly string[] = ['同比增长', '比上年增长', '增长', '增幅', '增速', '增加', '增产', '提高', '提升', '上升', '上涨', '增收', '扩招', '增'];
export const FALL_VERBS: readonly string[] = ['下降', '降低', '减少', '降幅', '回落', '削减', '压减', '下滑', '减产'];
/** Verbs that, followed by 到/至, make a level (提高到, 上升至, 降至). */
export const TO_MARKERS: readonly string[] = ['到', '至'];
/** Verbs of a level. */
export const LEVEL_VERBS: readonly string[] = ['达到', '达', '为', '控制在', '保持在', '稳定在', '突破', '超过', '完成', '实现', '跨上', '迈上', '跃上'];

export const HARD_WORDS: readonly string[] = ['确保', '必须', '坚决', '务必', '全面完成'];
export const SOFT_WORDS: readonly string[] = ['力争', '争取', '努力', '尽力', '力促'];

/** Action verbs of commitments, longest first when matched. */
export const ACTION_VERBS: readonly string[] = [
  '新建改建', '新改建', '新建', '改建', '改造提升', '改造升级', '改造', '提升改造', '建成', '建设', '修建', '完成', '实施', '推进', '开工', '竣工', '投产', '新增', '引进',
  '培育', '创建', '打造', '整治', '治理', '植树', '造林', '培训', '招引', '谋划', '储备', '落地', '签约', '开展', '举办', '提供', '发放', '帮扶', '安置', '吸纳', '达到',
  '突破', '增长', '提高', '减少', '控制', '保持', '稳定', '发展', '扩大', '布局', '认定', '申报', '争取', '落实', '覆盖', '配备', '安装', '更新', '清理', '疏通',
  '铺设', '硬化', '绿化', '亮化', '救助', '资助', '补贴', '筛查', '接种', '体检', '免费', '开通', '开设', '开行', '入规', '升规', '上市', '挂牌', '组建', '设立', '建立',
];

export const DEADLINE_PATTERNS: readonly RegExp[] = [
  /年内|年底前|年底|全年|当年|今年内|上半年|下半年|一季度|二季度|三季度|四季度/,
  /\d{1,2}月(?:底|末|份)?前?/,
  /“?[十][一二三四五六七八九]五”?(?:期间|时期|末)?/,
  /(?:20\d\d|\d{4})年(?:底|末)?前?/,
  /三年内|两年内|五年内|到20\d\d年/,
];

/** Lead words of the livelihood-projects list. */
export const LIVELIHOOD_HEADS: readonly RegExp[] = [/民生实事/, /惠民实事/, /为民办实事/, /民生工程/, /十件实事/, /件实事/];

/**
 * Numerals that count nothing: set phrases whose numerals are words (千方百计,
 * 八方来客, 千家万户). A figure read inside one of them is not a quantity.
 */
export const NUMERAL_IDIOMS: readonly string[] = [
  '千方百计', '千千万万', '八方来客', '四面八方', '千家万户', '千万家', '万无一失', '一以贯之', '三番五次', '千辛万苦', '千头万绪',
  '千载难逢', '百年大计', '千年大计', '万众一心', '一心一意', '三心二意', '五湖四海', '七上八下', '十全十美', '百花齐放',
  '百家争鸣', '一马当先', '一鼓作气', '九牛一毛', '百尺竿头', '一分部署、九分落实', '一张蓝图绘到底',
];

/**
 * The report announcing its own parts ("重点做好以下八方面工作", "具体要抓好9个方面的工作"):
 * the words right after such a count.
 */
export const ENUMERATION_AFTER = /^(?:个)?(?:大)?方面|^(?:面)/;
