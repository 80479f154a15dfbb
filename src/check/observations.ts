/**
 * Observations // 观测: the review part read once into figures with what they
 * measure. Each figure of the review becomes one observation with its subject
 * (the words naming the thing measured, and the indicator id when the lexicon
 * knows it), its kind (growth, level, share, multiple, ranking), its value and
 * unit, the period it speaks of (that year, several years, part of a year),
 * its scope (可比口径, 城镇/农村 …), whether it is an estimate, and for tasks
 * the stage reached (begun vs done) and whether it counts an increment or a
 * stock. A promise is later judged only by observations of the same subject,
 * kind and period (see judge.ts).
 */
import { findMentions, resolveName } from '../extract/indicators.js';
import { conjuncts, parseItems, splitClauses, splitSentences } from '../extract/items.js';
import { scanFigures } from '../extract/numbers.js';
import { paragraphsOf } from '../extract/structure.js';
import type { Qualifier } from '../model.js';

export type ObservationKind = 'growth' | 'level' | 'share' | 'multiple' | 'ranking';
/**
 * year — the review year itself; multi_year — a five-year, average (年均),
 * cumulative (累计) or since-a-base-year figure; part_year — a quarter or
 * half; other_year — explicitly another year.
 */
export type Period = 'year' | 'multi_year' | 'part_year' | 'other_year';
export type Stage = 'begun' | 'done';
export type Count = 'increment' | 'stock';

export interface Observation {
  /** Offsets of the figure in the document text. */
  readonly start: number;
  readonly end: number;
  /** The words that carry it: from the subject's clause to the figure's clause end. */
  readonly text: string;
  readonly textStart: number;
  readonly textEnd: number;
  /** The whole sentence, for context. */
  readonly sentence: string;
  /** Words naming what is measured (before the figure, or after it when it leads the clause). */
  readonly subject: string;
  /** Canonical indicator id or `other:<name>`, when the indicator grammar reads one. */
  readonly indicator?: string;
  readonly kind: ObservationKind;
  /** Signed: a fall is negative. */
  readonly value: number;
  readonly valueMax?: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
  readonly period: Period;
  /** Why the period is not the year (年均, 累计, 五年来 …), for the reason shown. */
  readonly periodWords?: string;
  /** 可比, 扣除…因素, 同口径, 城镇, 农村, 调查, 登记, 实际 … */
  readonly scope: readonly string[];
  readonly estimated: boolean;
  readonly stage?: Stage;
  readonly count?: Count;
}

/** A statement without a figure about an indicator (居民收入增长快于经济增速, 外贸保持稳定). */
export interface Statement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: string;
  readonly indicators: readonly string[];
  readonly period: Period;
}

export interface Reading {
  readonly observations: Observation[];
  readonly statements: Statement[];
  /** Clauses of the review in order, for wording-based lookups. */
  readonly clauses: readonly { text: string; start: number; end: number; period: Period }[];
}

// Verbs before a figure that make it a change (增长7%) and the sign of the change.
const RISE = /(?:增长|增速|增幅|增加|提高|提升|上升|上涨|增收|增产|扩大|涨幅|多增|攀升|回升)(?:了)?$/;
const FALL = /(?:下降|降低|减少|回落|降幅|削减|压减|下滑|减产|收窄|缩小|改善率|改善)(?:了)?$/;
// …到/至 after a change verb makes the figure the level reached (提高到47%).
const TO_LEVEL = /(?:到|至|为|达到|达|突破|超过|控制在|保持在|稳定在|维持在)$/;
// Ratio of a part to a whole: 占规上工业增加值比重达X%, 占比, 所占份额.
const SHARE = /占[^，。；]{0,30}(?:比重|比例|份额)|占比|比重|份额/;
// A multiple over a base (是2015年的1.19倍, 翻一番).
const MULTIPLE_UNIT = /^倍$/;
// A rank or position (居全省第2位, 全省第一).
const RANKING = /第[一二三四五六七八九十\d]+(?:位|名)?$|前列$|位次/;

