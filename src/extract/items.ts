/**
 * The grammar of an indicator clause, shared by targets and outcomes:
 * "<indicator>[scope][verb]<figure>[qualifier]", lists with 分别, compound
 * subjects, clauses that inherit the previous indicator ("…930亿元，增幅4.5%"),
 * and qualitative items without a figure.
 */
import type { IndicatorFigure, Qualifier, Target } from '../model.js';
import { mayHoldFigure, scanFigures } from './numbers.js';
import { findMentions, resolveName, type Mention } from './indicators.js';
import { ADJUSTED_SCOPE, CONJUNCT_ALIASES, INDICATORS, OTHER_NAMES } from './lexicon/indicators.js';
import { MAX_CLAUSE, splitClauses, splitSentences } from './clauses.js';
import { kindOf, postQualifier, preQualifier, scopeOf, unitFits, usableFigures } from './item-figures.js';

export { splitClauses, splitSentences, type Clause } from './clauses.js';
export { countsSomething, endWithQualifier, figureOf, unitFits } from './item-figures.js';

/** An indicator's figure as a clause states it, placed in the text parsed; targets and outcomes are made from it. */
export interface Item extends Omit<IndicatorFigure, 'text' | 'span'> {
  /** [start, end) relative to the text parsed. */
  readonly start: number;
  readonly end: number;
  readonly estimated: boolean;
  readonly firmness?: Target['firmness'];
}

export interface ParseOptions {
  readonly mode: 'target' | 'outcome';
}


const LEAD = /^(?:[ ]|——|—|其中|全年|今年|初步预计|初步统计|预计|据初步核算|经初步核算|初步核算|全市|全省|全区|全县|全疆|全国|全州|全盟|全旗|实现|确保|力争|努力|争取|主要|同时|并|而且|以及|及|和|、)+/;
const PRED_CUT = /(?:等指标|等约束性?指标|等任务|等|(?<!人)均|大幅|达到|完成|保持|持续|进一步|基本|继续|稳定|有效|有序|取得|下降|降低|削减|改善|高于|快于|与|增速|增幅|增长|促稳|保稳|稳中|量稳|回稳|稳量|提质|“双控”|约束性|指标|任务|目标|控制|实现|全部|总体|跃居|位于|居全|进入|处于|不低于|不高于|止跌|回升|创历史|创新高|首次|再创|再获|连续|不纳入|纳入)/;
const OTHER_OK = /指标|收支|质量|风险|杠杆率|改革|消费|面积|水质|浓度|比例|比率|位次|前列|前三|水资源|能源|环境|排放|覆盖率/;
const OTHER_BAD = /规划|结果|小康|攻坚战|战略|上述|以上|部署|工作|要求：|目标任务|开局|大局|建设|发展/;
const QUAL_OUTCOME = /持平|同步|稳定|改善|下降|向好|增长|丰收|连增|连丰|新高|巩固|胜利|未发生|较低水平|快于|高于全[国省市]|高于经济|回升|正增长|最低|规模创|历史新高|拓展|零发生|双下降/;
const FIRM_HARD = /确保|必须|坚决|务必/;
const FIRM_SOFT = /力争|争取|努力/;

