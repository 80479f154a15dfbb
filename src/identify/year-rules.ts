/**
 * General knowledge that dates a text when its years are masked (20xx):
 * anniversaries, five-year-plan milestones, numbered national events.
 * Each rule gives the calendar year the phrase refers to; whether that is the
 * report year or the review year depends on where the phrase stands.
 *
 * Data only (no code paths depend on particular files).
 */

export interface YearRule {
  readonly id: string;
  /** Regular expression source (global, applied to normalised text). */
  readonly pattern: string;
  /** Year = base + N, where N is the number captured by group 1 (digits or Chinese). */
  readonly base?: number;
  /** Year = table[captured group 1] (a Chinese or Arabic ordinal). */
  readonly table?: Readonly<Record<string, number>>;
  /** Fixed year. */
  readonly year?: number;
  /** The phrase is about this report's own meeting (a draft plan presented): the report year wherever it stands. */
  readonly thisYear?: boolean;
  readonly explain: string;
  readonly weight: number;
}

const FYP_START: Record<string, number> = { 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };
const FYP_END: Record<string, number> = { 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 };
const FYP_MID: Record<string, number> = { 十一五: 2008, 十二五: 2013, 十三五: 2018, 十四五: 2023, 十五五: 2028 };
const CONGRESS: Record<string, number> = { 十五: 1997, 十六: 2002, 十七: 2007, 十八: 2012, 十九: 2017, 二十: 2022, 二十一: 2027 };

export const YEAR_RULES: readonly YearRule[] = [
  { id: 'cpc-anniversary', pattern: '(?:建党|中国共产党成立)(\\d{2,3}|[一二三四五六七八九十百]{2,4})周年', base: 1921, explain: 'the Party was founded in 1921', weight: 2 },
  { id: 'prc-anniversary', pattern: '(?:新中国成立|中华人民共和国成立|建国)(\\d{2,3}|[一二三四五六七八九十]{2,3})周年', base: 1949, explain: 'the PRC was founded in 1949', weight: 2 },
  { id: 'prc-birthday', pattern: '新中国(\\d{2,3}|[一二三四五六七八九十]{2,3})(?:华诞|岁|周岁)', base: 1949, explain: 'the PRC was founded in 1949', weight: 2 },
  { id: 'reform-anniversary', pattern: '改革开放(\\d{2}|[一二三四五六七八九十]{2,3})周年', base: 1978, explain: 'reform and opening began in 1978', weight: 2 },
  { id: 'war-anniversary', pattern: '抗(?:日战争|战)(?:暨世界反法西斯战争)?胜利(\\d{2}|[一二三四五六七八九十]{2,3})周年', base: 1945, explain: 'the war of resistance ended in 1945', weight: 2 },
  { id: 'hk-anniversary', pattern: '香港回归(?:祖国)?(\\d{1,2}|[一二三四五六七八九十]{1,3})周年', base: 1997, explain: 'Hong Kong returned in 1997', weight: 1 },
  { id: 'ciie', pattern: '第([一二三四五六七八九十]{1,2}|\\d{1,2})届(?:中国国际)?(?:进口博览会|进博会)', base: 2017, explain: 'the 1st China International Import Expo was held in 2018', weight: 2 },
  { id: 'census', pattern: '第([五六七八])次全国人口普查', table: { 五: 2000, 六: 2010, 七: 2020, 八: 2030 }, explain: 'national population censuses are taken in years ending in 0', weight: 2 },
  { id: 'econ-census', pattern: '第([二三四五六])次全国经济普查', table: { 二: 2008, 三: 2013, 四: 2018, 五: 2023, 六: 2028 }, explain: 'national economic censuses are taken in years ending in 3 and 8', weight: 1 },
  { id: 'agri-census', pattern: '第([二三四])次全国农业普查', table: { 二: 2006, 三: 2016, 四: 2026 }, explain: 'national agricultural censuses are taken in years ending in 6', weight: 1 },
  { id: 'fyp-start', pattern: '[“"‘]?(十[一二三四五]五)[”"’]?(?:规划)?(?:的)?开局之年', table: FYP_START, explain: 'first year of the five-year plan', weight: 3 },
  { id: 'fyp-end', pattern: '[“"‘]?(十[一二三四五]五)[”"’]?(?:规划)?(?:的)?(?:收官之年|收官年|最后一年|决胜之年|圆满收官)', table: FYP_END, explain: 'last year of the five-year plan', weight: 3 },
  { id: 'fyp-mid', pattern: '[“"‘]?(十[一二三四五]五)[”"’]?(?:规划)?(?:的)?(?:承上启下之年|中期评估)', table: FYP_MID, explain: 'middle year of the five-year plan', weight: 2 },
  { id: 'fyp-draft', pattern: '[“"‘]?(十[一二三四五]五)[”"’]?规划(?:和二〇三五年远景目标)?纲要[（(]草案[)）]', table: FYP_START, thisYear: true, explain: 'the draft outline of a five-year plan is presented in its first year', weight: 3 },
  { id: 'fyp-draft-ordinal', pattern: '第(十[一二三四五])个五年规划(?:和二〇三五年远景目标)?纲要[（(]草案[)）]', table: { 十一: 2006, 十二: 2011, 十三: 2016, 十四: 2021, 十五: 2026 }, thisYear: true, explain: 'the draft outline of a five-year plan is presented in its first year', weight: 3 },
  { id: 'xiaokang-end', pattern: '全面建成小康社会(?:目标实现|决胜|收官|和[“"]?十三五[”"]?规划收官)之年', year: 2020, explain: 'the moderately prosperous society was to be completed in 2020', weight: 3 },
  { id: 'poverty-end', pattern: '脱贫攻坚(?:决战决胜|收官|决胜)之年', year: 2020, explain: 'poverty eradication was to be completed in 2020', weight: 2 },
  { id: 'congress-held', pattern: '(?:迎接|喜迎)党的(十[五六七八九]|二十一?)大(?:胜利)?召开', table: CONGRESS, explain: 'Party congresses are held every five years (19th in 2017, 20th in 2022)', weight: 2 },
  { id: 'congress-first-year', pattern: '(?:全面)?(?:贯彻|学习贯彻)(?:落实)?党的(十[五六七八九]|二十一?)大精神的开局之年', table: { 十五: 1998, 十六: 2003, 十七: 2008, 十八: 2013, 十九: 2018, 二十: 2023, 二十一: 2028 }, explain: 'first year after a Party congress', weight: 3 },
  { id: 'winter-olympics', pattern: '北京冬奥会(?:和冬残奥会)?(?:成功|胜利|圆满)举办', year: 2022, explain: 'the Beijing Winter Olympics were held in 2022', weight: 1 },
];
