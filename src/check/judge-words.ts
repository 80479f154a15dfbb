/**
 * Promises in words: a qualitative aim (与经济增长同步, 保持基本稳定, 完成省定任务)
 * or a rank (进入全省前列), judged by the review's figures where it gives
 * them and by what its clauses state otherwise. Also the word lists that tell
 * a stated outcome from an intention or a problem, shared with the other judges.
 */
import { findMentions } from '../extract/indicators.js';
import { overlap } from './match.js';
import type { Observation, Reading, Statement } from './observations.js';
import { AIR, EMISSION_TARGET, RELATED, guarded, isAdjusted, isPart, judged, obsRef, ofIndicator, type Judgement, type PromiseFigure } from './judging.js';

// Words that state an outcome (not an intention): 保持稳定, 总体平稳, 持续改善, 完成, 实现, 基本平衡 …
export const STATED = /稳定|平稳|改善|好转|下降|增长|完成|实现|取得|进展|提升|向好|最低|较低|前列|有效|全部|圆满|超额|收官|同步|快于|高于|达到|巩固|回升|提高|扩大|减少|平衡|趋于|回稳|释放|化解|处置/;
export const DONE_TASK = /(?:超额|全面|圆满|均|全部|顺利)?完成[^，。；]{0,12}(?:任务|目标)|(?:任务|目标)[^，。；]{0,6}(?:全面|圆满|超额)?完成/;
const STABLE_WORDS = /稳|增长|向好|提质|回稳|回升|扩大|提高|恢复/;
// A promise that something keeps falling (排放继续减少, 持续下降).
const FALL_WORDS = /(?:继续|持续|进一步|稳步)?(?:减少|下降|降低)(?![\d])/;
// A review that says a growth promise failed in words (出现下降, 目标未能实现).
export const FAILED = /出现下降|负增长|未能实现|未能完成|没有完成|未完成|未达到|未达预期/;
// Specific pollutants whose emissions answer a promise on 主要污染物排放.
const POLLUTANTS = /二氧化硫|氮氧化物|化学需氧量|氨氮|挥发性有机物|主要污染物/;
// Where a qualitative aim's subject ends and its predicate begins (宏观杠杆率|保持基本稳定).
const QUAL_PREDICATE = /(?:保持|取得|有序|有效|继续|持续|进一步|基本|稳定|稳中|稳步|回稳|促稳|保稳|量稳|同步|完成|实现|改善|下降|减少|平衡|增长|防控|进入|达到|确保|明显|不断|全面|总体|如期)/;

/** The thing a qualitative aim speaks of: its words before the predicate, without lead verbs. */
export function qualitativeSubject(text: string): string {
  const t = text.replace(/[（(][^）)]*[）)]/g, '').replace(/^(?:力争|确保|努力|争取|推动|促进|实现|完成|保持|做到|坚持|各类)+/, '');
  const m = QUAL_PREDICATE.exec(t.slice(1));
  return (m ? t.slice(0, m.index + 1) : t).replace(/^(?:各类|各项|主要的)/, '').trim();
}

/**
 * The clause states the change after naming the measure (进出口逐步回稳, 外贸外资保持稳定),
 * not as an aim before it (着力稳外贸, 推动外贸稳规模).
 */
// A clause that opens on an aim (着力稳外贸, 打造…之城) says what was sought, not what came of it.
export const AIM_OPENING = /^(?:着力|推动|推进|促进|加快|加强|坚持|努力|抓好|做好|实施|出台|支持|引导|鼓励|扎实|全力|大力|打造|争创|力争|奋力|积极|致力)/;

function saysAfter(text: string, id: string, words: RegExp): boolean {
  if (AIM_OPENING.test(text)) return false;
  const m = findMentions(text).find((x) => x.id === id);
  return m !== undefined && words.test(text.slice(m.end));
}

export function asStatement(c: Reading['clauses'][number]): Statement {
  return { start: c.start, end: c.end, text: c.text, sentence: c.text, indicators: [], period: c.period };
}

/**
 * A target in words: income in step with growth (同步), a stabilising or
 * growing measure (进出口回稳向好), a task to complete (完成省定任务), or any
 * other aim (宏观杠杆率保持基本稳定).
 */