/** A bracketed note inside a clause: （不含X，下同）, (剔除…因素). */
const BRACKETED = /（[^）]*）|\([^)]*\)/g;
/** Adverbs before a milestone verb (历史性突破, 首次跃上, 再次达到): they name nothing. */
const MILESTONE_ADVERBS = /(?:历史性(?:地)?|首次|再次|再度|一举|成功|顺利|率先)(突破|跨越|跨上|迈上|跃上|达到|超过|站上|重回)/g;
/** Subjects of a part of the year (三季度, 上半年, 1-11月): its figure is not the year's. */
const PART_YEAR = /^(?:[一二三四1-4]季度|第[一二三四]季度|前三季度|上半年|下半年|\d{1,2}[-—至]\d{1,2}月|\d{1,2}月份?)$/;
/** A subject that is only a scope word (可比增长, 按可比口径增长): the figure is the previous indicator's. */
const SCOPE_ONLY = /^(?:按)?(?:可比|同口径|全口径|实际|名义)(?:口径)?(?:计算)?$/;
/** The predicate of a clause that follows a list: 分别/均, 同比, a verb. */
const FOLLOW_PRED = /^(?:分别|均|都)?(?:同比|比上年)?(?:分别|均|都)?(?:增长|下降|提高|达到|增幅|增速|为)?$/;
/** 均 that spreads one figure over a list of subjects (城乡居民收入均增长8%), not the 均 of 人均/年均/平均. */
const SHARED = /(?<![人年平])均(?=(?:同比|比上年)?(?:增长|下降|达到|完成|为|提高|超过|突破|在))/;
/** A list of subjects for one shared figure: 城乡… → 城镇…, 农村…; "A、B和C" → its conjuncts. */
function listOf(subject: string): string[] {
  if (/\d/.test(subject)) return [];
  if (/^城乡/.test(subject) && !/[、和]/.test(subject)) return conjuncts(subject, 2);
  const n = subject.split(/、|和|及|与/).filter((p) => p.trim()).length;
  return n >= 2 ? conjuncts(subject, n) : [];
}
/**
 * A ranking or evaluation inserted between a figure and the next one of the same subject
 * ("地区生产总值达到X亿元、居全省第3位、增长Y%", "、比上年前移2个位次、"): it names nothing.
 */
const RANKING_INSERT = /[、,，][^、,，]*?(?:第[\d一二三四五六七八九十]+(?:位|名)?|位次|前列|前茅|首位|领先|之首)[^、,，]*(?=[、,，])/g;
/** An indicator outside the lexicon that is a share or rate of something (税收占比, 城镇化率). */
const SHARE_NAME = /^other:.*(?:占比|比重|比例|率)$/;
/** A clause about the economy as a whole (经济运行, 经济下行压力): a following bare figure is GDP's. */
const ECONOMY_TOPIC = /经济(?:运行|发展|增长|增速|总量|下行)/;

interface Carry {
  indicator?: string;
  /** The indicators of the last 分别 list, for a following "同比增长8%和9.5%". */
  list?: string[];
  /** The last indicator that is not a share or rate, for a growth that follows a share clause. */
  main?: string;
  /** Indicators given a figure so far in the sentence, in order, for "A达X，B达Y，分别增长P、Q". */
  recent: string[];
  scope?: string;
  estimated: boolean;
}


/**
 * Parses the indicator items of a stretch of text (a passage). Offsets in the
 * items are relative to `text`.
 */
export function parseItems(text: string, opts: ParseOptions): Item[] {
  // An outcome needs a figure or an indicator named in words, and a text without either yields no
  // item (every clause of it would return at once; aliases never span clause marks, so a clause
  // holds an alias only where the whole text does). Three in ten paragraphs of a report are such.
  if (opts.mode === 'outcome' && !mayHoldFigure(text) && findMentions(text).length === 0) return [];
  const items: Item[] = [];
  const carry: Carry = { estimated: /^[ ]*(?:初步预计|预计)/.test(text), recent: [] };
  const paragraphEstimated = carry.estimated;
  for (const sent of splitSentences(text)) {
    carry.recent = [];
    // An outcome sentence with no place a figure may start and no indicator has no clause with
    // either (its clauses are parts of it, and no alias or figure spans a clause mark), so every
    // clause would yield nothing and only carry GDP as the topic of a clause on the economy. Its
    // clauses are all read only when none is too long to be read.
    if (opts.mode === 'outcome' && sent.text.length <= MAX_CLAUSE && !mayHoldFigure(sent.text) && findMentions(sent.text).length === 0) {
      if (!carry.indicator && ECONOMY_TOPIC.test(sent.text)) carry.indicator = 'gdp';
      continue;
    }
    const sentEstimated = paragraphEstimated || /^[ ——]*(?:[^，,；;]{0,6})?(?:初步预计|预计)/.test(sent.text);
    for (const cl of splitClauses(sent.text)) {
      parseClause(cl.text, sent.start + cl.start, opts, carry, sentEstimated, items);
    }
  }
  return dedupe(items);
}

