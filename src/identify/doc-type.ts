/**
 * What kind of text: the full report, a summary (摘要, or a newspaper digest
 * that reports what the report said), or commentary about it (解读).
 */
import type { DocType } from '../model.js';

export interface DocTypeFinding {
  readonly value: DocType;
  readonly evidence: string;
  readonly confidence: number;
  readonly index?: number;
  readonly length?: number;
}

const SUMMARY_MARK = /[(（【\[]?\s*(?:摘要|摘编|节选|要点)\s*[)）】\]]?/;
const DIGEST_CUE = /报告(?:首先|还|最后|同时|进一步)?(?:回顾了|指出|提出|强调|表示|要求|明确|认为|说)|作政府工作报告时(?:说|指出|表示)|日报讯|[（(]?记者\s*[\u4e00-\u9fa5]{2,3}[）)]?(?:报道)?|(?:总理|省长|市长|县长|区长|主席)[\u4e00-\u9fa5]{2,3}代表[\u4e00-\u9fa5]{0,12}(?:人民政府|国务院)[，,]?\s*向大会/g;
const COMMENTARY_HEAD = /解读|评论员|时评|述评|专家(?:说|谈|认为)|图解/;

export function inferDocType(text: string, start: number, end: number, hasFirstPersonOpening: boolean): DocTypeFinding {
  const head = text.slice(start, Math.min(end, start + 400));
  const firstLines = head.split('\n').slice(0, 4).join('\n');
  const mark = SUMMARY_MARK.exec(firstLines);
  if (mark && /摘要|摘编|节选|要点/.test(mark[0]) && /政府工作报告|报告/.test(firstLines)) {
    const at = start + mark.index;
    return { value: 'summary', evidence: firstLines.split('\n').find((l) => l.includes(mark[0].trim()))?.trim() ?? mark[0], confidence: 0.9, index: at, length: mark[0].length };
  }
  const body = text.slice(start, end);
  DIGEST_CUE.lastIndex = 0;
  const cues = body.match(DIGEST_CUE) ?? [];
  const thirdPersonOpening = cues.some((c) => /向大会/.test(c));
  if (!hasFirstPersonOpening && (thirdPersonOpening || cues.length >= 3)) {
    return { value: 'summary', evidence: `reported speech: ${[...new Set(cues)].slice(0, 3).join(' / ')}`, confidence: thirdPersonOpening ? 0.8 : 0.65 };
  }
  if (!hasFirstPersonOpening && COMMENTARY_HEAD.test(firstLines) && cues.length < 3) {
    const m = COMMENTARY_HEAD.exec(firstLines)!;
    return { value: 'interpretation', evidence: firstLines.split('\n').find((l) => l.includes(m[0]))?.trim() ?? m[0], confidence: 0.6 };
  }
  return {
    value: 'full',
    evidence: hasFirstPersonOpening ? 'the report itself (opening address in the first person)' : 'no summary or commentary marks',
    confidence: hasFirstPersonOpening ? 0.85 : 0.5,
  };
}
