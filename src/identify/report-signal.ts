/**
 * Is this text a work report at all? Import refuses a file with no sign of
 * being one (a TSV manifest, a price list, a novel), so it never turns up in
 * the library as a report of whatever place its cells happen to name.
 *
 * The signs are those every 政府工作报告 shares, whoever delivers it and
 * whatever year: a head that calls it a 工作报告, the two halves a report has
 * (a review of the past year, the plan for this one), the address to the
 * deputies — and running prose. A news item or a newspaper digest about a
 * report says 政府工作报告 and retells its halves in prose, so it passes too
 * (it is kept and typed as a summary, as before). Tables are not prose: a
 * file that is mostly rows of cells is refused even when its cells name
 * reports, because a manifest of reports is not one.
 *
 * Deliberately permissive: a report cut short upstream or a page dump with
 * navigation still has prose and one of the signs. The check only refuses
 * what has neither the vocabulary nor the shape.
 */

import type { Source } from '../ingest/source.js';

export interface ReportSignal {
  /** Whether the text shows enough of a work report to be imported as one. */
  readonly report: boolean;
  /** Which families of report vocabulary were found (head, review, plan, address, self). */
  readonly signs: readonly SignFamily[];
  /** Share of the characters (of non-empty lines) that sit in table rows. */
  readonly tabularShare: number;
  /** Share of the characters that sit in lines of running prose (sentence punctuation). */
  readonly proseShare: number;
  /** Why it is refused (English, for logs and the API's message); undefined when accepted. */
  readonly reason?: string;
  /** The same in Chinese, for a reader whose language is Chinese. */
  readonly reasonZh?: string;
}

export type SignFamily = 'head' | 'review' | 'plan' | 'address' | 'self';

/** How far into the prose the head may be looked for: titles, datelines and a news lead fit. */
const HEAD_WINDOW = 3000;

/** Above this share of characters in table rows, the file is a table, not a report. */
const MAX_TABULAR_SHARE = 0.5;
/** Below this share of characters in sentences, the file is not running text (a list, a menu, a table). */
const MIN_PROSE_SHARE = 0.2;

/**
 * The families of report vocabulary, each one pattern. One family found is
 * enough when the text is prose; the families say which parts were seen.
 */
const FAMILIES: readonly (readonly [SignFamily, RegExp])[] = [
  // The head: 政府工作报告, 在…会议上的工作报告, 政府工作报告（摘要）, 向大会报告工作.
  ['head', /工作报告|向大会报告(?:政府)?工作/],
  // The review half: 过去一年/过去的一年/过去五年, 一年来/五年来, 工作回顾, 回顾(?:过去)…
  ['review', /过去(?:的)?[一五]年|[一五]年来|工作回顾|回顾(?:过去|[一二三四五]?年|本届)/],
  // The plan half: 今年(政府)工作, 今年的(主要)目标(任务), (主要)预期目标, 总体要求, 重点(做好|抓好)…工作.
  ['plan', /今年(?:政府)?(?:的)?(?:工作|主要目标|目标任务)|预期目标|总体要求|重点(?:做好|抓好|推进)[^。\n]{0,12}工作/],
  // Addressing the congress: 各位代表, 请予审议.
  ['address', /各位代表|请予审议|请(?:各位)?(?:列席人员|政协委员)提出意见/],
  // The closing part on the government itself: 政府自身建设, 建设人民满意的政府.
  ['self', /政府自身建设|人民满意的(?:服务型)?政府/],
];

/** Sentence punctuation (full and half width) that running prose carries. */
const SENTENCE = /[。；！？，、]/;

/**
 * A table row: cells split by tabs or pipes (two separators or more), or a
 * CSV row — three commas or more and no sentence punctuation of its own.
 */
function isTableRow(line: string, tabs: number): boolean {
  if (tabs >= 2) return true;
  if ((line.match(/\|/g)?.length ?? 0) >= 2) return true;
  return (line.match(/,/g)?.length ?? 0) >= 3 && !/[。；，]/.test(line);
}

