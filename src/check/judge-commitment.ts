/**
 * Judging a quantified commitment (新建口袋公园100个, 建设高标准农田38万亩) by
 * the year's observation that counts the same object, in a unit of the same
 * family, of the same kind, tier and stage; a task without a figure by a
 * clause of the year that states it done.
 */
import type { FactKind } from '../model.js';
import { leadOf, overlap, subjectOf } from './match.js';
import { commonRun, leadVerb, objectMatch, objectOf, promiseObject, tierOf } from './objects.js';
import type { Observation, Reading } from './observations.js';
import { compareTo, guarded, judged, kindFits, obsRef, ofIndicator, settled, targetRef, type Judgement, type PromiseFigure } from './judging.js';
import { AIM_OPENING, DONE_TASK, asStatement } from './judge-words.js';
import { judgeTarget, planPeriodWords } from './judge-target.js';
import { sameThing } from './synonyms.js';
import { unitFamily } from './units.js';
import { compare } from './verdict.js';


// A promise to finish (建成, 完成, 竣工) is not kept by a start (开工, 进入…程序).
const PROMISE_DONE = /建成|完成|竣工|投产|通车|投用|交付|办结|落成/;
// Annual renovation programmes are counted by units started (新开工改造).
const RENOVATION = /老旧小区|棚户区|城中村|危旧房|危房/;
const PROMISE_INCREMENT = /新增|新建|新培育|新引进|新认定|新创建|引进|培育|认定/;
const PROMISE_STOCK = /达到|发展到|总数|总量|累计达|保有/;

function commitmentKind(p: PromiseFigure): FactKind {
  if (p.kind && p.kind !== 'qualitative') return p.kind;
  if (p.unit === '%' && /增长|增幅|增速|提高(?!到|至)/.test(p.text)) return 'growth';
  return 'level';
}

interface Scored {
  o: Observation;
  object: string;
  score: number;
  head: boolean;
}

/** The thing an observation counts: its subject's object, or the words before its figure. */
function observedObject(o: Observation): string {
  return objectOf(o.subject) || o.subject;
}

// Words that widen or narrow where, not what: a promise's 城镇老旧小区 is still counted by 老旧小区.
const SCOPE_MODIFIER = /^(?:城镇|农村|城乡|城市|全市|全省|全县|全区|主城区|市区|城区|县城|新建|新增|年内|全年|在建|续建)+$/;

function scoreAgainst(object: string, o: Observation): Scored {
  // The object as stripped, or the subject as written when that matches better (项目 / 重点技改项目);
  // each read by its family name when reports name it several ways (旅游综合收入 / 旅游总收入).
  const stripped = sameThing(observedObject(o));
  const a = objectMatch(object, stripped);
  const subject = sameThing(o.subject);
  const b = subject.length >= 2 ? objectMatch(object, subject) : { score: 0, head: false };
  const [found, m] = b.score > a.score && b.head ? [subject, b] : [stripped, a];
  // 生猪养殖量 promised, 养殖量 found: the missing entity must be in the sentence before the figure.
  if (m.score >= 0.9 && found.length < object.length && object.includes(found)) {
    const missing = object.replace(found, '');
    const before = o.sentence.slice(0, Math.max(0, o.sentence.indexOf(o.text)) + o.text.length);
    if (!SCOPE_MODIFIER.test(missing) && !before.includes(missing)) return { o, object: found, score: 0.5, head: m.head };
  }
  return { o, object: found, ...m };
}

/**
 * A quantified commitment (新建口袋公园100个, 建设高标准农田38万亩): judged by
 * the year's observation that counts the same object, in a unit of the same
 * family, of the same kind, tier and stage.
 */