export function judgeQualitative(p: PromiseFigure, R: Reading): Judgement {
  const text = p.text;
  const year = (o: Observation) => o.period === 'year';
  const growthOf = (id: string) => R.observations.find((o) => o.indicator === id && year(o) && o.kind === 'growth' && o.unit === '%' && !isAdjusted(o) && !isPart(p, o));
  // 居民收入增长与经济增长同步: income growth at least GDP growth less 0.5 point.
  if (/同步/.test(text) && /收入/.test(text)) {
    const gdp = growthOf('gdp');
    const inc = growthOf('disposable_income');
    if (gdp && inc) {
      const ok = inc.value >= gdp.value - 0.5 - 1e-9;
      return guarded(judged(ok ? 'met' : 'missed', { code: ok ? 'in_step' : 'not_in_step', outcome: obsRef(inc, '居民收入'), others: [obsRef(gdp, '经济')] }, 0.8, inc));
    }
    const [u, r] = [growthOf('urban_disposable_income'), growthOf('rural_disposable_income')];
    if (gdp && u && r) {
      const okU = u.value >= gdp.value - 0.5 - 1e-9;
      const okR = r.value >= gdp.value - 0.5 - 1e-9;
      const fields = { outcome: obsRef(u, '城镇居民收入'), others: [obsRef(r, '农村居民收入'), obsRef(gdp, '经济')] };
      if (okU && okR) return guarded(judged('met', { code: 'in_step', ...fields }, 0.8, u));
      if (!okU && !okR) return guarded(judged('missed', { code: 'not_in_step', ...fields }, 0.8, u));
      return judged('not_comparable', { code: 'split_straddles', ...fields }, 0.8, u);
    }
    const said = R.statements.find((s) => s.period === 'year' && /同步|快于经济|高于经济|跑赢/.test(s.text) && /收入/.test(s.sentence));
    if (said) return judged('met', { code: 'stated_done', quote: said.text }, 0.7, said);
    const level = R.observations.find((o) => year(o) && /disposable_income$/.test(o.indicator ?? ''));
    if (level) return judged('not_comparable', { code: 'other_kind', outcome: obsRef(level, '居民收入') }, 0.65, level);
  }
  // A measure promised to hold steady or grow (进出口回稳向好, 居民收入稳步增长), or to keep falling
  // (主要污染物排放继续减少): the year's change of the same measure answers it.
  const falling = FALL_WORDS.test(text);
  const steady = STABLE_WORDS.test(text) && !EMISSION_TARGET.test(text);
  if (p.indicator && (falling || steady) && !/同步/.test(text)) {
    const mine = ofIndicator(R, p.indicator).filter((o) => year(o) && o.kind === 'growth' && o.unit === '%' && !isAdjusted(o) && !isPart(p, o));
    const pollutants = falling && p.indicator === 'pollutant_emissions' ? R.observations.filter((o) => year(o) && o.kind === 'growth' && o.unit === '%' && POLLUTANTS.test(o.subject) && /排放|减排/.test(o.subject + o.text)) : [];
    const g = mine[0] ?? pollutants[0];
    if (g) {
      const ok = falling ? g.value < 0 : g.value > 0;
      return guarded(judged(ok ? 'met' : 'missed', { code: ok ? 'grew' : 'fell', outcome: obsRef(g) }, 0.75, g));
    }
    // Only words for the measure: 进出口逐步回稳, 外贸外资保持稳定.
    const words = R.statements.find((st) => st.period === 'year' && st.indicators.includes(p.indicator!) && saysAfter(st.text, p.indicator!, falling ? FALL_WORDS : /稳|增长|向好|回升|扩大/) && !FAILED.test(st.text) && !NEGATED.test(st.text));
    if (words) return guarded(judged('met', { code: 'stated_done', quote: words.text }, 0.65, words));
    const level = ofIndicator(R, p.indicator).find((o) => year(o));
    if (level) return judged('not_comparable', { code: 'other_kind', outcome: obsRef(level) }, 0.65, level);
    // Only a related measure (出口 for 进出口): shown, not judged.
    const relatedIds = RELATED[p.indicator] ?? [];
    const rel = R.observations.find((o) => year(o) && relatedIds.includes(o.indicator ?? '')) ?? R.statements.find((st) => st.period === 'year' && st.indicators.some((i) => relatedIds.includes(i)));
    if (rel) return judged('not_comparable', { code: 'other_measure', ...('kind' in rel ? { outcome: obsRef(rel) } : { quote: rel.text }) }, 0.6, rel);
  }
  if (RANK_AIM.test(text)) return judgeRanking(R);
  const subject = qualitativeSubject(text);
  // 完成…任务: the review states the task done for the same thing.
  if (/完成|任务|目标/.test(text) && subject.length >= 2) {
    const done = R.clauses.find((c) => c.period === 'year' && DONE_TASK.test(c.text) && overlap(subject.replace(/任务|目标|下达|省定|市定|国家|上级|各项|约束性指标|指标|其他|等/g, ' ').trim() || subject, c.text) >= 0.5);
    if (done) return judged('met', { code: 'stated_done', quote: done.text }, 0.65, asStatement(done));
  }
  // Emissions and PM2.5 have air quality beside them: related, not the same measure. Energy does not.
  // Carbon dioxide is no air pollutant: its intensity has no air quality beside it.
  const emissions = p.indicator === 'pollutant_emissions' || /PM2\.5|细颗粒物/.test(p.indicator ?? '') || (/排放|减排|PM2\.5|细颗粒物/.test(text) && !/^(?:energy_|carbon_)|能耗|能源|二氧化碳|碳排放/.test(p.indicator ?? ''));
  const same = ofIndicator(R, p.indicator).find((o) => year(o));
  if (same) return judged('not_comparable', { code: 'other_kind', outcome: obsRef(same) }, 0.7, same);
  if (emissions) {
    // Air quality of part of the year is as related as the year's (下半年空气综合指数下降…).
    const air = R.observations.find((o) => (year(o) || o.period === 'part_year') && AIR.test(o.subject + o.text));
    if (air) return judged('not_comparable', { code: 'other_measure', outcome: obsRef(air), scope: '空气质量' }, 0.7, air);
    // Only words on air quality or pollution control (PM2.5浓度继续下降, 完成污染防治攻坚战阶段性目标任务).
    const said = R.clauses.find((c) => c.period === 'year' && (AIR.test(c.text) || /污染防治|大气污染|蓝天/.test(c.text)) && STATED.test(c.text));
    if (said) return judged('not_comparable', { code: 'other_measure', scope: '空气质量', quote: said.text }, 0.65, asStatement(said));
  }
  // Any other aim in words: a clause of the year that names the same thing and says it happened.
  if (subject.length >= 2) {
    let best: { c: Reading['clauses'][number]; s: number } | undefined;
    for (const [i, c] of R.clauses.entries()) {
      if (c.period !== 'year') continue;
      const next = R.clauses[i + 1];
      const said = (STATED.test(c.text) || (next !== undefined && next.start === c.end + 1 && STATED.test(next.text) && !QUAL_NOUN.test(next.text))) && !NEGATED.test(c.text);
      if (!said) continue;
      const s = overlap(subject, c.text);
      if (!best || s > best.s) best = { c, s };
    }
    if (best && best.s >= 0.75) return guarded(judged('met', { code: 'stated_done', quote: best.c.text }, best.s >= 0.9 ? 0.7 : 0.62, asStatement(best.c)));
  }
  return judged('not_reported', { code: 'not_found' }, 0.6);
}

