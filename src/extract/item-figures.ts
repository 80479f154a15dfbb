/**
 * How one figure of an indicator clause reads: the qualifier around it
 * (左右, 以上, 不低于), its kind and sign from the verb before it (增长 / 下降 /
 * 达到), the scope words of its clause, the units its indicator can take, and
 * whether it counts anything at all (not 千方百计, not 以下八方面).
 */
import { spanOf, type Source } from '../ingest/source.js';
import type { FactKind, IndicatorFigure, Qualifier } from '../model.js';
import type { Figure } from './numbers.js';
import type { Item } from './items.js';
import { ENUMERATION_AFTER, FALL_VERBS, NUMERAL_IDIOMS, POST_QUALIFIERS, PRE_QUALIFIERS, RISE_VERBS } from './lexicon/grammar.js';
import { ADJUSTED_SCOPE, SCOPE_WORDS } from './lexicon/indicators.js';

/** A rate of change as a noun before the verb that gives its value. */
const RATE_NOUN = /(增速|增幅|增长率|增长速度|降幅|降低率|下降率|降速|减幅)(?:保持|实现|分别)?(?:为|达到|达|在|保持在|稳定在|是|超过|突破|超|不低于|高于)?$/;

/**
 * The figure of an item as a target or outcome carries it, with the words
 * `text[start..end)` (end moved over a following qualifier) and their span.
 */
export function figureOf(it: Item, source: Source, base: number, text: string, start: number, end: number): IndicatorFigure {
  const stop = endWithQualifier(text, end);
  return {
    indicator: it.indicator,
    kind: it.kind,
    ...(it.value !== undefined ? { value: it.value } : {}),
    ...(it.value_max !== undefined ? { value_max: it.value_max } : {}),
    ...(it.unit ? { unit: it.unit } : {}),
    qualifier: it.qualifier,
    ...(it.scope ? { scope: it.scope } : {}),
    text: text.slice(start, stop),
    span: spanOf(source, base + start, base + stop),
  };
}

/** An item's end moved over the qualifier that follows its figure (增长7%左右), so its words are whole. */
export function endWithQualifier(text: string, end: number): number {
  const m = /^(?:左右|以上|以内|以下|上下)/.exec(text.slice(end, end + 2));
  return m ? end + m[0].length : end;
}

export function postQualifier(text: string, at: number): Qualifier | undefined {
  const rest = text.slice(at, at + 4).replace(/^[ ]/, '');
  for (const [w, q] of POST_QUALIFIERS) if (rest.startsWith(w)) return q;
  if (rest.startsWith('多')) return 'at_least';
  return undefined;
}

export function preQualifier(pred: string): Qualifier | undefined {
  const tail = pred.replace(/[在为了]$/, '').slice(-4);
  for (const [w, q] of PRE_QUALIFIERS) if (tail.endsWith(w)) return q;
  return undefined;
}

export function scopeOf(s: string): string[] {
  const out: string[] = [];
  for (const w of SCOPE_WORDS) if (s.includes(w)) out.push(w);
  for (const re of ADJUSTED_SCOPE) {
    const m = re.exec(s);
    if (m) out.push(m[0]);
  }
  const rel = /(高于|快于|低于)(全国|全省|全市)(平均水平)?/.exec(s);
  if (rel) out.push(rel[0]);
  return out;
}

export function kindOf(indicator: string, pred: string, unit: string, figureText: string): { kind: FactKind; sign: number } {
  const p = pred.replace(/[ ]/g, '').replace(/(?:\d{4}年)(?:的)?$/, '').replace(/(?:的)$/, '');
  const isFall = FALL_VERBS.some((v) => p.includes(v)) || /^降/.test(p) || /降$/.test(p);
  const toLevel = /(?:到|至|为|达到|达|突破|超过|控制在|保持在|稳定在|跨上|迈上|跃上|降到|降至|回落到|升至)$/.test(p.replace(/[了在]$/, (m) => (m === '在' ? '在' : '')));
  if (indicator === 'cpi') return { kind: 'level', sign: isFall && !toLevel ? -1 : 1 };
  // a rate of change named as a noun and then given a value (增速达到9%, 降低率达3.5%) is a growth
  const rate = RATE_NOUN.exec(p);
  if (rate && (unit === '%' || unit === '个百分点')) return { kind: 'growth', sign: /降|减/.test(rate[1]) ? -1 : 1 };
  if (toLevel && !/(?:增长|增加|下降|减少)(?:了)?$/.test(p)) return { kind: 'level', sign: 1 };
  if (isFall) return { kind: 'growth', sign: -1 };
  if (RISE_VERBS.some((v) => p.includes(v))) return { kind: 'growth', sign: 1 };
  if (unit === '个百分点') return { kind: 'growth', sign: 1 };
  void figureText;
  return { kind: 'level', sign: 1 };
}

