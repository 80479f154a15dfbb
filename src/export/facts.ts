/**
 * Reports and their facts as spreadsheet rows: one column list per record,
 * used by the CLI (extracted files) and the API (stored facts) alike. A
 * column that one side does not know stays out of its sheet (`FACT_COLUMNS`
 * filtered), never spelled out a second time.
 */
import type { FileJson } from '../document-json.js';
import { INDICATORS } from '../extract/lexicon/indicators.js';
import { FACT_LABELS, FIRMNESS_LABELS, indicatorName, KIND_LABELS, LEVEL_LABELS, QUALIFIER_LABELS, type Lang } from '../vocab.js';
import { col, type Column } from './table.js';

/** One fact, from an extracted file (`file`, `part`) or from the store (`id`, `document_id`). */
export interface FactRow {
  id?: number;
  document_id?: number;
  file?: string;
  part?: number;
  jurisdiction: string | null;
  level?: string | null;
  report_year: number | null;
  year?: number | null;
  fact: string;
  indicator: string | null;
  indicator_name?: string;
  kind: string | null;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  qualifier: string | null;
  scope: string | null;
  estimated?: boolean;
  headline?: boolean;
  deadline?: string;
  firmness?: string;
  section?: string;
  text: string;
  start: number;
  end: number;
  source_start: number;
  source_end: number;
}

export const FACT_COLUMNS: readonly Column<FactRow>[] = [
  col('id', '编号', 'id', { type: 'number' }),
  col('document_id', '报告编号', 'document_id', { type: 'number' }),
  col('file', '文件', 'file'),
  col('part', '文件中第几份', 'part', { type: 'number' }),
  col('jurisdiction', '地区', 'jurisdiction'),
  col('level', '层级', 'level', { labels: LEVEL_LABELS }),
  col('report_year', '报告年份', 'report_year', { type: 'number' }),
  col('year', '所属年份', 'year', { type: 'number' }),
  col('fact', '类别', 'fact', { labels: FACT_LABELS }),
  col('indicator', '指标代码', 'indicator'),
  col('indicator_name', '指标', 'indicator_name'),
  col('kind', '指标类型', 'kind', { labels: KIND_LABELS }),
  col('value', '数值', 'value', { type: 'number' }),
  col('value_max', '数值上限', 'value_max', { type: 'number' }),
  col('unit', '单位', 'unit'),
  col('qualifier', '限定', 'qualifier', { labels: QUALIFIER_LABELS }),
  col('scope', '口径', 'scope'),
  col('estimated', '预计数', 'estimated'),
  col('headline', '主要指标', 'headline'),
  col('deadline', '时限', 'deadline'),
  col('firmness', '约束性', 'firmness', { labels: FIRMNESS_LABELS }),
  col('section', '所在章节', 'section'),
  col('text', '原文', 'text', { type: 'long' }),
  col('start', '正文起点', 'start', { type: 'number' }),
  col('end', '正文终点', 'end', { type: 'number' }),
  col('source_start', '原文件起点', 'source_start', { type: 'number' }),
  col('source_end', '原文件终点', 'source_end', { type: 'number' }),
];

/** The columns a sheet of stored facts has (no file or part: the report's number says where). */
export const STORED_FACT_COLUMNS = FACT_COLUMNS.filter((c) => c.key !== 'file' && c.key !== 'part');
/** The columns of extracted files' facts (nothing stored yet, so no numbers). */
export const EXTRACTED_FACT_COLUMNS = FACT_COLUMNS.filter((c) => c.key !== 'id' && c.key !== 'document_id' && c.key !== 'level');

const aliasOf = (id: string) => INDICATORS.find((e) => e.id === id)?.aliases[0];

/** An indicator's name as a sheet shows it, in the sheet's language. */
export const indicatorCell = (id: string | null | undefined, lang: Lang) => indicatorName(id, lang, aliasOf);

/** The stored facts' rows (the API's fact records), with the indicator's name. */
export function storedFactRows<F extends Omit<FactRow, 'indicator_name'>>(facts: readonly F[], lang: Lang): FactRow[] {
  return facts.map((f) => ({ ...f, indicator_name: indicatorCell(f.indicator, lang) }));
}