// An aim stated as a rank (进入全省前三, 进入全市前列, 位次前移).
const RANK_AIM = /前列|前[一二三四五六七八九十\d]+(?:位|名)?|位次|排名/;
const RANK_SAID = /前列|前[一二三四五六七八九十\d]+(?:位|名)?|第[一二三四五六七八九十\d]+(?:位|名)?/;

/**
 * A rank aim for the main indicators (主要经济指标进入全省前列): met when the
 * review ranks the indicators (多项指标稳居全市前列); a single indicator's
 * rank or a comparison with the average (增速高于全市平均) is related only.
 */
function judgeRanking(R: Reading): Judgement {
  const list = R.clauses.filter((c) => c.period === 'year');
  for (const [i, c] of list.entries()) {
    const next = list[i + 1];
    const span = next && next.start === c.end + 1 ? `${c.text}，${next.text}` : c.text;
    if (/指标/.test(c.text) && RANK_SAID.test(span) && !/目标|力争|确保/.test(span)) return guarded(judged('met', { code: 'stated_done', quote: span }, 0.62, asStatement({ ...c, text: span, end: next && span !== c.text ? next.end : c.end })));
  }
  // Related only when it ranks an economic indicator (地区生产总值…全省第二), not any list (专项债券…全市前三).
  const related = list.find((c) => (RANK_SAID.test(c.text) || /高于(?:全省|全市|全国)(?:平均)?/.test(c.text)) && /(?:全省|全市|全国)/.test(c.text) && (/指标/.test(c.text) || findMentions(c.text).some((m) => !m.id.startsWith('other:'))) && !/目标|力争|确保/.test(c.text));
  if (related) return judged('not_comparable', { code: 'other_measure', quote: related.text, scope: '单项指标排名' }, 0.6, asStatement(related));
  return judged('not_reported', { code: 'not_found' }, 0.6);
}

// A problem or a negation is no outcome (国际收支不平衡矛盾加剧, 尚未完成, 压力加大).
const NEGATED = /(?:不|未|没有|尚未|难以|无法)(?:平衡|稳定|完成|实现|达到|改善|平稳|好转)|矛盾|问题|压力|困难|风险加大|下行/;

// A following clause with a subject of its own says something else.
const QUAL_NOUN = /^[^，。；]{0,6}(?:指数|浓度|率|量|额|收入|总值)/;
