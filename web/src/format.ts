/** Small formatting helpers every view uses: indicator names, numbers, values with qualifiers, dates, rates. */
import type { I18n, Lang } from './i18n';
import { INDICATORS } from './types';

/** Canonical indicator ids (src/extract/lexicon/indicators.ts) and the wording reports use first. */
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

/** An indicator's name: the wording above, else the lexicon's first wording; `other:` names are the report's own words. */
export function indicatorLabel(id: string | null | undefined, lang: Lang): string {
  if (!id) return '—';
  if (id.startsWith('other:')) return id.slice(6);
  const zh = INDICATOR_ZH[id] ?? INDICATORS.find((e) => e.id === id)?.aliases[0];
  if (lang === 'zh') return zh ?? id;
  return id.replace(/_/g, ' ').replace(/^gdp$/, 'GDP').replace(/^cpi$/, 'CPI');
}

/** 增速 / 总量 / 定性表述 for a fact's kind. */
export const kindLabel = (kind: string | null | undefined, { lookup, t }: Pick<I18n, 'lookup' | 't'>): string => (kind ? lookup(`kind.${kind}`) ?? kind : t('none'));

/** 确数 / 约数（左右）/ 下限（以上）… for a fact's qualifier. */
export const qualifierLabel = (q: string | null | undefined, { lookup, t }: Pick<I18n, 'lookup' | 't'>): string => (q ? lookup(`qn.${q}`) ?? q : t('none'));

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

/** 7%左右 / about 7% ; 6%-7% */
export function formatValue(
  f: { value?: number | null; value_max?: number | null; unit?: string | null; qualifier?: string | null },
  { lookup, lang }: Pick<I18n, 'lookup' | 'lang'>,
): string {
  if (f.value === null || f.value === undefined) return '—';
  const unit = f.unit ?? '';
  const core = f.value_max !== null && f.value_max !== undefined ? `${num(f.value)}–${num(f.value_max)}${unit}` : `${num(f.value)}${unit}`;
  const qual = f.qualifier ? lookup(`q.${f.qualifier}`) ?? f.qualifier : '';
  if (!qual) return core;
  return lang === 'zh' ? `${core}${qual}` : `${qual} ${core}`;
}

export function levelLabel(level: string | null | undefined, { lookup }: Pick<I18n, 'lookup'>): string {
  return level ? lookup(`level.${level}`) ?? level : '—';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A stored instant in the browser's local time, `2023-06-15 10:00`. */
export function when(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A rate as a percentage with one decimal, `—` when there is none. */
export const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** Whether `value` (from a URL, say) is one of `list`. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