export function judgeCommitment(p: PromiseFigure, R: Reading, planYear?: number | null): Judgement {
  if (p.value === undefined || !p.unit) return judgeTask(p, R);
  // 新增千亿斤粮食生产能力, 百万亩造林工程: a round magnitude in words names a programme, not the year's quantity.
  if (!/[0-9０-９]/.test(p.text) && /[百千万亿]{1,2}(?:亿|万)?[^\s，。]{0,2}/.test(p.text) && /^[百千万亿]+$/.test(roundMagnitude(p.text))) {
    return judged('not_reported', { code: 'plan_period', target: targetRef(p), period_words: roundMagnitude(p.text) }, 0.6);
  }
  const kind = commitmentKind(p);
  const promise: PromiseFigure = { ...p, kind };
  // Its sentence may set the period for a list (到2010年，生产总值…、财政收入力争达到2000亿元左右).
  const at = p.sentence ? p.sentence.indexOf(p.text) : -1;
  const period = planPeriodWords(p.text, planYear) ?? (p.sentence && at > 0 ? planPeriodWords(p.sentence.slice(0, at), planYear) : undefined);
  if (period) return judged('not_reported', { code: 'plan_period', target: targetRef(promise), period_words: period }, 0.7);
  if (p.indicator && !p.indicator.startsWith('other:') && ofIndicator(R, p.indicator).some((o) => o.period === 'year')) {
    const j = judgeTarget(promise, R, planYear);
    if (j.verdict !== 'not_reported') return j;
  }
  // Matched by its family name (旅游人数 → 游客人次); looked up in words as the promise writes it.
  const written = promiseObject(p.text, p.sentence);
  const object = sameThing(written);
  if (object.length < 2) return judged('not_reported', { code: 'not_found', target: targetRef(promise) }, 0.6);
  // A project list's total cost (总投资X亿元的N个项目) is not a year's investment, nor the reverse.
  const totalCost = (t: string) => /总投资/.test(t);
  const year = R.observations.filter((o) => o.period === 'year' && totalCost(o.subject + o.text.slice(0, Math.max(0, o.text.indexOf(String(Math.abs(o.value)))))) === totalCost(p.text));
  // A list set by another government (市定 against a promised 省定 list) is another list.
  const setBy = (t: string) => /([省市县区])定/.exec(t)?.[1];
  const sameSetter = (o: Observation) => !setBy(p.text) || !setBy(o.subject) || setBy(o.subject) === setBy(p.text);
  const scored = year.filter(sameSetter).map((o) => scoreAgainst(object, o)).filter((s) => s.head && s.score >= 0.5);
  // Among equally named counts, the one at the promised stage first (竣工投产 before 落地开工).
  const stage = PROMISE_DONE.test(p.text) ? 'done' : /开工|启动|签约/.test(p.text) ? 'begun' : undefined;
  const atStage = (s: Scored) => (stage !== undefined && s.o.stage === stage ? 1 : 0);
  scored.sort((a, b) => b.score - a.score || atStage(b) - atStage(a) || a.o.start - b.o.start);
  const sameKind = (o: Observation) => unitFamily(p.unit)?.family !== 'share' || kindFits(kind, o) || (kind === 'level' && o.kind === 'share');
  const comparable = scored.filter((s) => compareTo(promise, s.o) !== undefined && sameKind(s.o));
  const best = comparable[0];
  // The same head with another modifier (立体停车场 promised, 城市停车场 counted): a neighbouring category.
  if (best && best.score < 0.7 && best.object.slice(-2) === object.slice(-2) && !object.includes(best.object) && !best.object.includes(object)) {
    return judged('not_comparable', { code: 'other_measure', target: targetRef(promise), outcome: obsRef(best.o), scope: `${object} / ${best.object}` }, 0.65, best.o);
  }
  if (best && best.score >= 0.55) {
    const o = best.o;
    // 省级美丽乡村 promised, 市级以上美丽乡村 counted (or no tier at all): another category.
    const [tp, to] = [tierOf(object), tierOf(best.object)];
    if (tp !== to) return judged('not_comparable', { code: 'other_measure', target: targetRef(promise), outcome: obsRef(o), scope: `${tp ?? '不分级'} / ${to ?? '不分级'}` }, 0.7, o);
    if (PROMISE_DONE.test(p.text) && o.stage === 'begun' && !RENOVATION.test(p.text)) {
      return judged('not_comparable', { code: 'other_stage', target: targetRef(promise), outcome: obsRef(o), promised: PROMISE_DONE.exec(p.text)![0], found: o.text }, 0.75, o);
    }
    if (PROMISE_INCREMENT.test(p.text) && o.count === 'stock' && !PROMISE_STOCK.test(p.text)) {
      return judged('not_comparable', { code: 'stock_vs_increment', target: targetRef(promise), outcome: obsRef(o), promised: '新增量', found: '总量' }, 0.7, o);
    }
    if (PROMISE_STOCK.test(p.text) && o.count === 'increment' && !PROMISE_INCREMENT.test(p.text) && !/完成|建成|实施/.test(p.text)) {
      return judged('not_comparable', { code: 'stock_vs_increment', target: targetRef(promise), outcome: obsRef(o), promised: '总量', found: '新增量' }, 0.7, o);
    }
    // Confidence follows how fully the observation's own object names the promised one.
    let confidence = best.score >= 0.85 ? 0.85 : best.score >= 0.7 ? 0.7 : 0.5;
    // Another reading as good that says the opposite: not sure which is meant. A two-character
    // object (投资, 学位) counted more than once in the year is as unsure.
    const rival = comparable.find((s) => s !== best && s.score >= best.score - 1e-9 && compareTo(promise, s.o)!.c.verdict !== compareTo(promise, o)!.c.verdict);
    // A two-character object (项目, 投资, 学位) is sure only when the review counts exactly it with the
    // promise's own verb (新增学位…, 新增学位…), and only once at that stage.
    const lead = leadVerb(p.text);
    const generic = object.length <= 2 && (best.object !== object || lead === undefined || !o.text.includes(lead) || comparable.filter((s) => s.score >= best.score - 1e-9 && s.o.stage === o.stage).length > 1);
    // A project list's total cost (总投资137亿元的92个项目) names the list: a count of another list
    // (a total cost far from it) does not answer it.
    const listCost = /总投资/.test(p.text) && !sameList(p.text, o.text);
    if (rival || generic || listCost) confidence = Math.min(confidence, 0.55);
    return settled(promise, o, confidence);
  }
  const strong = scored.find((s) => s.score >= 0.7 && compareTo(promise, s.o) === undefined);
  if (strong) return judged('not_comparable', { code: 'other_kind', target: targetRef(promise), outcome: obsRef(strong.o) }, 0.65, strong.o);
  // The same entity with another measure (肉牛存栏量 promised, 肉牛养殖量 reported): related, not the same.
  const lead = leadOf(written);
  const measure = written.slice(-1);
  const sibling = lead.length === 2 ? year.find((o) => compareTo(promise, o) !== undefined && o.subject !== lead && ((o.subject.startsWith(lead) && overlap(written, o.subject) >= 0.3) || (/[量率额数]/.test(measure) && o.subject.endsWith(measure) && o.sentence.slice(0, Math.max(0, o.sentence.indexOf(o.text)) + o.text.length).includes(lead)))) : undefined;
  if (sibling) return judged('not_comparable', { code: 'other_measure', target: targetRef(promise), outcome: obsRef(sibling), scope: sibling.subject }, 0.6, sibling);
  const multi = R.observations.filter((o) => o.period === 'multi_year').map((o) => scoreAgainst(object, o)).filter((s) => s.head && s.score >= 0.85 && compareTo(promise, s.o) !== undefined);
  if (multi.length) return judged('not_reported', { code: 'multi_year_only', target: targetRef(promise), period_words: multi[0].o.periodWords }, 0.7, multi[0].o);
  const list = listed(p, R);
  if (list) {
    const c = compare(p.value, p.qualifier, list.count, { targetMax: p.value_max, unit: p.unit });
    // Fewer names than promised settles nothing: a review may list only some (等).
    if (c.verdict === 'met') return guarded(judged('met', { code: 'reached', target: targetRef(promise), outcome: { kind: 'level', value: list.count, unit: p.unit, qualifier: list.atLeast ? 'at_least' : 'exact', label: '列出' }, direction: c.direction, bound: c.bound, tolerance: c.tolerance }, 0.65, asStatement(list.clause)));
  }
  // 超额完成哈哈腔演出任务: the task stated done for the same object.
  // (Only for an object of three characters or more: 住房 alone is in too many tasks.)
  const done = written.length >= 3 ? R.clauses.find((c) => c.period === 'year' && DONE_TASK.test(c.text) && overlap(written, c.text) >= 0.55) : undefined;
  if (done) return guarded(judged('met', { code: 'stated_done', quote: done.text }, 0.62, asStatement(done)));
  // The object named in words only (中欧班列开行数量持续增长, 打通一批断头路): related, no count to read.
  const named = R.clauses.find((c) => c.period === 'year' && !AIM_OPENING.test(c.text) && namesObject(c.text, written));
  if (named) return judged('not_comparable', { code: 'words_only', target: targetRef(promise), quote: named.text }, 0.6, asStatement(named));
  return judged('not_reported', { code: 'not_found', target: targetRef(promise) }, 0.6);
}

