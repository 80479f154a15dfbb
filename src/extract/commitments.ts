/**
 * Commitments pass: every quantified or concrete task of the plan part and
 * every livelihood project (民生实事), with its section path, action, object,
 * quantity, deadline, firmness and named projects.
 */
import type { Source } from '../ingest/source.js';
import { spanOf } from '../ingest/source.js';
import type { Commitment, Qualifier } from '../model.js';
import { mayHoldFigure, scanFigures, type Figure } from './numbers.js';
import { findMentions } from './indicators.js';
import { countsSomething, splitSentences } from './items.js';
import { ACTION_VERBS, DEADLINE_PATTERNS, LIVELIHOOD_HEADS, POST_QUALIFIERS, PRE_QUALIFIERS } from './lexicon/grammar.js';
import type { Structure } from './structure.js';
import type { TargetPassage } from './targets.js';

const ACTIONS = ACTION_VERBS.slice().sort((a, b) => b.length - a.length);
/** ACTIONS by the char code they start with (each list longest first, as in ACTIONS): the verb search looks at every character of a clause. */
const ACTIONS_BY_FIRST = new Map<number, string[]>();
for (const a of ACTIONS) {
  const list = ACTIONS_BY_FIRST.get(a.charCodeAt(0));
  if (list) list.push(a);
  else ACTIONS_BY_FIRST.set(a.charCodeAt(0), [a]);
}
const CONCRETE_DONE = /建成通车|建成投用|竣工投产|建成投产|开工建设|全面完工|竣工|通车|投入使用|建成使用/;
/**
 * Whether `text` can hold a commitment: a quantity (a figure, so a digit or numeral) or a concrete
 * result (建成通车…). A text with neither yields none, whatever its clauses or pieces.
 */
const mayCommit = (text: string): boolean => mayHoldFigure(text) || CONCRETE_DONE.test(text);
const NAME_RE = /“([^”]{2,20})”|([\u4e00-\u9fa5A-Za-z0-9至—]{2,16}?(?:项目|工程|公路|铁路|高速|大桥|水库|园区|产业园|示范区|学校|医院|中心|公园|广场|机组|电厂|片区|新城|基地))/g;

/** The marks that end a clause of a sentence: ，,；;。！!？?：:. */
const CLAUSE_MARKS = '，,；;。！!？?：:';
/** CLAUSE_MARKS by char code: this test runs for every character of the plan part. */
const IS_CLAUSE_MARK = new Uint8Array(0x10000);
for (const c of CLAUSE_MARKS) IS_CLAUSE_MARK[c.charCodeAt(0)] = 1;

function firmnessOf(s: string): 'hard' | 'soft' | 'neutral' {
  if (/力争|争取|努力/.test(s)) return 'soft';
  if (/确保|必须|坚决|务必/.test(s)) return 'hard';
  return 'neutral';
}

function deadlineOf(s: string): string | undefined {
  for (const re of DEADLINE_PATTERNS) {
    const m = re.exec(s);
    if (m) return m[0];
  }
  return undefined;
}

function qualifierOf(text: string, f: Figure): Qualifier {
  if (f.valueMax !== undefined) return 'range';
  const after = text.slice(f.end, f.end + 3);
  for (const [w, q] of POST_QUALIFIERS) if (after.startsWith(w)) return q;
  if (f.inner) return f.inner;
  const before = text.slice(Math.max(0, f.start - 4), f.start).replace(/[在为]$/, '');
  for (const [w, q] of PRE_QUALIFIERS) if (before.endsWith(w)) return q;
  return 'exact';
}

/**
 * A figure right after an existential verb states what there is ("全区有280万农牧民",
 * "拥有8个产业集群", "还有63万失能老人"): context, not a task.
 */
const EXISTENTIAL = /(?:^|[^所])(?:拥有|还有|共有|现有|有)$/;

