/**
 * Indicator lexicon: canonical ids (the ids of the gold `indicators.json`) and
 * the wordings reports use for them. Longest alias wins. Words that only narrow
 * or widen an indicator (市区, 全口径, 同口径, 实际 …) are scope words, not part
 * of an alias: they are listed in SCOPE_WORDS.
 */
export interface IndicatorEntry {
  readonly id: string;
  readonly aliases: readonly string[];
}

/** Every concatenation of one choice from each slot: the wordings of one pattern family. */
function family(...slots: readonly (readonly string[])[]): string[] {
  let out = [''];
  for (const slot of slots) out = out.flatMap((head) => slot.map((w) => head + w));
  return out;
}

/**
 * Per-capita income wordings, by population. Reports vary the resident noun
 * (居民, 常住居民, 居民家庭, none: 城镇人均可支配收入), the rural area (农村, 乡村,
 * 农村牧区, 农牧区) and the year word (年人均, 人均年).
 */
const PER_CAPITA = ['人均可支配收入', '年人均可支配收入', '人均年可支配收入'];
const RESIDENT = ['居民', '常住居民', '居民家庭', '常住居民家庭', ''];
const URBAN_INCOME = family(['城镇', '城市'], RESIDENT, PER_CAPITA);
const RURAL_INCOME = [...family(['农村', '乡村', '农村牧区', '农牧区'], RESIDENT, PER_CAPITA), ...family(['农民', '农牧民'], PER_CAPITA)];
const ALL_INCOME = family(['', '全体', '城乡', '全国', '全省', '全市', '全县', '全区'], ['居民', '常住居民'], PER_CAPITA);
/**
 * 人均纯收入 (net income) is the rural statistic before 2013, a different measure from
 * disposable income: its own indicator, whichever wording names the rural population.
 */
const RURAL_NET_INCOME = [...family(['农村', '农村牧区', '农牧区'], ['居民', '常住居民', '居民家庭'], ['人均纯收入']), ...family(['农民', '农牧民'], ['人均纯收入', '家庭人均纯收入'])];