// The named examples of a promise (推动甲馆、乙院等3家…): before 等 and a figure, after the lead verbs.
const EXAMPLES = /^(?:推动|推进|支持|完成|实现|确保|力争|争取|年内|全年|新建|建设|改造|实施|打造|创建)*(.+?)等(?=[0-9０-９一二两三四五六七八九十])/;
// Where the names of a review's list end: 等, or the verb that says what became of them.
const LIST_END = /等|通过|获评|获得|获|入选|被评为|评为|被认定为|认定为|列入|纳入|建成|成功创建|创建成功/;

/**
 * A review's list of names that includes an example the promise names, with
 * the promise's predicate after it (推动甲中心、乙院等3家养老机构通过二星级评定 /
 * 乙院、甲中心、丙公寓通过国家二星级评定): the names are the count — exactly
 * so many, or at least so many when the list ends in 等.
 */
function listed(p: PromiseFigure, R: Reading): { count: number; atLeast: boolean; clause: Reading['clauses'][number] } | undefined {
  if (unitFamily(p.unit)?.family !== 'count') return undefined;
  const m = EXAMPLES.exec(p.text);
  if (!m) return undefined;
  const examples = m[1].split('、').filter((x) => x.length >= 3);
  // What is said of them, without the examples and the figure: 养老机构通过二星级评定.
  const predicate = subjectOf(p.text.slice(m[0].length));
  if (!examples.length || predicate.length < 4) return undefined;
  for (const c of R.clauses) {
    if (c.period !== 'year' || !c.text.includes('、') || AIM_OPENING.test(c.text)) continue;
    const end = LIST_END.exec(c.text.slice(c.text.lastIndexOf('、')));
    if (!end) continue;
    const at = c.text.lastIndexOf('、') + end.index;
    const names = c.text.slice(0, at).split('、');
    if (names.some((n) => n.length < 2 || n.length > 16 || /[0-9０-９]/.test(n)) || !examples.some((e) => names.includes(e))) continue;
    if (overlap(predicate, c.text.slice(at)) < 0.5) continue;
    return { count: names.length, atLeast: end[0] === '等', clause: c };
  }
  return undefined;
}