export function factRows(files: FileJson[], lang: Lang = 'zh'): FactRow[] {
  const rows: FactRow[] = [];
  for (const f of files) {
    for (const d of f.documents) {
      const base = { file: f.file, part: d.part, jurisdiction: d.jurisdiction ?? null, report_year: d.report_year ?? null };
      const blank = { kind: null, value: null, value_max: null, unit: null, qualifier: null, scope: null };
      const span = (s: { start: number; end: number; sourceStart: number; sourceEnd: number }) => ({ start: s.start, end: s.end, source_start: s.sourceStart, source_end: s.sourceEnd });
      for (const t of d.targets) {
        rows.push({
          ...base, ...blank, fact: 'target', year: t.year, indicator: t.indicator, indicator_name: indicatorCell(t.indicator, lang), kind: t.kind, value: t.value ?? null,
          value_max: t.value_max ?? null, unit: t.unit ?? null, qualifier: t.qualifier, scope: t.scope ?? null, firmness: t.firmness, text: t.text, ...span(t.span),
        });
      }
      for (const o of d.outcomes) {
        rows.push({
          ...base, ...blank, fact: 'outcome', year: o.year, indicator: o.indicator, indicator_name: indicatorCell(o.indicator, lang), kind: o.kind, value: o.value ?? null,
          value_max: o.value_max ?? null, unit: o.unit ?? null, qualifier: o.qualifier, scope: o.scope ?? null, estimated: o.estimated, headline: o.headline,
          text: o.text, ...span(o.span),
        });
      }
      for (const c of d.commitments) {
        rows.push({
          ...base, ...blank, fact: 'commitment', year: c.year, indicator: c.indicator ?? null, indicator_name: indicatorCell(c.indicator, lang), value: c.value ?? null,
          value_max: c.value_max ?? null, unit: c.unit ?? null, qualifier: c.qualifier ?? null, deadline: c.deadline, firmness: c.firmness,
          section: c.section_path.join(' / '), text: c.text, ...span(c.span),
        });
      }
    }
  }
  return rows;
}

/** A stored report as a row of the library's sheet. */
export interface DocumentRow {
  id: number;
  jurisdiction: string | null;
  province: string | null;
  level: string | null;
  report_year: number | null;
  review_year: number | null;
  date: string | null;
  doc_type: string;
  script: string;
  n_targets: number;
  n_outcomes: number;
  n_commitments: number;
  duplicates: number;
  file_name: string;
  part: number;
}

const DOC_TYPE_LABELS = { full: ['全文', 'full'], summary: ['摘要', 'summary'], interpretation: ['解读', 'interpretation'] } as const;
const SCRIPT_LABELS = { simplified: ['简体', 'simplified'], traditional: ['繁体', 'traditional'] } as const;

export const DOC_COLUMNS: readonly Column<DocumentRow>[] = [
  col('id', '编号', 'id', { type: 'number' }),
  col('jurisdiction', '地区', 'jurisdiction'),
  col('province', '所属省份', 'province'),
  col('level', '层级', 'level', { labels: LEVEL_LABELS }),
  col('report_year', '报告年份', 'report_year', { type: 'number' }),
  col('review_year', '回顾年份', 'review_year', { type: 'number' }),
  col('date', '日期', 'date'),
  col('doc_type', '文本类型', 'doc_type', { labels: DOC_TYPE_LABELS }),
  col('script', '字体', 'script', { labels: SCRIPT_LABELS }),
  col('n_targets', '目标数', 'n_targets', { type: 'number' }),
  col('n_outcomes', '实绩数', 'n_outcomes', { type: 'number' }),
  col('n_commitments', '任务数', 'n_commitments', { type: 'number' }),
  col('duplicates', '重复文件数', 'duplicates', { type: 'number' }),
  col('file_name', '文件名', 'file_name'),
  col('part', '文件中第几份', 'part', { type: 'number' }),
];

/** A stored file's name without the folders it was imported from: server paths are nobody's business. */
export const publicName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** One search hit's snippet as a row. */
export interface SearchRow {
  document_id: number;
  jurisdiction: string | null;
  report_year: number | null;
  matches: number;
  start: number;
  before: string;
  match: string;
  after: string;
}

export const SEARCH_COLUMNS: readonly Column<SearchRow>[] = [
  col('document_id', '报告编号', 'document_id', { type: 'number' }),
  col('jurisdiction', '地区', 'jurisdiction'),
  col('report_year', '报告年份', 'report_year', { type: 'number' }),
  col('matches', '命中次数', 'matches', { type: 'number' }),
  col('start', '位置', 'start', { type: 'number' }),
  col('before', '前文', 'before', { type: 'long' }),
  col('match', '命中', 'match'),
  col('after', '后文', 'after', { type: 'long' }),
];