/** Units an indicator can take (besides %, 个百分点, 倍). */
const UNIT_FAMILY: Readonly<Record<string, RegExp>> = {
  gdp: /元$/, industrial_value_added: /元$/, industrial_output: /元$/, fixed_asset_investment: /元$/, industrial_investment: /元$/,
  retail_sales: /元$/, general_budget_revenue: /元$/, fiscal_revenue: /元$/, local_fiscal_revenue: /元$/, foreign_trade: /元$/, exports: /元$/,
  disposable_income: /元$/, urban_disposable_income: /元$/, rural_disposable_income: /元$/, tertiary_value_added: /元$/, agricultural_output: /元$/,
  new_urban_jobs: /^万?人$/, grain_output: /(?:斤|吨)$/, unemployment_rate: /^$/, cpi: /^$/, rd_intensity: /^$/, energy_intensity: /^$/, carbon_intensity: /^$/,
  poverty: /^(?:万|万人|人|个|万户|户)$/, high_value_patents: /^件$/, invention_patents_per_10k: /^件$/, labor_productivity: /元/,
};

export function unitFits(id: string, unit: string): boolean {
  if (unit === '%' || unit === '个百分点' || unit === '倍') return true;
  const fam = UNIT_FAMILY[id];
  return fam ? fam.test(unit) : true;
}

/** NUMERAL_IDIOMS by the char code they start with. */
const IDIOMS_BY_FIRST = new Map<number, string[]>();
for (const idiom of NUMERAL_IDIOMS) {
  const k = idiom.charCodeAt(0);
  IDIOMS_BY_FIRST.set(k, [...(IDIOMS_BY_FIRST.get(k) ?? []), idiom]);
}
let idiomText: string | undefined;
let idiomSpans: [start: number, end: number][] = [];
/**
 * Where NUMERAL_IDIOMS occur in `text` (every occurrence, overlaps included). Found once per
 * text: callers ask for each figure of the same clause in turn, and searching the whole text
 * for every idiom per figure was a hot spot.
 */
function idiomsIn(text: string): [number, number][] {
  if (text !== idiomText) {
    idiomSpans = [];
    // one walk over the text, trying only the idioms that start with each character
    // (a search of the whole text per idiom cost ~1 % of the pipeline)
    for (let at = 0; at < text.length; at++) {
      const cands = IDIOMS_BY_FIRST.get(text.charCodeAt(at));
      if (cands) for (const idiom of cands) if (text.startsWith(idiom, at)) idiomSpans.push([at, at + idiom.length]);
    }
    idiomText = text;
  }
  return idiomSpans;
}

/**
 * Whether a figure counts something. Not when its numerals are words of a set
 * phrase (千方百计), when it names a formula in quotes (“两个维护”, “3个70%”),
 * or when the report counts its own parts (以下八方面工作).
 */
export function countsSomething(text: string, f: Figure): boolean {
  for (const [at, end] of idiomsIn(text)) if (f.start < end && f.end > at) return false;
  const after = text.slice(f.end, f.end + 4);
  if (ENUMERATION_AFTER.test(after) || (f.unit === '方' && after.startsWith('面'))) return false;
  if (f.chinese && /[“「"]$/.test(text.slice(0, f.start))) return false;
  // inside a short quotation: a name ("3个70%", "两个健康"), not a quantity
  const open = text.lastIndexOf('“', f.start);
  const close = text.indexOf('”', f.end);
  if (open >= 0 && close >= 0 && close - open <= 10 && !text.slice(open, f.start).includes('”')) return false;
  return true;
}

/** Drops figures that only modify a noun (5000万元以上项目220个) or start a 由…到 pair. */
export function usableFigures(text: string, figs: Figure[]): Figure[] {
  return figs.filter((f, i) => {
    if (!countsSomething(text, f)) return false;
    const after = text.slice(f.end, f.end + 8);
    const later = figs.slice(i + 1);
    if (later.length && /^(?:以上|以下|及以上)?(?:的)?(?:重点|重大|产业|工业|项目|企业|规模|级|大项目|投资项目|园区)/.test(after)) return false;
    const before = text.slice(Math.max(0, f.start - 8), f.start);
    if (later.length && /(?:由|从|比|较)(?:上年|去年|\d{4}年)?(?:的)?$/.test(before)) return false;
    if (later.length && /^(?:转为|提高到|提高至|增长到|增加到|上升到|上升至|下降到|下降至|降至|降到|增至|提升至|提升到)/.test(after)) return false;
    if (/^[ ]?(?:倍)?(?:的)?(?:标准|水平)/.test(after) && f.unit === '') return false;
    // a change of rank (前移2个位次) is a ranking, not a quantity
    if (/^位次/.test(after)) return false;
    if (f.unit === '' && !/^(?:多)?[ ]?(?:$|[，。；、])/.test(after)) return false;
    return true;
  });
}