function dedupe(items: Item[]): Item[] {
  const seen = new Set<string>();
  // a qualitative item gives way to a figure of the same indicator (a set, not a search per item)
  const quantified = new Set(items.filter((o) => o.kind !== 'qualitative').map((o) => o.indicator));
  const out: Item[] = [];
  for (const it of items) {
    const key = it.kind === 'qualitative'
      ? `${it.indicator}|q`
      : `${it.indicator}|${it.kind}|${it.value}|${it.value_max}|${it.unit}|${it.qualifier}`;
    if (seen.has(key)) continue;
    if (it.kind === 'qualitative' && quantified.has(it.indicator)) continue;
    seen.add(key);
    out.push(it);
  }
  return out;
}

function firmnessOf(s: string): 'hard' | 'soft' | undefined {
  if (FIRM_SOFT.test(s)) return 'soft';
  if (FIRM_HARD.test(s)) return 'hard';
  return undefined;
}

/** Where a clause's items go, with what each of them shares: the clause's firmness and whether it is an estimate. */
interface Sink {
  readonly out: Item[];
  readonly carry: Carry;
  readonly est: boolean;
  readonly firmness: 'hard' | 'soft' | undefined;
}

// A module function, not a closure made per clause: the loader (tsx, esbuild's keepNames) names every
// named closure when it is made, and that cost ~2 % of the pipeline's time in this function alone.
function push(sink: Sink, it: Omit<Item, 'estimated' | 'firmness'>): void {
  const { carry, firmness } = sink;
  sink.out.push({ ...it, estimated: sink.est, ...(firmness ? { firmness } : {}) });
  if (it.kind !== 'qualitative' && carry.recent[carry.recent.length - 1] !== it.indicator) carry.recent.push(it.indicator);
}