/** Figures that are quantities of a task (not modifiers such as 5000万元以上项目). */
function quantities(text: string): Figure[] {
  const figs = scanFigures(text).filter((f) => f.unit !== '' && f.unit !== '连' && countsSomething(text, f) && !EXISTENTIAL.test(text.slice(0, f.start)));
  return figs.filter((f, i) => {
    const after = text.slice(f.end, f.end + 8);
    if (i + 1 < figs.length && /^(?:以上|以下|及以上)?(?:的)?(?:重点|重大|产业|工业|项目|企业|规模|级|大项目|投资项目|园区)/.test(after)) return false;
    const before = text.slice(Math.max(0, f.start - 8), f.start);
    if (i + 1 < figs.length && /(?:由|从|比|较)(?:上年|去年|\d{4}年)?(?:的)?$/.test(before)) return false;
    return true;
  });
}

/**
 * `quantities(text)`, read once per piece of a clause. A module function rather than a closure in
 * the clause loop: the loader names every named closure as it is made, a cost paid per clause.
 */
function quantitiesOnce(cache: Map<string, Figure[]>, text: string): Figure[] {
  let q = cache.get(text);
  if (!q) cache.set(text, (q = quantities(text)));
  return q;
}

/**
 * A paragraph outside the plan part that speaks in the plan's voice (a passage
 * copied or misplaced from the plan): future markers and no past ones.
 */
export function planVoice(t: string): boolean {
  const future = (t.match(/确保|力争|争取|谋划|全年|计划|持续跟进|突出“/g) ?? []).length;
  const past = (t.match(/了|已经|累计|同比|预计|比上年|取得|获得|荣获|成功/g) ?? []).length;
  return future >= 3 && future >= 4 * past && scanFigures(t).some((f) => f.unit !== '');
}