export const INDICATORS: readonly IndicatorEntry[] = [
  { id: 'gdp', aliases: ['地区生产总值', '生产总值', 'GDP', '经济总量', '国内生产总值', '地区国内生产总值', '经济规模', '城市经济规模', '全市生产总值', '全省生产总值', '全区生产总值', '全县生产总值', '经济总量', '地区生产总值总量'] },
  { id: 'industrial_value_added', aliases: ['规模以上工业增加值', '规上工业增加值', '工业增加值', '规模工业增加值', '工业增速'] },
  { id: 'industrial_output', aliases: ['规模以上工业总产值', '规上工业总产值', '工业总产值', '规模以上工业产值', '规上工业产值', '规模工业总产值', '规模工业产值'] },
  { id: 'fixed_asset_investment', aliases: ['固定资产投资', '全社会固定资产投资', '固投'] },
  { id: 'industrial_investment', aliases: ['工业投资'] },
  { id: 'retail_sales', aliases: ['社会消费品零售总额', '社零总额', '社会消费品零售额', '限额以上社会消费品零售额', '社会消费品零售', '消费品零售总额', '消费品零售额', '社零额'] },
  // the general budget's names by era: 一般预算收入 (to 2010), 公共财政(预算)收入 (2011–2014), 一般公共预算收入 (since 2015)
  { id: 'general_budget_revenue', aliases: ['一般公共预算收入', '地方一般公共预算收入', '一般预算收入', '地方一般预算收入', '公共财政预算收入', '地方公共财政预算收入', '全部财政收入中一般公共预算收入', '一般公共财政预算收入', '地方一般公共财政预算收入', '公共预算收入', '公共财政收入', '地方公共财政收入', '财政一般预算收入'] },
  { id: 'fiscal_revenue', aliases: ['财政收入', '全口径财政收入', '全部财政收入', '一般公共预算总收入', '财政总收入', '全国财政收入', '财政收支'] },
  { id: 'local_fiscal_revenue', aliases: ['地方级财政收入', '地方财政收入', '市区地方级财政收入', '市区地方财政收入'] },
  { id: 'foreign_trade', aliases: ['进出口总额', '外贸进出口总额', '外贸进出口', '进出口总值', '进出口贸易总额', '货物进出口总额', '货物贸易进出口', '货物贸易', '货物贸易进出口总额', '进出口', '对外贸易', '外贸外资', '外贸', '对外贸易规模'] },
  { id: 'exports', aliases: ['出口总额', '出口额', '出口'] },
  { id: 'disposable_income', aliases: [...ALL_INCOME, '城乡居民收入', '居民收入', '人均可支配收入', '居民可支配收入'] },
  { id: 'urban_disposable_income', aliases: [...URBAN_INCOME, '城镇居民收入', '城镇居民人均收入'] },
  { id: 'rural_disposable_income', aliases: [...RURAL_INCOME, '农村居民收入', '农村居民人均收入', '农民收入'] },
  { id: 'other:农村居民人均纯收入', aliases: RURAL_NET_INCOME },
  { id: 'unemployment_rate', aliases: ['城镇登记失业率', '登记失业率', '城镇调查失业率', '调查失业率', '失业率'] },
  { id: 'new_urban_jobs', aliases: ['城镇新增就业', '新增城镇就业', '新增就业', '城镇新增就业人数', '新增城镇就业人数'] },
  { id: 'cpi', aliases: ['居民消费价格涨幅', '居民消费价格总水平涨幅', '居民消费价格', '居民消费价格指数涨幅', '居民消费价格指数', '消费价格涨幅', '物价涨幅', 'CPI涨幅', 'CPI'] },
  { id: 'rd_intensity', aliases: ['研究与试验发展经费支出占地区生产总值的比重', '研发经费投入强度', 'R&D经费支出占GDP比重', '研究与试验发展经费投入强度', '研发投入强度', '全社会研发投入强度', '研究与试验发展经费支出与国内生产总值之比', '全社会研发经费支出相当于全市生产总值的比例', '研发经费支出相当于地区生产总值的比例', '研究与试验发展经费支出占地区生产总值比重', '全社会研究与试验发展经费支出占地区生产总值的比重', '投入强度', 'R&D经费投入强度', '研发强度'] },
  { id: 'enterprise_rd', aliases: ['企业研究与试验发展经费投入', '企业研发经费投入', '企业研发经费'] },
  { id: 'invention_patents_per_10k', aliases: ['万人有效发明专利拥有量', '每万人口发明专利拥有量', '每万人发明专利拥有量', '每万人口有效发明专利拥有量'] },
  { id: 'high_value_patents', aliases: ['高价值发明专利', '每万人口高价值发明专利拥有量', '高价值发明专利数量', '每万人高价值发明专利拥有量'] },
  { id: 'labor_productivity', aliases: ['全员劳动生产率'] },
  { id: 'industrial_value_added_rate', aliases: ['工业增加值率'] },
  { id: 'agricultural_output', aliases: ['农业生产总值', '农林牧渔业总产值', '农业总产值', '农林牧渔业增加值'] },
  { id: 'grain_output', aliases: ['粮食产量', '粮食总产量', '粮食总产', '粮食综合生产能力', '粮食生产'] },
  { id: 'energy_intensity', aliases: [...family(['单位', '万元'], ['GDP', '地区生产总值', '国内生产总值', '生产总值'], ['能耗', '综合能耗', '能源消耗']), '能源消耗强度', '能耗强度', '能耗'] },
  { id: 'energy_consumption', aliases: ['能源消费总量', '能源消耗总量', '资源能源消耗', '能源消费'] },
  { id: 'carbon_intensity', aliases: ['二氧化碳排放强度', '单位GDP二氧化碳排放', '单位生产总值二氧化碳排放量', '单位生产总值二氧化碳排放', '单位地区生产总值二氧化碳排放', '单位国内生产总值二氧化碳排放', '碳排放强度'] },
  { id: 'pollutant_emissions', aliases: ['主要污染物排放总量', '主要污染物排放量', '节能减排降碳', '主要污染物排放', '节能减排', '节能减排减污降碳', '主要污染物总量减排', '主要污染物重点工程减排量', '污染物排放', '主要污染物减排'] },
  { id: 'production_safety', aliases: ['生产安全事故起数和死亡人数', '重特大事故', '生产安全事故'] },
  { id: 'poverty', aliases: ['农村贫困人口', '贫困村', '贫困人口', '脱贫攻坚成果', '脱贫攻坚战', '规模性返贫', '贫困县'] },
  { id: 'tertiary_value_added', aliases: ['第三产业增加值', '服务业增加值', '三产增加值', '第三产业', '三产'] },
];