/** `sentEstimated`: the sentence is an estimate (预计…); a clause that says 预计 itself is one too. */
function parseClause(raw: string, offset: number, opts: ParseOptions, carry: Carry, sentEstimated: boolean, out: Item[]): void {
  const text = raw;
  const figs = usableFigures(text, scanFigures(text));
  let mentions = findMentions(text);
  // Most clauses of a review hold neither a figure nor an indicator: in outcome mode such a clause
  // yields no item, and only the carried indicator may change (the same as in the branch below).
  if (figs.length === 0 && mentions.length === 0 && opts.mode === 'outcome') {
    if (!carry.indicator && ECONOMY_TOPIC.test(text)) carry.indicator = 'gdp';
    return;
  }
  const lead = LEAD.exec(raw);
  const leadLen = lead ? lead[0].length : 0;
  const sink: Sink = { out, carry, est: sentEstimated || raw.includes('预计'), firmness: firmnessOf(raw) };

  if (figs.length === 0) {
    qualitative(text, offset, opts, mentions, leadLen, sink);
    if (mentions.length) carry.indicator = mentions[mentions.length - 1].id;
    else if (!carry.indicator && ECONOMY_TOPIC.test(text)) carry.indicator = 'gdp';
    return;
  }

  // a clause right after a 分别 list with no subject of its own: as many figures, one each
  // ("分别达到A元、B元，同比增长8%和9.5%"), or one figure for all ("…，均增长8.5%", "…，分别增长7%");
  // without a list, "A达X，B达Y，同比分别增长P、Q" pairs the figures with the last indicators given
  const before = text.slice(leadLen, figs[0].start);
  const bareLead = mentions.length === 0 && /^[^\d]{0,8}$/.test(text.slice(0, figs[0].start).replace(LEAD, '')) && FOLLOW_PRED.test(before);
  const all = /^(?:同比|比上年)?(?:分别|均|都)/.test(before);
  const list = carry.list ?? (figs.length >= 2 && /分别/.test(before) && carry.recent.length >= figs.length ? carry.recent.slice(-figs.length) : undefined);
  if (list && bareLead && (figs.length === list.length || (figs.length === 1 && all))) {
    const lastPost = postQualifier(text, figs[figs.length - 1].end);
    list.forEach((id, i) => {
      const f = figs.length === 1 ? figs[0] : figs[i];
      const { kind, sign } = kindOf(id, before, f.unit, '');
      const q: Qualifier = f.valueMax !== undefined ? 'range' : postQualifier(text, f.end) ?? f.inner ?? lastPost ?? 'exact';
      push(sink, { indicator: id, kind, value: sign * f.value, unit: f.unit, qualifier: q, start: offset, end: offset + text.length });
    });
    carry.list = undefined;
    return;
  }
  carry.list = undefined;

  // 分别: distribute figures over the conjuncts of the subject; a single figure goes to each
  // ("城乡居民人均可支配收入分别增长8.5%左右")
  const spread = /分别/.exec(text) ?? SHARED.exec(text);
  if (spread && (figs.length >= 2 || (figs.length === 1 && spread.index < figs[0].start))) {
    const predStart = spread.index;
    const subject = text.slice(leadLen, predStart).replace(/(?:预计|初步预计|同比|实际|的)$/g, '');
    const names = figs.length >= 2 ? conjuncts(subject, figs.length) : listOf(subject);
    if (names.length === figs.length || (figs.length === 1 && names.length >= 2)) {
      const lastPost = postQualifier(text, figs[figs.length - 1].end);
      const pred = text.slice(predStart + spread[0].length, figs[0].start);
      names.forEach((name, i) => {
        const f = figs.length === 1 ? figs[0] : figs[i];
        const indicator = resolveName(name);
        const { kind, sign } = kindOf(indicator, pred, f.unit, '');
        const q: Qualifier = f.valueMax !== undefined ? 'range' : postQualifier(text, f.end) ?? f.inner ?? preQualifier(pred) ?? lastPost ?? 'exact';
        const scope = scopeOf(name + pred);
        push(sink, { indicator, kind, value: sign * f.value, ...(f.valueMax !== undefined ? { value_max: sign * f.valueMax } : {}), unit: f.unit, qualifier: q, ...(scope.length ? { scope: scope.join(';') } : {}), start: offset, end: offset + text.length });
      });
      carry.indicator = undefined;
      carry.list = names.map(resolveName);
      return;
    }
  }

  const used = new Set<string>();
  let prevEnd = leadLen;
  let first = true;
  for (const f of figs) {
    // mentions between the previous figure and this one
    const local = mentions.filter((m) => m.start >= (first ? 0 : prevEnd) && m.end <= f.start);
    let subjects: Mention[] = [];
    if (local.length) {
      // a run of mentions joined only by 、和及与 share the figure
      subjects = [local[local.length - 1]];
      for (let k = local.length - 2; k >= 0; k--) {
        const gap = text.slice(local[k].end, subjects[0].start);
        if (/^(?:[、和及与]|以及)$/.test(gap) || (local[k].start === subjects[0].start)) subjects.unshift(local[k]);
        else break;
      }
    }
    let ids: string[] = [];
    let timeOnly = false;
    let predFrom = prevEnd;
    if (subjects.length) {
      ids = subjects.map((m) => m.id);
      predFrom = subjects[subjects.length - 1].end;
    } else {
      // what stands between the previous figure and this one, without a bracketed note
      // ("2650亿元（不含X，下同）、增长9%"), the previous figure's qualifier ("6%左右、突破…")
      // and adverbs of a milestone ("历史性突破百亿大关")
      const between = text.slice(prevEnd, f.start).replace(BRACKETED, '').replace(ADJUSTED_SCOPE[0], '').replace(/^(?:左右|以上|以内|以下|上下|多|余)/, '').replace(RANKING_INSERT, '').replace(MILESTONE_ADVERBS, '$1');
      const subj = between.replace(LEAD, '').replace(/^(?:[，,、]|同比|比上年|增幅|增速|增长|增产|减产|增收|下降|达到|为|实现|完成)+/, '');
      const verbAt = subj.search(/同比|比上年|增长(?!率)|增幅|增速|下降(?!率)|降低(?!率)|减少|提高|上升|达到|达|为|突破|超过|完成|实现|控制在|保持在|稳定在|新增|跨上|迈上|跃上|站上|跨越|跨过|重回/);
      const name = verbAt > 0 ? subj.slice(0, verbAt) : verbAt < 0 && prevEnd === leadLen && !/^[的了是在从由以对]/.test(subj) ? subj : '';
      if (PART_YEAR.test(name)) {
        // a quarter's or half-year's figure (三季度增长4.6%) is not the year's: no item
        prevEnd = f.end;
        first = false;
        continue;
      }
      // a clause whose subject is only a time ("…生产总值连跨四个台阶，2024年达到X亿元") inherits the indicator
      if (/^(?:全年|年末|年底|当年|(?:19|20)\d\d年(?:末|底|全年)?)$/.test(name) && carry.indicator) {
        ids = [carry.indicator];
        timeOnly = true;
      } else if (name.length >= 2 && !/^[的了是在从由以对]/.test(name) && !/^(?:其中|总量|总额|总产|规模|比上年|同比|分别)/.test(name) && !SCOPE_ONLY.test(name)) {
        ids = [resolveName(name)];
      } else if (carry.indicator && text.slice(f.end).replace(BRACKETED, '').replace(/^(?:左右|以上|以内|以下|多|余)/, '').replace(/[，,。；;、].*$/, '').length <= 6 && /^(?:[、，,和及]|总量|总额|总产|规模|其中|全年|年|比上年|同比|较上年|分别)*(?:按)?(?:实际|名义|可比|同口径|全口径)?(?:口径)?(?:计算)?(?:增长|增幅|增速|增加|增产|减产|增收|下降|降低|减少|提高|上升|达到|达|为|完成|实现|突破|超过|跨上|迈上|跃上|重回)?$/.test(between)) {
        // a bare growth in % after a share clause is the main subject's ("收入36亿元，税收占比78%，增长7%")
        ids = [f.unit === '%' && carry.main && SHARE_NAME.test(carry.indicator) && /增长|增加|下降|减少/.test(between) ? carry.main : carry.indicator];
      }
    }
    if (!ids.length) {
      prevEnd = f.end;
      first = false;
      continue;
    }
    const pred = text.slice(predFrom, f.start);
    const note = /^(?:左右|以上|以内|以下)?([（(][^）)]*[）)])/.exec(text.slice(f.end))?.[1] ?? '';
    const scope = scopeOf(text.slice(0, f.start) + note);
    for (const id of ids) {
      if (f.unit === '连') {
        if (!used.has(id + '|q')) push(sink, { indicator: id, kind: 'qualitative', qualifier: 'exact', start: offset + (subjects[0]?.start ?? prevEnd), end: offset + f.end });
        used.add(id + '|q');
        continue;
      }
      if (!unitFits(id, f.unit)) continue;
      const { kind, sign } = kindOf(id, pred, f.unit, text.slice(f.start, f.end));
      const key = `${id}|${kind}|${f.unit}`;
      if (used.has(key)) continue; // 增长7%以上、力争达到8%
      used.add(key);
      const q: Qualifier = f.valueMax !== undefined ? 'range' : postQualifier(text, f.end) ?? f.inner ?? preQualifier(pred) ?? 'exact';
      push(sink, { indicator: id, kind, value: sign * f.value, ...(f.valueMax !== undefined ? { value_max: sign * f.valueMax } : {}), unit: f.unit, qualifier: q, ...(scope.length ? { scope: scope.join(';') } : {}), start: offset + (subjects[0]?.start ?? prevEnd), end: offset + f.end });
    }
    if (!timeOnly) carry.indicator = ids[ids.length - 1];
    if (carry.indicator && !SHARE_NAME.test(carry.indicator)) carry.main = carry.indicator;
    prevEnd = f.end;
    first = false;
  }
}