export function extractCommitments(source: Source, base: number, text: string, structure: Structure, passage: TargetPassage | null): Commitment[] {
  const plan = structure.parts.find((p) => p.kind === 'plan');
  const review = structure.parts.find((p) => p.kind === 'review');
  const out: Commitment[] = [];
  const year = structure.planYear;
  const path: string[] = [];
  let livelihoodLevel = 0;
  let livelihoodPara = -1;
  // each paragraph's heading (the first one, as a search would find it), looked up once
  const headingOf = new Map<number, Structure['headings'][number]>();
  for (const x of structure.headings) if (!headingOf.has(x.para)) headingOf.set(x.para, x);
  structure.paragraphs.forEach((p, pi) => {
    const inPlan = plan ? p.start >= plan.start && p.start < plan.end : false;
    const h = headingOf.get(pi);
    if (h) {
      path.length = Math.min(path.length, h.level - 1);
      while (path.length < h.level - 1) path.push('');
      path.push(h.title);
      if (livelihoodLevel && h.level <= livelihoodLevel) livelihoodLevel = 0;
      if (LIVELIHOOD_HEADS.some((re) => re.test(h.title))) livelihoodLevel = h.level;
    } else if (p.text.length < 40 && LIVELIHOOD_HEADS.some((re) => re.test(p.text))) {
      livelihoodPara = pi; // an unnumbered list heading (附件 2025年十件民生实事)
    }
    const livelihood = livelihoodLevel > 0 || (livelihoodPara >= 0 && pi > livelihoodPara && pi - livelihoodPara <= 40) || (/^[ ]*[①-⑳]/.test(p.text) && LIVELIHOOD_HEADS.some((re) => re.test(structure.paragraphs[pi - 1]?.text ?? '')));
    // commitments come from the plan part (and livelihood lists); a paragraph in the plan's voice
    // counts outside it (a digest's pages out of order), never inside the review, whose
    // "争取…资金", "完成…投资", "办好民生实事" are last year's results
    const inReview = review ? p.start >= review.start && p.start < review.end : false;
    if (inReview || (!inPlan && !livelihood && !planVoice(p.text))) return;
    // a footnote ([3]"双十条"：即…) explains a term; it promises nothing
    if (/^[ ]*[[［【]\d{1,3}[\]］】]/.test(p.text)) return;
    // a paragraph that cannot hold a commitment is not cut into clauses
    if (!mayCommit(p.text)) return;
    const rel = p.start - base;
    for (const sent of splitSentences(p.text)) {
      const sStart = rel + sent.start;
      if (passage && sStart + sent.text.length > passage.start && sStart < passage.end) continue;
      const st = sent.text;
      // a sentence that cannot hold a commitment has no clause that can (most sentences of a plan state none)
      if (!mayCommit(st)) continue;
      // clauses; a clause listing several quantities with 、 is split further
      const clauses: { start: number; text: string }[] = [];
      let last = 0;
      for (let i = 0; i <= st.length; i++) {
        if (i === st.length || IS_CLAUSE_MARK[st.charCodeAt(i)]) {
          if (i > last) clauses.push({ start: last, text: st.slice(last, i) });
          last = i + 1;
        }
      }
      const firmSentence = firmnessOf(st.slice(0, 6));
      for (const cl of clauses) {
        if (!mayCommit(cl.text)) continue;
        const pieces: { start: number; text: string }[] = [];
        const parts = cl.text.includes('、') ? cl.text.split('、') : [cl.text];
        // each piece's quantities, read once (a piece of a split clause is one of its parts)
        const partQuantities = new Map<string, Figure[]>();
        if (parts.length > 1 && parts.filter((x) => quantitiesOnce(partQuantities, x).length > 0).length >= 2) {
          let o = 0;
          for (const x of parts) {
            pieces.push({ start: cl.start + o, text: x });
            o += x.length + 1;
          }
        } else pieces.push(cl);
        for (const pc of pieces) {
          // a small count in words with no verb of doing ("发挥中央和地方两个积极性", "利用两个市场")
          // names ideas, not a task
          const qs = quantitiesOnce(partQuantities, pc.text).filter((q) => !(q.chinese && q.value <= 10 && !ACTIONS.some((a) => pc.text.includes(a))));
          const concrete = CONCRETE_DONE.test(pc.text) && NAME_RE.test(pc.text);
          NAME_RE.lastIndex = 0;
          if (!qs.length && !concrete) continue;
          const f = qs.length ? qs[qs.length - 1] : undefined;
          let action: string | undefined;
          let actionAt = -1;
          for (let i = 0; i < pc.text.length && !action; i++) {
            const cands = ACTIONS_BY_FIRST.get(pc.text.charCodeAt(i));
            if (cands) for (const a of cands) if (pc.text.startsWith(a, i)) { action = a; actionAt = i; break; }
          }
          let object: string | undefined;
          if (f) {
            const afterAction = actionAt >= 0 ? actionAt + action!.length : 0;
            object = afterAction < f.start ? pc.text.slice(afterAction, f.start) : pc.text.slice(f.end).replace(/^(?:以上|左右|以内)/, '');
            object = object.replace(/^(?:[的了])/, '').replace(/(?:达到|达|为|超过|突破|增长|不低于|在)$/, '').trim() || undefined;
          } else if (concrete) {
            object = pc.text.slice(0, pc.text.search(CONCRETE_DONE)).trim() || undefined;
            action = CONCRETE_DONE.exec(pc.text)![0];
          }
          const names: string[] = [];
          let m: RegExpExecArray | null;
          NAME_RE.lastIndex = 0;
          while ((m = NAME_RE.exec(pc.text))) names.push(m[1] ?? m[2]);
          const ind = findMentions(pc.text)[0]?.id;
          const firm = firmnessOf(pc.text);
          // the span covers the words as given in `text`, not the line break or space around them
          const words = pc.text.trim();
          const start = base + sStart + pc.start + (pc.text.length - pc.text.trimStart().length);
          const end = start + words.length;
          out.push({
            text: words,
            sentence: st.trim(),
            section_path: path.filter(Boolean),
            ...(action ? { action } : {}),
            ...(object ? { object } : {}),
            ...(ind ? { indicator: ind } : {}),
            ...(f ? { value: f.value, ...(f.valueMax !== undefined ? { value_max: f.valueMax } : {}), unit: f.unit, qualifier: qualifierOf(pc.text, f) } : {}),
            ...(deadlineOf(pc.text) ?? deadlineOf(st) ? { deadline: (deadlineOf(pc.text) ?? deadlineOf(st))! } : {}),
            firmness: firm !== 'neutral' ? firm : firmSentence,
            names,
            livelihood,
            year,
            span: spanOf(source, start, end),
          });
        }
      }
    }
  });
  void text;
  return out;
}