/**
 * A clause names the object when it holds all of a short one (断头路) or a run
 * of at least four characters that is most of a longer one (建材产业园 of 新型建材产业园区).
 */
export function namesObject(clause: string, object: string): boolean {
  if (object.length < 3) return false;
  if (object.length <= 4) return clause.includes(object);
  const run = commonRun(object, clause);
  return run.length >= 4 && run.length * 2 >= object.length;
}

/** Two project lists are the same when their total costs (总投资X亿元) lie within a fifth of each other. */
function sameList(promised: string, found: string): boolean {
  const cost = (t: string) => {
    const m = /总投资([0-9.]+)(亿|万)元/.exec(t);
    return m ? Number(m[1]) * (m[2] === '亿' ? 1e4 : 1) : undefined;
  };
  const [a, b] = [cost(promised), cost(found)];
  return a !== undefined && b !== undefined && Math.abs(a - b) <= 0.2 * Math.max(a, b);
}

/** The figure of a promise written only in Chinese magnitudes (千亿斤 → 千亿), or ''. */
function roundMagnitude(text: string): string {
  return /(?<![一二两三四五六七八九十零〇])([百千万亿]+)(?=[斤吨亩元人户个公里])/.exec(text)?.[1] ?? '';
}

/** A task without a figure: done when a clause of the year states the same task. */
function judgeTask(p: PromiseFigure, R: Reading): Judgement {
  const subject = subjectOf(p.text);
  if (subject.length >= 2) {
    let best: { c: Reading['clauses'][number]; s: number } | undefined;
    for (const c of R.clauses) {
      if (c.period !== 'year') continue;
      const s = overlap(subject, c.text);
      if (!best || s > best.s) best = { c, s };
    }
    if (best && best.s >= 0.6) {
      const c = best.c;
      return guarded(judged('met', { code: 'stated_done', quote: c.text }, best.s >= 0.8 ? 0.65 : 0.5, { start: c.start, end: c.end, text: c.text, sentence: c.text, indicators: [], period: 'year' }));
    }
  }
  return judged('not_reported', { code: 'not_found' }, 0.6);
}