/**
 * The longest name resolveName can map to an indicator: an alias (or a listed
 * name), found at most 2 characters in, with a quote each side. Trying every
 * suffix of a long last conjunct, each resolved in time linear in its length,
 * was quadratic: a 32,000-character subject took 33 s (issue 15).
 */
const RESOLVABLE_LENGTH =
  Math.max(...INDICATORS.flatMap((e) => e.aliases.map((a) => a.length)), ...Object.keys(CONJUNCT_ALIASES).map((a) => a.length), ...Object.keys(OTHER_NAMES).map((a) => a.length)) + 4;

/** 城镇、农村居民人均可支配收入 → [城镇居民人均可支配收入, 农村居民人均可支配收入]. */
export function conjuncts(subject: string, n: number): string[] {
  let s = subject.trim();
  if (n === 2 && /^城乡/.test(s) && !/[、和]/.test(s)) {
    const rest = s.slice(2);
    return ['城镇' + rest, '农村' + rest];
  }
  let parts = s.split(/、|和|及|与/).map((p) => p.trim()).filter(Boolean);
  // 和 inside a name ("信息传输软件和信息技术服务业、租赁和商务服务业"): split at 、 only
  if (parts.length !== n) {
    const byComma = s.split('、').map((p) => p.trim()).filter(Boolean);
    if (byComma.length === n) parts = byComma;
  }
  if (parts.length !== n) return parts;
  const last = parts[parts.length - 1];
  return parts.map((p, i) => {
    if (i === parts.length - 1) return p;
    if (resolveName(p).startsWith('other:') === false) return p;
    // share the head of the last conjunct; only candidates short enough to resolve are tried
    for (let k = Math.max(1, p.length + last.length - RESOLVABLE_LENGTH); k < last.length; k++) {
      const cand = p + last.slice(k);
      if (!resolveName(cand).startsWith('other:')) return cand;
    }
    const head = /(?:增加值|总产值|产值|投资|收入|总额|产量|消费|比重)$/.exec(last);
    return head && !p.endsWith(head[0]) ? p + head[0] : p;
  }).map((p, i, all) => {
    // a later conjunct shares the modifier of the first ("规上工业产值和增加值" → 规上工业增加值)
    if (i === 0 || !resolveName(p).startsWith('other:')) return p;
    const first = all[0];
    for (let k = first.length - 1; k > 0; k--) {
      const cand = first.slice(0, k) + p;
      if (!resolveName(cand).startsWith('other:')) return cand;
    }
    return p;
  });
}

