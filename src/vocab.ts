/**
 * Vocabularies shared by the server, the CLI and the web app: pure constants
 * with no imports, so the browser bundle can take them as they are.
 */

/** Administrative levels of the government that delivers a report. */
export const LEVELS = ['national', 'province', 'prefecture', 'county', 'district'] as const;
export type Level = (typeof LEVELS)[number];

/** Kinds of a report's top-level parts: review of last year, plan for this year, the government's own conduct (自身建设)… */
export const PARTS = ['review', 'plan', 'self_building', 'preamble', 'other'] as const;
export type PartKind = (typeof PARTS)[number];

/** 满意 / 基本满意 / 不满意: the three answers of every satisfaction rating (票决 year-end vote, 建议/提案 replies). */
export const SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' };

/**
 * What a promise's check can say: met (已完成), missed (未完成), not reported
 * (未提及: the next report is silent), not comparable (不可比: only a related
 * measure is given), needs review (待核实: the evidence is too weak to decide),
 * and partly met (部分完成), which only a reviewer's ruling gives.
 *
 * 部分完成, the rule: the promise has several parts and the review shows some
 * met and others missed (建成A、B、C三个项目 → A and B done, C not started),
 * or one figure is reached in part of the stated scope only (全市农村公路改造
 * 300公里 → the target reached in two of five counties). A single figure
 * short of its bound is 未完成, not 部分完成: a missed target is never
 * softened by how close it came. The matcher never produces it, since
 * weighing parts against a whole is a judgement a person signs.
 */