/**
 * `tabAt(i)`: whether the character at `i` of `text` was a tab in the file.
 * Reading turns tabs into spaces (src/ingest/normalize.ts), so a caller that
 * holds the original (the import does) says where they were.
 */
export function reportSignal(text: string, tabAt: (i: number) => boolean = (i) => text[i] === '\t'): ReportSignal {
  let total = 0;
  let tabular = 0;
  let prose = 0;
  const proseLines: string[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const line = raw.trim();
    const lead = start + raw.indexOf(line);
    let tabs = 0;
    // Tabs between cells, not the indent before a paragraph.
    for (let i = lead; i < lead + line.length; i++) if (tabAt(i)) tabs++;
    start = end + 1;
    if (!line) continue;
    total += line.length;
    if (isTableRow(line, tabs)) tabular += line.length;
    else {
      proseLines.push(line);
      if (SENTENCE.test(line)) prose += line.length;
    }
  }
  const proseText = proseLines.join('\n');
  const head = proseText.slice(0, HEAD_WINDOW);
  const signs = FAMILIES.filter(([family, re]) => re.test(family === 'head' ? head : proseText)).map(([family]) => family);
  const tabularShare = total ? tabular / total : 0;
  const proseShare = total ? prose / total : 0;
  const base = { signs, tabularShare: round(tabularShare), proseShare: round(proseShare) };
  const refuse = (why: Refusal, share?: number): ReportSignal => {
    const reason = REFUSALS[why][0](pct(share ?? 0));
    return { ...base, report: false, reason, reasonZh: REFUSALS[why][1](pct(share ?? 0)) };
  };
  if (tabularShare > MAX_TABULAR_SHARE) return refuse('table', tabularShare);
  if (signs.length === 0) return refuse('vocabulary');
  if (proseShare < MIN_PROSE_SHARE) return refuse('prose', proseShare);
  return { ...base, report: true };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

type Refusal = 'table' | 'vocabulary' | 'prose';

/** Why a file is refused, in English (logs, the API's message) and Chinese; `p` is the share that decided. */
const REFUSALS: Record<Refusal, readonly [en: (p: string) => string, zh: (p: string) => string]> = {
  table: [
    (p) => `not a work report: ${p} of the text is table rows (tab, pipe or comma separated), not prose`,
    (p) => `不是工作报告：${p} 的文字是表格行（以制表符、竖线或逗号分隔），不是成段的文字`,
  ],
  vocabulary: [
    () => 'not a work report: no 工作报告 head, no review of the past year or plan for this year, no address to the deputies',
    () => '不是工作报告：没有“工作报告”之类的标题，没有回顾过去一年或安排今年工作的内容，也没有“各位代表”之类的称呼',
  ],
  prose: [
    (p) => `not a work report: only ${p} of the text is sentences (a list or a table, not a report's prose)`,
    (p) => `不是工作报告：只有 ${p} 的文字是成句的文字（像清单或表格，不像报告正文）`,
  ],
};

/** Stable prefix of every refusal's English reason. */
export const NOT_A_REPORT = 'not a work report: ';

/**
 * The Chinese of a refusal's English reason (as stored on an import item and
 * printed by the CLI); undefined for any other reason.
 */
export function refusalInChinese(reason: string): string | undefined {
  if (!reason.startsWith(NOT_A_REPORT)) return undefined;
  const share = /(\d+%)/.exec(reason)?.[1] ?? '';
  for (const [en, zh] of Object.values(REFUSALS)) if (en(share) === reason) return zh(share);
  return undefined;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The signal of a read file: tabs are found through the offset map in the file's own bytes (text formats). */
export function reportSignalOf(source: Pick<Source, 'text' | 'bytes' | 'origin' | 'offsetUnit'>): ReportSignal {
  const tabAt = source.offsetUnit === 'byte' ? (i: number) => source.text[i] === ' ' && source.bytes[source.origin[i]] === 0x09 : () => false;
  return reportSignal(source.text, tabAt);
}