function qualitative(text: string, offset: number, opts: ParseOptions, mentions: Mention[], leadLen: number, sink: Sink): void {
  if (opts.mode === 'outcome') {
    for (const m of mentions) {
      const after = text.slice(m.end);
      // a result in words after the indicator, or an event that did not happen (未发生重特大事故)
      const absent = /(?:未|没有|不)发生$/.test(text.slice(0, m.start).replace(/[^\u4e00-\u9fa5]/g, '').replace(/(?:规模性|较大以上|重大|重特大|区域性|系统性)$/, ''));
      if (!absent && !QUAL_OUTCOME.test(after) && !/^(?:实现|取得|再获|保持)/.test(after)) continue;
      push(sink, { indicator: m.id, kind: 'qualitative', qualifier: 'exact', start: offset + m.start, end: offset + text.length });
    }
    return;
  }
  let body = text.slice(leadLen);
  const done = /^(?:不折不扣|全面|坚决|按照国家要求|按照要求)?(?:完成|实现)(?:国家|省|市|自治区|上级)?(?:下达|确定|核定)?(?:的)?/.exec(body);
  let bodyStart = leadLen;
  if (done && done[0].length >= 2) {
    body = body.slice(done[0].length);
    bodyStart += done[0].length;
  }
  // the subjects: before the main predicate of a list (…等指标完成/达到…), else before the first predicate word
  const listEnd = /(?:等)?(?:约束性?)?(?:指标)?(?:均)?(?:完成|达到|控制在)/.exec(body);
  let region: string;
  if (listEnd && listEnd.index > 0) region = body.slice(0, listEnd.index);
  else {
    const cut = PRED_CUT.exec(body.slice(1));
    region = cut ? body.slice(0, cut.index + 1) : body;
  }
  const regionMentions = findMentions(region);
  let stripped = region;
  for (const m of regionMentions.slice().reverse()) stripped = stripped.slice(0, m.start) + '\u0000' + stripped.slice(m.end);
  const noAliasList = mentions.length === 0 && /等指标|等约束|等任务|等目标/.test(text);
  const clean = (p: string) => {
    let c = p.replace(/[“”"]/g, '').replace(/^(?:各类|今年|重点控制|主要|其他)/, '').trim();
    const k = PRED_CUT.exec(c);
    if (k) c = c.slice(0, k.index);
    return c.replace(/(?:的|等)$/, '').trim();
  };
  interface Part { text: string; mentionLike: boolean; modifier: boolean }
  const ps: Part[] = [];
  if (mentions.length === 0 && !noAliasList) {
    ps.push({ text: clean(stripped), mentionLike: false, modifier: false });
  } else {
    const toks = stripped.split(/(\u0000|、|以及|和|及|与)/);
    for (let i = 0; i < toks.length; i += 2) {
      const t = toks[i];
      const sep = toks[i + 1];
      if (t.trim()) {
        const c = clean(t);
        ps.push({ text: c, mentionLike: c.length === 0, modifier: sep === '\u0000' });
      }
      if (sep === '\u0000') ps.push({ text: '', mentionLike: true, modifier: false });
    }
  }
  const parts = ps
    .filter((p, i) => p.text && !p.modifier && (mentions.length === 0 || ps[i - 1]?.mentionLike || ps[i + 1]?.mentionLike))
    .map((p) => p.text);
  const anyAlias = mentions.length > 0;
  const emitted = new Set<string>();
  for (const m of mentions) {
    if (emitted.has(m.id)) continue;
    emitted.add(m.id);
    push(sink, { indicator: m.id, kind: 'qualitative', qualifier: 'exact', start: offset + m.start, end: offset + text.length });
  }
  for (const p of parts) {
    if (p.length < 2 || p.length > 20) continue;
    if (OTHER_BAD.test(text)) continue;
    if (!anyAlias && !OTHER_OK.test(text)) continue;
    if (/^(?:十[一二三四五六]五|[一二三四五六七八九十]+)$/.test(p)) continue;
    const id = resolveName(p);
    if (emitted.has(id)) continue;
    emitted.add(id);
    push(sink, { indicator: id, kind: 'qualitative', qualifier: 'exact', start: offset + bodyStart, end: offset + text.length });
  }
  if (!emitted.size && !OTHER_BAD.test(text) && /指标/.test(text) && !anyAlias) {
    const name = /([^，,、的]{0,6}指标)/.exec(text)?.[1] ?? '指标';
    push(sink, { indicator: `other:${name}`, kind: 'qualitative', qualifier: 'exact', start: offset + leadLen, end: offset + text.length });
  }
}