export const VERDICTS = ['met', 'missed', 'not_reported', 'not_comparable', 'needs_review', 'partly_met'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** 完成 / 基本完成 / 推进中 / 未完成: the year-end states of a 督办 task, as a 完成情况报告 sorts them. */
export const FINAL_STATES = ['done', 'mostly_done', 'ongoing', 'not_done'] as const;
export type FinalState = (typeof FINAL_STATES)[number];
export const FINAL_STATE_LABELS: Record<FinalState, string> = { done: '完成', mostly_done: '基本完成', ongoing: '推进中', not_done: '未完成' };

/** The verdicts the matcher gives (all but 部分完成). */
export const MACHINE_VERDICTS = ['met', 'missed', 'not_reported', 'not_comparable', 'needs_review'] as const satisfies readonly Verdict[];
export type MachineVerdict = (typeof MACHINE_VERDICTS)[number];

/** Each verdict's ink on screen (badges, charts, CSS variables --met…): green done, red missed, grey silent, amber other measure, violet unsure, olive in part. */
export const VERDICT_INKS: Record<Verdict, string> = {
  met: '#15803d',
  missed: '#b91c1c',
  not_reported: '#6b7280',
  not_comparable: '#b45309',
  needs_review: '#7c3aed',
  partly_met: '#65a30d',
};

/** How an item that no reviewer has ruled on is marked (the machine's verdict is a proposal). */
export const MACHINE_MARK = { zh: '机器初判', en: 'Machine verdict' } as const;

/** Every vocabulary's values by name, Chinese first: `[zh, en]`. Exports, the CLI and the web app read the same names. */
export type Lang = 'zh' | 'en';
export type Labels<K extends string> = Readonly<Record<K, readonly [zh: string, en: string]>>;

/** A code by its name in `lang`; an unknown code (a vocabulary grown elsewhere, an `other:` indicator) passes as it is. */
export function labelOf<K extends string>(labels: Labels<K>, code: string | null | undefined, lang: Lang = 'zh'): string {
  if (code === null || code === undefined || code === '') return '';
  return Object.hasOwn(labels, code) ? labels[code as K][lang === 'zh' ? 0 : 1] : code;
}

export const LEVEL_LABELS: Labels<Level> = { national: ['全国', 'national'], province: ['省级', 'province'], prefecture: ['地市级', 'prefecture'], county: ['县级', 'county'], district: ['区级', 'district'] };

export const PART_LABELS: Labels<PartKind> = { review: ['工作回顾', 'review'], plan: ['今年安排', 'plan'], self_building: ['政府自身建设', 'self-improvement'], preamble: ['开篇', 'opening'], other: ['其他', 'other'] };

/**
 * The one wording of each verdict wherever a person reads it (web, CLI text,
 * CSV/XLSX headers and cells, print), Chinese and the English toggle; APIs
 * keep the codes.
 */
export const VERDICT_LABELS: Labels<Verdict> = {
  met: ['已完成', 'Met'],
  missed: ['未完成', 'Missed'],
  not_reported: ['未提及', 'Not reported'],
  not_comparable: ['不可比', 'Not comparable'],
  needs_review: ['待核实', 'Needs review'],
  partly_met: ['部分完成', 'Partly met'],
};

/** The three kinds of fact a report yields: 预期目标, 上年实绩, 量化任务. */
export const FACTS = ['target', 'outcome', 'commitment'] as const;
export type FactName = (typeof FACTS)[number];
export const FACT_LABELS: Labels<FactName> = { target: ['目标', 'target'], outcome: ['实绩', 'outcome'], commitment: ['任务', 'commitment'] };

/** A figure is a growth rate (增速), a level (总量) or no figure at all (定性). */
export const FACT_KINDS = ['growth', 'level', 'qualitative'] as const;
export type FactKindName = (typeof FACT_KINDS)[number];
export const KIND_LABELS: Labels<FactKindName> = { growth: ['增速', 'growth rate'], level: ['总量', 'level'], qualitative: ['定性表述', 'qualitative'] };

/** How a figure is bounded: 确数, 左右, 以上, 以内, a range. */
export const QUALIFIERS = ['exact', 'about', 'at_least', 'at_most', 'range'] as const;
export type QualifierName = (typeof QUALIFIERS)[number];
export const QUALIFIER_LABELS: Labels<QualifierName> = { exact: ['确数', 'exact'], about: ['约数（左右）', 'about'], at_least: ['下限（以上）', 'at least'], at_most: ['上限（以内）', 'at most'], range: ['区间', 'range'] };

/** How binding the report's wording is (确保 hard, 力争 soft). */
export const FIRMNESS = ['hard', 'soft', 'neutral'] as const;
export type Firmness = (typeof FIRMNESS)[number];
export const FIRMNESS_LABELS: Labels<Firmness> = { hard: ['确保（刚性）', 'firm'], soft: ['力争（弹性）', 'aspirational'], neutral: ['一般', 'plain'] };

/** States of a 督办 task (the workflow in src/ledger/workflow.ts moves between them). */
export const STATES = ['draft', 'assigned', 'accepted', 'in_progress', 'completion_requested', 'under_review', 'closed'] as const;
export type TaskState = (typeof STATES)[number];
export const STATE_LABELS: Labels<TaskState> = {
  draft: ['草稿', 'draft'], assigned: ['已交办', 'assigned'], accepted: ['已签收', 'accepted'], in_progress: ['办理中', 'in progress'],
  completion_requested: ['申请办结', 'completion requested'], under_review: ['复核中', 'under review'], closed: ['已办结', 'closed'],
};

/** Traffic lights (红黄绿灯) of open tasks; a draft has none. */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Labels<Light> = { green: ['绿灯', 'green'], yellow: ['黄灯', 'yellow'], red: ['红灯', 'red'] };

/** Where a task came from: a report's target or commitment, typed in, or a project deputies elected (票决). */
export const SOURCE_KINDS = ['target', 'commitment', 'manual', 'voted_project'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Labels<SourceKind> = { target: ['目标', 'target'], commitment: ['任务', 'commitment'], manual: ['手工添加', 'added by hand'], voted_project: ['票决民生实事', 'voted livelihood project'] };

/** Yes and no in a spreadsheet cell. */
export const YES_NO: Labels<'yes' | 'no'> = { yes: ['是', 'yes'], no: ['否', 'no'] };

/** Canonical indicator ids (src/extract/lexicon/indicators.ts) by the wording reports use first. */
export const INDICATOR_ZH: Record<string, string> = {
  gdp: '地区生产总值',
  industrial_value_added: '规上工业增加值',
  industrial_output: '规上工业总产值',
  fixed_asset_investment: '固定资产投资',
  industrial_investment: '工业投资',
  retail_sales: '社会消费品零售总额',
  general_budget_revenue: '一般公共预算收入',
  fiscal_revenue: '财政收入',
  local_fiscal_revenue: '地方级财政收入',
  foreign_trade: '外贸进出口总额',
  exports: '出口总额',
  disposable_income: '居民人均可支配收入',
  urban_disposable_income: '城镇居民人均可支配收入',
  rural_disposable_income: '农村居民人均可支配收入',
  unemployment_rate: '城镇失业率',
  new_urban_jobs: '城镇新增就业',
  cpi: '居民消费价格涨幅',
  rd_intensity: '研发经费投入强度',
  enterprise_rd: '企业研发经费投入',
  invention_patents_per_10k: '万人有效发明专利拥有量',
  high_value_patents: '高价值发明专利',
  labor_productivity: '全员劳动生产率',
  industrial_value_added_rate: '工业增加值率',
  agricultural_output: '农业总产值',
  grain_output: '粮食产量',
  energy_intensity: '单位GDP能耗',
  energy_consumption: '能源消费总量',
  carbon_intensity: '二氧化碳排放强度',
  pollutant_emissions: '主要污染物排放',
  production_safety: '生产安全事故',
  poverty: '贫困人口',
  tertiary_value_added: '第三产业增加值',
};

/**
 * An indicator's name: the wording above, else the lexicon's first wording (`aliasOf`, since this
 * module imports nothing); `other:` names are the report's own words. In English the id in words.
 */
export function indicatorName(id: string | null | undefined, lang: Lang = 'zh', aliasOf?: (id: string) => string | undefined): string {
  if (!id) return '';
  if (id.startsWith('other:')) return id.slice(6);
  if (lang === 'zh') return INDICATOR_ZH[id] ?? aliasOf?.(id) ?? id;
  return id.replace(/_/g, ' ').replace(/^gdp$/, 'GDP').replace(/^cpi$/, 'CPI');
}

/** Colours (RRGGBB) of verdicts and lights, as a spreadsheet's cell fills and a printed table's backgrounds: Excel's good / bad / neutral. */
export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = { met: 'C6EFCE', missed: 'FFC7CE', not_reported: 'FFEB9C', not_comparable: 'E7E6E6', needs_review: 'DDEBF7', partly_met: 'E2EFDA' };
export const LIGHT_COLOURS: Readonly<Record<Light, string>> = { green: 'C6EFCE', yellow: 'FFEB9C', red: 'FFC7CE' };