/**
 * Conjunct names that have no canonical id but a stable `other:` name, so that
 * "一产、二产、三产增加值" gives the same names in every report.
 */
export const OTHER_NAMES: Readonly<Record<string, string>> = {
  一产增加值: '第一产业增加值', 第一产业增加值: '第一产业增加值', 一产业增加值: '第一产业增加值', 第一产业: '第一产业增加值', 一产: '第一产业增加值',
  二产增加值: '第二产业增加值', 第二产业增加值: '第二产业增加值', 二产业增加值: '第二产业增加值', 第二产业: '第二产业增加值', 二产: '第二产业增加值',
  三产业增加值: '第三产业增加值',
};

/** Short conjuncts that stand for an indicator only inside a list (能耗及排放等约束性指标). */
export const CONJUNCT_ALIASES: Readonly<Record<string, string>> = {
  排放: 'pollutant_emissions',
  污染物排放: 'pollutant_emissions',
  强度: 'energy_intensity',
};

/** Words that narrow or widen an indicator; they go in `scope`. */
export const SCOPE_WORDS: readonly string[] = ['市区', '全口径', '同口径', '可比', '实际', '调查', '货物', '年末', '平均', '限额以上', '限上', '总收入', '全部'];

/**
 * Words right before an indicator that narrow it to a part (a sector, a population, a
 * product group): the figure is that part's, a different statistic, kept as
 * `other:<words><indicator>` ("城镇固定资产投资", "脱贫地区农村居民人均可支配收入",
 * "“新三样”产品出口").
 */
export const NARROWERS: ReadonlyArray<{ readonly ids: readonly string[]; readonly before: RegExp }> = [
  { ids: ['fixed_asset_investment'], before: /(?:城镇|农村|预算内|预算外|民间|国有|(?:全民所有|国有)制单位)$/ },
  { ids: ['disposable_income', 'urban_disposable_income', 'rural_disposable_income'], before: /(?:脱贫地区|贫困地区|脱贫县|贫困县|脱贫人口|贫困人口|低收入农户|建档立卡贫困户|脱贫户)$/ },
  { ids: ['industrial_value_added', 'industrial_output'], before: /(?:纺织|钢铁|化工|装备|医药|食品|电子|汽车|建材|冶金|轻|重|亩均|万元|单位|开发区|园区)$/ },
  { ids: ['tertiary_value_added'], before: /(?:商务|技术|信息|生产性|生活性|科技|金融|租赁|软件|物流|数字|高技术|其他|营利性|非营利性)$/ },
  { ids: ['exports', 'foreign_trade'], before: /(?:[^，,。；;、\s全年]{0,5}(?:产品|商品)|服务|数字)$/ },
];

/**
 * An adjusted scope stated in words: "剔除留抵退税因素后", "扣除…影响", or a bracketed
 * note that narrows or widens the figure's territory ("（不含某县，下同）").
 */
export const ADJUSTED_SCOPE: readonly RegExp[] = [
  /(?:剔除|扣除)[^，,。；;）)]{1,24}?(?:因素|影响)(?:后)?/,
  /(?<=[（(])(?:不)?含[^，,。；;）)]{1,12}/,
];
