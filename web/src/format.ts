/** Small formatting helpers every view uses: indicator names, numbers, values with qualifiers, dates, rates. */
import type { I18n, Lang } from './i18n';
import { INDICATORS } from './types';
import { indicatorName } from '../../src/vocab';
export { INDICATOR_ZH } from '../../src/vocab';


/** An indicator's name: the wording above, else the lexicon's first wording; `other:` names are the report's own words. */
export function indicatorLabel(id: string | null | undefined, lang: Lang): string {
  if (!id) return '—';
  if (id.startsWith('other:')) return id.slice(6);
  return indicatorName(id, lang, (x) => INDICATORS.find((e) => e.id === x)?.aliases[0]);
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
