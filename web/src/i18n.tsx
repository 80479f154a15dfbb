/** Chinese first; English on request. The choice is kept in localStorage and `?lang=` in the URL wins. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  'app.name': '落实',
  'app.tagline': '政府工作报告：说了什么，做到了没有',
  'nav.library': '报告库',
  'nav.search': '检索',
  'nav.check': '核对',
  'nav.compare': '对比',
  'lang.switch': 'English',
  loading: '加载中…',
  colon: '：',
  all: '全部',
  none: '—',
  yes: '是',
  no: '否',
  'dl.csv': '下载 CSV',
  'dl.xlsx': '下载 XLSX',
  'lib.title': '报告库',
  'lib.level': '层级',
  'lib.place': '地区',
  'lib.year': '年份',
  'lib.placeholder': '如 四平市',
  'lib.total': '共 {n} 份报告',
  'lib.empty': '还没有符合条件的报告。把报告文件拖到上方即可导入。',
  'col.place': '地区',
  'col.province': '所属省份',
  'col.year': '报告年份',
  'col.level': '层级',
  'col.type': '类型',
  'col.date': '日期',
  'col.targets': '目标',
  'col.outcomes': '实绩',
  'col.commitments': '任务',
  'col.file': '文件',
  'up.drop': '把报告文件拖到这里导入，或',
  'up.choose': '选择文件',
  'up.hint': '纯文本、网页、Word（.docx）；单个文件不超过 32 MiB。PDF 和图片需先转成文字。',
  'up.uploading': '上传中',
  'up.imported': '已导入',
  'up.duplicate': '已在库中，未重复导入',
  'up.failed': '导入失败',
  'up.docs': '{n} 份文档',
  'up.open': '打开',
  'rd.back': '返回报告库',
  'rd.outline': '目录',
  'rd.noSections': '未识别出章节',
  'rd.warnings': '处理提示（修复与疑点）',
  'rd.duplicates': '内容相同的其他文件',
  'rd.hint': '点击高亮处查看结构化字段和原文件位置',
  'rd.check': '核对本报告的承诺 →',
  'rd.facts': '本报告的事实',
  'rd.selected': '所选事实',
  'rd.offset': '文本位置',
  'rd.source': '原文件位置',
  'rd.meta': '{place} {year}年 政府工作报告',
  'rd.unknown': '未识别的报告',
  'fact.target': '目标',
  'fact.outcome': '实绩',
  'fact.commitment': '任务',
  'f.indicator': '指标',
  'f.kind': '类型',
  'f.value': '数值',
  'f.value_max': '上限',
  'f.unit': '单位',
  'f.qualifier': '限定',
  'f.scope': '口径',
  'f.year': '年份',
  'f.headline': '主要指标',
  'f.estimated': '预计数',
  'f.text': '原句',
  'sc.title': '承诺核对',
  'sc.intro': '用次年报告的回顾，逐条核对一份报告的目标和量化任务。',
  'sc.place': '地区',
  'sc.year': '承诺年份',
  'sc.go': '核对',
  'sc.pick': '选择地区和年份。需要该年和次年两份报告。',
  'sc.plan': '承诺（{label}）',
  'sc.review': '证据（{label}）',
  'sc.headline': '主要指标',
  'sc.other': '其他量化任务',
  'sc.verdict': '结论',
  'sc.indicator': '指标',
  'sc.promise': '承诺',
  'sc.target': '目标',
  'sc.outcome': '实绩',
  'sc.rule': '依据',
  'sc.noEvidence': '次年报告中没有找到对应的数字。',
  'sc.note': '说明',
  'sc.revised': '次年报告所述的目标',
  'sc.estimated': '预计',
  'sc.expand': '展开',
  'sc.open': '在报告中查看',
  'v.met': '已完成',
  'v.missed': '未完成',
  'v.not_reported': '未报告',
  'v.not_comparable': '不可比',
  'cmp.title': '指标对比',
  'cmp.intro': '同一指标在各地、各年的目标与实绩。',
  'cmp.indicator': '指标',
  'cmp.measure': '口径',
  'cmp.target': '目标',
  'cmp.outcome': '实绩',
  'cmp.diff': '差距',
  'cmp.empty': '没有这个指标的数据。',
  'cmp.targets': '目标表',
  'cmp.outcomes': '实绩表',
  'sr.title': '全文检索',
  'sr.q': '关键词',
  'sr.placeholder': '任意词语，如 高标准农田',
  'sr.go': '检索',
  'sr.part': '章节',
  'sr.from': '起始年份',
  'sr.to': '截止年份',
  'sr.total': '{n} 份报告命中',
  'sr.matches': '{n} 处',
  'sr.empty': '没有找到。',
  'level.national': '全国',
  'level.province': '省级',
  'level.prefecture': '地市级',
  'level.county': '县级',
  'level.district': '区级',
  'part.review': '工作回顾',
  'part.plan': '今年安排',
  'part.self_building': '政府自身建设',
  'part.preamble': '开篇',
  'part.other': '其他',
  'q.about': '左右',
  'q.at_least': '以上',
  'q.at_most': '以内',
  'q.exact': '',
  'q.range': '',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'app.name': 'Luoshi',
  'app.tagline': 'Government work reports: what was promised, what was done',
  'nav.library': 'Library',
  'nav.search': 'Search',
  'nav.check': 'Scorecard',
  'nav.compare': 'Compare',
  'lang.switch': '中文',
  loading: 'Loading…',
  colon: ': ',
  all: 'All',
  none: '—',
  yes: 'yes',
  no: 'no',
  'dl.csv': 'Download CSV',
  'dl.xlsx': 'Download XLSX',
  'lib.title': 'Report library',
  'lib.level': 'Level',
  'lib.place': 'Place',
  'lib.year': 'Year',
  'lib.placeholder': 'e.g. 四平市',
  'lib.total': '{n} reports',
  'lib.empty': 'No reports match. Drop report files above to import them.',
  'col.place': 'Place',
  'col.province': 'Province',
  'col.year': 'Report year',
  'col.level': 'Level',
  'col.type': 'Type',
  'col.date': 'Date',
  'col.targets': 'Targets',
  'col.outcomes': 'Outcomes',
  'col.commitments': 'Commitments',
  'col.file': 'File',
  'up.drop': 'Drop report files here to import them, or',
  'up.choose': 'choose files',
  'up.hint': 'Plain text, web pages, Word (.docx); up to 32 MiB each. Convert PDFs and images to text first.',
  'up.uploading': 'Uploading',
  'up.imported': 'Imported',
  'up.duplicate': 'Already stored, not imported again',
  'up.failed': 'Import failed',
  'up.docs': '{n} document(s)',
  'up.open': 'Open',
  'rd.back': 'Back to the library',
  'rd.outline': 'Outline',
  'rd.noSections': 'No sections found',
  'rd.warnings': 'Processing notes (repairs and doubts)',
  'rd.duplicates': 'Other files with the same content',
  'rd.hint': 'Click a highlight to see its fields and its place in the original file',
  'rd.check': 'Check this report’s promises →',
  'rd.facts': 'Facts in this report',
  'rd.selected': 'Selected fact',
  'rd.offset': 'Text offsets',
  'rd.source': 'Original file offsets',
  'rd.meta': '{place} {year} government work report',
  'rd.unknown': 'Unidentified report',
  'fact.target': 'Target',
  'fact.outcome': 'Outcome',
  'fact.commitment': 'Commitment',
  'f.indicator': 'Indicator',
  'f.kind': 'Kind',
  'f.value': 'Value',
  'f.value_max': 'Upper value',
  'f.unit': 'Unit',
  'f.qualifier': 'Qualifier',
  'f.scope': 'Scope',
  'f.year': 'Year',
  'f.headline': 'Headline',
  'f.estimated': 'Estimated',
  'f.text': 'Sentence',
  'sc.title': 'Scorecard',
  'sc.intro': 'Each target and quantified commitment of a report, checked against the next year’s review.',
  'sc.place': 'Place',
  'sc.year': 'Year of the promises',
  'sc.go': 'Check',
  'sc.pick': 'Pick a place and a year. Both that year’s and the next year’s report are needed.',
  'sc.plan': 'Promise ({label})',
  'sc.review': 'Evidence ({label})',
  'sc.headline': 'Headline indicators',
  'sc.other': 'Other quantified commitments',
  'sc.verdict': 'Verdict',
  'sc.indicator': 'Indicator',
  'sc.promise': 'Promise',
  'sc.target': 'Target',
  'sc.outcome': 'Outcome',
  'sc.rule': 'Rule',
  'sc.noEvidence': 'The next report gives no matching figure.',
  'sc.note': 'Note',
  'sc.revised': 'Target as restated by the next report',
  'sc.estimated': 'estimated',
  'sc.expand': 'Expand',
  'sc.open': 'Show in the report',
  'v.met': 'Met',
  'v.missed': 'Missed',
  'v.not_reported': 'Not reported',
  'v.not_comparable': 'Not comparable',
  'cmp.title': 'Compare an indicator',
  'cmp.intro': 'One indicator’s targets and outcomes across places and years.',
  'cmp.indicator': 'Indicator',
  'cmp.measure': 'Measure',
  'cmp.target': 'Target',
  'cmp.outcome': 'Outcome',
  'cmp.diff': 'Gap',
  'cmp.empty': 'No data for this indicator.',
  'cmp.targets': 'Targets table',
  'cmp.outcomes': 'Outcomes table',
  'sr.title': 'Full-text search',
  'sr.q': 'Words',
  'sr.placeholder': 'Any words, e.g. 高标准农田',
  'sr.go': 'Search',
  'sr.part': 'Part',
  'sr.from': 'From year',
  'sr.to': 'To year',
  'sr.total': '{n} reports match',
  'sr.matches': '{n} matches',
  'sr.empty': 'Nothing found.',
  'level.national': 'National',
  'level.province': 'Province',
  'level.prefecture': 'Prefecture',
  'level.county': 'County',
  'level.district': 'District',
  'part.review': 'Review',
  'part.plan': 'This year’s plan',
  'part.self_building': 'Government self-improvement',
  'part.preamble': 'Opening',
  'part.other': 'Other',
  'q.about': 'about',
  'q.at_least': 'at least',
  'q.at_most': 'at most',
  'q.exact': '',
  'q.range': '',
};

const DICTS: Record<Lang, Record<Key, string>> = { zh, en };
const STORAGE_KEY = 'luoshi.lang';

export type T = (key: Key | string, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  t: T;
  setLang: (l: Lang) => void;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.hash.split('?')[1] ?? '').get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // storage blocked: Chinese
  }
  return 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '落实 · 政府工作报告追踪' : 'Luoshi · work report tracker';
  }, [lang]);
  const t = useCallback<T>(
    (key, vars) => {
      let s = (DICTS[lang] as Record<string, string>)[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
      return s;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, t, setLang }), [lang, t, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