// Several years at once: 年均 averages, 累计 totals, five-year or since-a-year spans.
const MULTI_WORDS = /年均|平均每年|(?<!全年|年内|当年|今年)累计|五年(?!规划|计划|行动|攻坚|纲要)|[三五]年来|近[三五]年|前[两二三四五]年|十[一二三四五六]五(?:”|")?(?:期间|时期|以来)|以来|\d{4}(?:年)?(?:—|－|-|至|到)\d{4}年/;
// Part of a year.
const PART_YEAR = /[一二三四1-4]季度|上半年|前三季度|1[-—至~～]\d{1,2}月|前\d{1,2}个月/;
// A paragraph (or heading) that opens a passage on several years.
const MULTI_PARAGRAPH = /^[\s—－\-－一二三四五六七八九十、（()）.．\d]*(?:各位代表[！!，,：:]?)?(?:回顾)?(?:过去五年|五年来|这五年|近五年|“?十[一二三四五六]五”?(?:时期|期间|以来)|\d{4}年以来|(?:党的)?十[八九]大以来)/;
// A paragraph that comes back to the year itself (过去一年, 刚刚过去的2017年, 这一年, 2020年，…).
function yearReturn(year: number | null): RegExp {
  const y = year === null ? '' : `|${year}年(?!以来)`;
  return new RegExp(`^[\\s—－\\-一二三四五六七八九十、（()）.．\\d]*(?:各位代表[！!，,：:]?)?(?:刚刚)?(?:过去的?(?:一年${y})|这一年|去年|一年来${y})`);
}
// Adjusted bases: the figure is not the headline figure.
const ADJUSTED = /可比|同口径|扣除[^，。；]{0,12}(?:因素|后)|剔除[^，。；]{0,12}(?:因素|后)|按[^，。；]{0,6}口径/;
// Stages of a task: begun (开工, 启动, 进入…程序) vs done (建成, 完成, 竣工, 投产, 通车).
const BEGUN = /开工|启动|进入[^，。；]{0,10}程序|签约|落地|谋划|储备|招标|前期|加快建设|加快推进|有序推进|在建/;
// A clause that states an aim, not a result (确保…45个重点项目, 今年投资要增长5%, 全年计划投资…): no outcome.
const INTENTION = /^(?:全年|今年|明年|年内)?(?:确保(?!了)|力争|争取|计划|拟|将要|预期|力求|努力(?!下)|[^，。；]{0,12}(?:要|将)(?:增长|达到|完成|实现|突破|控制|新增|建成))/;
const RESTATED = /年初(?:确定|提出|制定)|预期目标|既定目标|确定的目标|计划目标|预定目标/;
// A clause right after that compares with a plan period (比“八五”增长1.9倍) makes the figure before a period total.
const PERIOD_COMPARED = /^(?:比|较|是|为)“?[一二三四五六七八九十]+五”?/;
const DONE = /建成|完成|竣工|投产|通车|投用|交付|验收|获批|办结|达产|落成/;
// Counting what is added this year vs how many there are now.
const INCREMENT = /新增|新建|新开工|新改建|新认定|新培育|新引进|引进|培育|认定|创建|获评|建成|改造|完成|实施|新发展|新设立|新注册|新登记|净增|增加/;
const STOCK = /达到|总数|总量|累计达|共有|拥有|总计|达(?=\d)|保有|规模达|存栏/;

const SCOPE_WORDS: readonly [RegExp, string][] = [
  [/可比/, '可比'],
  [/同口径/, '同口径'],
  [/扣除[^，。；]{0,12}(?:因素|后)|剔除[^，。；]{0,12}(?:因素|后)/, '扣除'],
  [/城镇(?!化)|城市居民/, '城镇'],
  [/农村|农民/, '农村'],
  [/调查失业/, '调查'],
  [/登记失业/, '登记'],
  [/实际增长/, '实际'],
  [/名义增长/, '名义'],
  [/市区|城区|主城区|中心城区/, '市区'],
  [/开发区|园区|高新区|经开区|新区|示范区/, '园区'],
  [/限额以上|限上/, '限上'],
];

/** Where the review speaks of the year the promises were made for. */
export interface ReviewSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads the review part `text[span.start, span.end)` into observations.
 * `year` is the year reviewed (the plan report's year).
 */
export function readReview(text: string, span: ReviewSpan, year: number | null): Reading {
  const observations: Observation[] = [];
  const statements: Statement[] = [];
  const clauses: { text: string; start: number; end: number; period: Period }[] = [];
  const body = text.slice(span.start, span.end);
  let passageMulti = false;
  const returns = yearReturn(year);
  for (const para of paragraphsOf(body, 0)) {
    const p = para.text;
    const heading = p.length < 40 && !/[。；]/.test(p);
    // A heading or paragraph that opens a five-year review (过去五年, “十三五”时期) makes the passage
    // multi-year until a heading or a paragraph returns to the year (过去一年, 2020年，…).
    if (heading) passageMulti = /十[一二三四五六]五|五年/.test(p) && !/一年|\d{4}年(?:工作)?回顾/.test(p);
    else if (returns.test(p)) passageMulti = false;
    else if (MULTI_PARAGRAPH.test(p)) passageMulti = true;
    const paraEstimated = /^[\s—－\-]*(?:[^，。]{0,8})?预计/.test(p);
    for (const sent of splitSentences(p)) {
      const sStart = span.start + para.start + sent.start;
      readSentence(sent.text, sStart, year, passageMulti, paraEstimated, observations, statements, clauses);
    }
  }
  return { observations, statements, clauses };
}

/** The subject a figure speaks of, with the indicator the grammar read for it. */
interface Named {
  subject: string;
  indicator?: string;
  scopeText: string;
  /** Sentence offset of the clause that names it, where the evidence starts. */
  at?: number;
  /** Named after the figure: the evidence runs to the clause end. */
  after?: boolean;
}

// A figure that only sets a threshold of the thing counted (5000万元以上项目, 10亿元以上项目投资).
const THRESHOLD_AFTER = /^(?:及)?以上(?:的)?(?:重点|重大|产业|工业|项目|企业|规模|大项目|投资项目|园区|村|单位|市场主体)/;
/** 突破百亿大关, 迈上千亿级台阶: a round milestone in words, not a measured figure. */
function isMilestone(text: string, f: { start: number; end: number; chinese?: boolean; unit: string }): boolean {
  return /^[百千万]+(?:亿|万)/.test(text.slice(f.start, f.end)) || (f.chinese === true && /^(?:万|亿|万亿|千亿|百亿)$/.test(f.unit)) || /^(?:大关|台阶|级)/.test(text.slice(f.end, f.end + 2));
}

// A clause that opens on a part of the place (开发区营业收入增长…): the whole sentence speaks of that part.
const PART_LEAD = /^(?:全市|全县|全区)?(?:经济)?(?:开发区|园区|高新区|经开区|工业园区|产业园区|新区|示范区|县城|城区|市区|主城区)/;

function readSentence(
  s: string,
  base: number,
  year: number | null,
  paraMulti: boolean,
  paraEstimated: boolean,
  observations: Observation[],
  statements: Statement[],
  clausesOut: { text: string; start: number; end: number; period: Period }[],
): void {
  const dated = year !== null && new RegExp(`${year}年(?!以来|底前)`).test(s);
  const sentMulti = paraMulti && !dated && !/全年|这一年|去年|过去一年|当年/.test(s);
  const estimated = paraEstimated || /预计/.test(s);
  const partOfPlace = PART_LEAD.test(s.replace(/^[\s—－\-]+/, ''));
  const items = parseItems(s, { mode: 'outcome' });
  const clauses = splitClauses(s);
  const taken = new Set<number>();
  let carry: Named | undefined;
  let verbCarry = '';
  // The subjects of the figures so far, for a later "分别增长A%、B%" or "均增长X%".
  let listed: Named[] = [];
  let lastSpread = false;
  clauses.forEach((c, ci) => {
    const all = scanFigures(c.text).filter((f) => f.unit !== '' || /^[%％]/.test(c.text.slice(f.end)));
    // 千方百计, 万众一心: a lone Chinese magnitude is an idiom, not a figure; 二三级子公司, 三类人员: a grade names, not counts.
    const figs = all.filter((f) => !THRESHOLD_AFTER.test(c.text.slice(f.end)) && !isMilestone(c.text, f) && !(f.chinese && /^(?:级|类|种|等|档|星)$/.test(f.unit)) && !(f.chinese && /^[十百千万]$/.test(c.text.slice(f.start, f.start + 1)) && !/^[十百千万][零〇一二两三四五六七八九十百千]/.test(c.text.slice(f.start, f.start + 2))));
    const prev = ci > 0 ? clauses[ci - 1] : undefined;
    // A figure-less clause before (“十三五”时期，…) lends its time words to this one.
    const prevPlain = prev && !scanFigures(prev.text).some((f) => f.unit !== '') ? prev.text : '';
    const next = clauses[ci + 1];
    const comparedToPeriod = next !== undefined && PERIOD_COMPARED.test(next.text);
    const cPeriod = comparedToPeriod ? { period: 'multi_year' as const, words: next.text.slice(0, 6) } : periodOf(c.text, sentMulti, year, prevPlain);
    // A clause that restates the year's target (没有实现年初确定的…4%左右的目标) gives no outcome, but says something.
    const restated = RESTATED.test(c.text);
    if (restated) {
      const ms = findMentions(c.text);
      if (ms.length) statements.push({ start: base + c.start, end: base + c.end, text: c.text, sentence: s, indicators: [...new Set(ms.map((m) => m.id))], period: cPeriod.period });
    }
    const intention = INTENTION.test(c.text) || restated;
    clausesOut.push({ text: c.text, start: base + c.start, end: base + c.end, period: intention ? 'other_year' : cPeriod.period });
    if (intention) {
      // Its subject still names what the next figure counts (全年计划投资30亿元，完成32亿元).
      const named = figs.length ? splitPredicate(c.text.slice(0, figs[0].start).replace(/^(?:全年|今年|年内)?(?:确保|力争|争取|计划|拟)/, '')).subject : '';
      if (named) carry = { subject: named, scopeText: c.text, at: c.start };
      return;
    }
    if (!figs.length) {
      const ms = findMentions(c.text);
      if (ms.length) statements.push({ start: base + c.start, end: base + c.end, text: c.text, sentence: s, indicators: [...new Set(ms.map((m) => m.id))], period: cPeriod.period });
      // A figure-less clause naming an indicator, or introducing a list (…方面：), lends its subject to the next.
      const lead = c.text.replace(/^(?:其中|全年|同时|并|还)/, '');
      if ((ms.length || c.stop === '：' || c.stop === ':') && lead.length <= 24) carry = { subject: lead, indicator: ms[ms.length - 1]?.id, scopeText: c.text, at: c.start };
      return;
    }
    const firstLeft = splitPredicate(c.text.slice(0, figs[0].start)).subject;
    const spreadWord = /分别|均/.test(c.text.slice(0, figs[0].start));
    // 城乡居民人均可支配收入分别达到A元、B元: the subject splits over the figures.
    let perFigure: Named[] | undefined;
    if (spreadWord && firstLeft && figs.length >= 2) {
      const names = conjuncts(firstLeft, figs.length);
      if (names.length === figs.length) perFigure = names.map((n) => ({ subject: n, indicator: resolveName(n), scopeText: n, at: c.start }));
    } else if (!firstLeft && listed.length >= 2 && (spreadWord || (figs.length === listed.length && lastSpread))) {
      // …，同比分别增长12.1%、17.2% / …，增长10.3%、19.5% / …，均增长8.5%: one figure per subject listed before.
      perFigure = figs.length === 1 && /均/.test(c.text.slice(0, figs[0].start)) ? undefined : listed.slice(-figs.length);
    }
    const bothOf = !firstLeft && figs.length === 1 && listed.length >= 2 && /均/.test(c.text.slice(0, figs[0].start)) ? listed.slice(-2) : undefined;
    let prevEnd = 0;
    figs.forEach((f, fi) => {
      const left = c.text.slice(prevEnd, f.start);
      // The words after the figure up to the next list item (省、市 is one modifier, not two items).
      const right = c.text.slice(f.end).replace(/(?<=[省市县区])、(?=[省市县区])/g, '').split(/[、]/)[0];
      const { subject: ownSubject, verb } = splitPredicate(left);
      const verbUsed = verb || (prevEnd > 0 || /^[、和及]/.test(left) ? verbCarry : '');
      let named: Named | undefined;
      const setter = setBy(left, right);
      // …the counted thing follows: at the clause start, or after 的 (总投资118亿元的32个重点项目).
      const rightNames = (prevEnd === 0 || /^的$/.test(left)) && /^[\u4e00-\u9fa5]/.test(right) && !/^(?:以上|以下|左右|以内|多|余)/.test(right);
      if (perFigure) named = perFigure[fi];
      // 占全省生产总值的比重达到63.5%: a share names its part in the clause before.
      // 省定20项民生工程…全部完成, …和市定20项民生事项: who set the list stands before the figure, the thing after it.
      else if (setter && setter.noun) named = { subject: setter.who + setter.noun, scopeText: left + right, at: c.start + f.start - setter.who.length, after: true };
      else if (ownSubject && /^占/.test(ownSubject)) named = { subject: (carry?.subject ?? '') + ownSubject, scopeText: left, at: carry?.at ?? c.start, indicator: undefined };
      else if (ownSubject && !(rightNames && /等$/.test(left))) named = { subject: ownSubject, scopeText: left, at: c.start };
      else if (rightNames) {
        // 227个村获评省级美丽乡村, 投入2.74亿元加强基础设施建设, 整治高保路等6条骨干道路: the counted thing follows the figure.
        named = { subject: right.replace(/^(?:的)/, ''), scopeText: right, after: true };
      } else if (!ownSubject && /(?:投资|投入)$/.test(verb)) named = { subject: verb.slice(-2), scopeText: left, at: c.start };
      else named = carry;
      const targetsOf: Named[] = bothOf ?? (named ? [named] : [{ subject: '', scopeText: '' }]);
      const abs = f.value;
      const unit = f.unit === '' ? '%' : f.unit;
      let kind: ObservationKind = 'level';
      let sign = 1;
      const v = verbUsed.replace(/(?:了)$/, '');
      // 增速达到X%, 降幅超过3%: a change, whatever verb follows (人口自然增长率6.5‰ is a rate, not a change).
      const rateVerb = /(?:增幅|增速|降幅|涨幅)(?:为|是|达到|达|超过|保持在|稳定在|实现)?$/.test(left);
      if (MULTIPLE_UNIT.test(unit)) kind = 'multiple';
      else if (RANKING.test(c.text.slice(0, f.start))) kind = 'ranking';
      else if (unit === '%' || unit === '个百分点' || unit === '‰') {
        if (SHARE.test(left) || SHARE.test(named?.subject ?? '')) kind = 'share';
        else if (!rateVerb && TO_LEVEL.test(verbUsed) && !/(?:增长|下降|减少|增加)(?:了)?$/.test(verbUsed)) kind = 'level';
        else if (FALL.test(v) || /(?:下降|降低|减少|回落|削减|压减|下滑|收窄)/.test(verbUsed) || (rateVerb && /降幅/.test(left))) {
          kind = 'growth';
          sign = -1;
        } else if (rateVerb || RISE.test(v) || /(?:增长|增速|增幅|增加|提高|上升|上涨)/.test(verbUsed) || unit === '个百分点') kind = 'growth';
        else kind = 'level';
      } else if (/(?:下降|降低|减少|削减|压减|下滑|减产|减收)(?:了)?$/.test(verbUsed)) {
        // 农村贫困人口减少1109万, 压减地下水开采量1.89亿立方米: the size of a fall in units.
        kind = 'growth';
        sign = /压减|削减/.test(verbUsed) ? 1 : -1;
      } else if ((/(?:增长|增加|提高|多增|增产|增收)(?:了)?$/.test(verbUsed) || /^(?:增产|增收|多增)/.test(left)) && !/新增/.test(verbUsed)) kind = 'growth';
      const item = items.find((it, k) => !taken.has(k) && it.value !== undefined && Math.abs(Math.abs(it.value) - abs) < 1e-9 && (it.unit ?? '') === f.unit && it.start <= c.start + f.start + 1 && it.end >= c.start + f.end - 1 && (taken.add(k), true));
      // CPI's rise is its level (居民消费价格上涨2% answers 涨幅3%左右).
      const cpi = (item?.indicator ?? named?.indicator) === 'cpi';
      if (cpi && kind === 'growth') kind = 'level';
      const periodInfo = comparedToPeriod ? cPeriod : periodOf(c.text.slice(0, f.end) + right, sentMulti, year, prevPlain);
      // 从A增长到B / 由A提高到B: A is a base, the change is over several years; B is a level at the end.
      const fromTo = /(?:从|由)[^，。；]{0,20}$/.test(c.text.slice(0, f.start)) && /^[^，。；]{0,6}(?:增长|提高|增加|上升|扩大|下降|减少|降低|提升)?(?:到|至)/.test(c.text.slice(f.end));
      const endpoint = /(?:从|由)[^，。；]*(?:增长|提高|增加|上升|扩大|下降|减少|降低|提升)?(?:到|至)(?:\d{4}年的?)?$/.test(c.text.slice(0, f.start));
      let period = periodInfo.period;
      let periodWords = periodInfo.words;
      if (fromTo) {
        period = 'multi_year';
        periodWords = '从…到…';
      } else if (endpoint) {
        // An end amount dated to the year (从2015年的56亿元增长到2020年的77亿元) is that year's level; undated, the end of a span.
        period = dated && period !== 'other_year' ? 'year' : 'multi_year';
        if (period === 'multi_year') periodWords = '从…增长到…';
      }
      const stageText = verbUsed + left + right;
      const stage: Stage | undefined = DONE.test(stageText) ? 'done' : BEGUN.test(stageText) ? 'begun' : undefined;
      const count: Count | undefined = STOCK.test(left) && !/新增|净增/.test(left) ? 'stock' : INCREMENT.test(verbUsed + left) ? 'increment' : undefined;
      const after = c.text.slice(f.end);
      const q: Qualifier = f.valueMax !== undefined ? 'range' : /^(?:以上|多|余)/.test(after) || /(?:超过|突破|逾|超)$/.test(left) || f.inner === 'at_least' ? 'at_least' : /^左右/.test(after) || /(?:约|近|接近)$/.test(left) ? 'about' : /^(?:以内|以下)/.test(after) || /(?:不到|不足|低于)$/.test(left) ? 'at_most' : 'exact';
      const textStart = Math.min(c.start, ...targetsOf.map((t) => t.at ?? c.start));
      const qualEnd = named?.after ? c.end - c.start : f.end + (/^(?:以上|左右|以内|以下)/.exec(after)?.[0].length ?? 0);
      for (const t of targetsOf) {
        const scope: string[] = [];
        const scopeText = t.subject + verbUsed + left + t.scopeText;
        for (const [re, w] of SCOPE_WORDS) if (re.test(scopeText) && !scope.includes(w)) scope.push(w);
        if (ADJUSTED.test(left) && !scope.some((x) => x === '可比' || x === '扣除' || x === '同口径')) scope.push('可比');
        if (partOfPlace && !scope.includes('园区') && !scope.includes('市区')) scope.push('园区');
        // A carried subject's canonical indicator beats a name the grammar made up from the predicate (可比增长 → other:可比).
        const carried = !ownSubject && t.indicator && !t.indicator.startsWith('other:') ? t.indicator : undefined;
        const indicator = perFigure || bothOf ? t.indicator ?? item?.indicator : carried ?? item?.indicator ?? (ownSubject ? undefined : t.indicator);
        observations.push({
          start: base + c.start + f.start,
          end: base + c.start + f.end,
          text: s.slice(textStart, c.start + qualEnd),
          textStart: base + textStart,
          textEnd: base + c.start + qualEnd,
          sentence: s,
          subject: t.subject.trim(),
          ...(indicator ? { indicator } : {}),
          kind,
          value: sign * abs,
          ...(f.valueMax !== undefined ? { valueMax: sign * f.valueMax } : {}),
          unit,
          qualifier: q,
          period,
          ...(periodWords && period !== 'year' ? { periodWords } : {}),
          scope,
          estimated: estimated || (item?.estimated ?? false),
          ...(stage ? { stage } : {}),
          ...(count ? { count } : {}),
        });
      }
      if (named && named !== carry && !perFigure && (ownSubject || named.after)) {
        carry = { ...named, indicator: item?.indicator, at: named.at ?? c.start };
        listed = [...listed.filter((x) => x.subject !== named!.subject), carry].slice(-4);
      } else if (named && item?.indicator && !named.indicator) named.indicator = item.indicator;
      if (verb) verbCarry = verb;
      prevEnd = f.end;
    });
    if (perFigure && firstLeft) {
      listed = perFigure;
      lastSpread = true;
    } else lastSpread = false;
  });
}

// Who set a list of tasks, standing alone before its figure (省定20项, 和市定20项, 年初承诺的10件).
const SET_BY = /(?:^|[和及与、])((?:省|市|县|区)定|(?:国家|省|市|县)级|年初(?:确定|承诺|提出)的?)$/;
// Where the counted noun after the figure ends: a verb of completion, a conjunction, another figure.
const NOUN_AFTER = /^[\u4e00-\u9fa5]+?(?=(?:全部|全面|均已|均|已|顺利|如期|圆满)?(?:完成|办结|兑现|落实|建成|实施|开工|投产|竣工|通过)|[和及与]|[0-9０-９]|$)/;

/** 省定|20项|民生工程全部完成 → { who: 省定, noun: 民生工程 }: the setter's words alone before the figure name no thing. */
function setBy(left: string, right: string): { who: string; noun: string } | undefined {
  const m = SET_BY.exec(left.trim());
  if (!m) return undefined;
  const noun = NOUN_AFTER.exec(right.replace(/^的/, ''))?.[0] ?? '';
  return noun.length >= 2 ? { who: m[1], noun } : undefined;
}

/** The clause's period, from its own words, a figure-less clause before it, and its passage. */
function periodOf(clause: string, sentMulti: boolean, year: number | null, before = ''): { period: Period; words?: string } {
  const m = MULTI_WORDS.exec(clause) ?? MULTI_WORDS.exec(before);
  if (m) return { period: 'multi_year', words: m[0] };
  const base = /比(\d{4})年/.exec(clause);
  if (base && year !== null && Number(base[1]) < year - 1) return { period: 'multi_year', words: base[0] };
  const times = /是(\d{4})年的/.exec(clause);
  if (times && year !== null && Number(times[1]) < year) return { period: 'multi_year', words: times[0] };
  const part = PART_YEAR.exec(clause);
  if (part) return { period: 'part_year', words: part[0] };
  const own = /^[^，]{0,4}?(\d{4})年/.exec(clause);
  if (own && year !== null && Number(own[1]) !== year && !/以来|比/.test(clause.slice(0, 12))) return { period: 'other_year', words: own[0] };
  // 同比/比上年: a change over the year before, whatever passage it stands in.
  if (sentMulti && !/同比|比上年|较上年|比去年/.test(clause)) return { period: 'multi_year', words: '五年来' };
  return { period: 'year' };
}

/** Predicate words that end a subject: the verb nearest the figure. */
const PREDICATE = /(?:同比|比上年|较上年|比去年|分别|均|累计|全年|共|总计|预计|初步预计)*(?:实际|名义|可比)?(?:(?:增产|增收|减产|增长|增速为?|增幅为?|增加|提高到|提高|提升到|提升至|提升|上升到|上升至|上升|上涨|下降到|下降至|下降|降低到|降低|降至|降到|减少|回落到|回落|削减|压减|达到|达|为|完成|实现|突破|超过|超|逾|控制在|保持在|稳定在|维持在|新增|新建|新开工|新改建|建成|建设|改造|引进|培育|认定|创建|获评|开工|实施|发放|接待|开行|吸纳|帮扶|安置|培训|治理|整治|关停|取缔|拆除|打造|打通))+(?:了|为|在|到|至)?$/;

function splitPredicate(left: string): { subject: string; verb: string } {
  let l = left.replace(/\s+/g, '').replace(/^[、和及与，,\s]+/, '').replace(/(?:约|近|接近|超过|突破|逾|超)$/, (m) => m);
  // Time and lead words at the start say when, not what.
  l = l.replace(/^(?:\d{4}年(?:全年)?|全年|去年|当年|今年|年内|其中|同时|另外|此外|共|总计|累计|预计|初步预计|初步核算|全市|全省|全县|全区|全州|全国)+/, '');
  let verb = '';
  const m = PREDICATE.exec(l);
  if (m) {
    verb = m[0];
    l = l.slice(0, m.index);
  }
  // A leading verb (建成高标准农田48.7万亩): the object follows it.
  const lead = /^(?:(?:新增|新建|新开工|新改建|新（改）建|建成|建设|改造|提升|引进|培育|认定|创建|完成|实施|开工|打通|治理|整治|关停|压减|发放|接待|开行|吸纳|培训|打造|投入|累计投入|解决|提供|落实|实现|开展|认证|关闭|拆除)[、和及]?)+/.exec(l);
  // A lead verb is stripped only when a name remains (年内开工率 keeps its 开工); a verb alone names nothing (完成投资).
  if (lead && (l.length === lead[0].length || l.length - lead[0].length >= 2)) {
    verb = lead[0] + (verb ? verb : '');
    l = l.slice(lead[0].length);
  }
  return { subject: l.replace(/(?:的|了|等)$/, '').trim(), verb };
}
