/**
 * Who reports: the government named in the opening address, the meeting, the
 * speaker line; when those are generic (我代表市人民政府), the place the text
 * talks about most, at the level the text speaks for (全市, 全县 …).
 */
import type { Level } from '../model.js';
import { gazetteer, NATIONAL, resolveName, scanMentions, within, type Place } from './gazetteer.js';

export interface JurisdictionFinding {
  /** null for the national government. */
  readonly place: Place | null;
  readonly national: boolean;
  readonly evidence: string;
  readonly confidence: number;
  readonly index?: number;
  readonly length?: number;
  readonly levelHint?: Level | null;
}

export interface JurisdictionClues {
  readonly opening?: { value: string; evidence: string; index: number; length: number } | null;
  readonly meeting?: { value: string; evidence: string; index: number; length: number } | null;
  readonly speakerLine?: { value: string; evidence: string; index: number; length: number } | null;
  /** Weak claims: titles, the file name. */
  readonly claims?: readonly { place: string; evidence: string; confidence: number }[];
}

const GENERIC = /^(?:本?[市县区省州旗盟]|自治区|自治州|市人民|县人民|区人民|[市县区]级)?$/;
const MENTION_SCAN_LIMIT = 80000;

/** Level implied by a generic government word, else by 全市/全县/全区/全省 counts. */
export function levelHint(who: string | null, text: string, start: number, end: number): Level | null {
  if (who) {
    if (/^自治区|省$|^省/.test(who)) return 'province';
    if (/^区/.test(who)) return 'district';
    if (/^县|^旗/.test(who)) return 'county';
    if (/^市|^州|^盟/.test(who)) return 'prefecture';
  }
  const slice = text.slice(start, Math.min(end, start + MENTION_SCAN_LIMIT));
  const n = (re: RegExp): number => (slice.match(re) ?? []).length;
  // 居全省前列, 全市第一: comparisons with the level above do not count.
  const CMP = '(?!唯一|先河|前列|第[一二三四五六七八九十]|标杆|首位|首家|首个|首批|排名|平均|领先|率先|之最|最|前|示范|典型|样板|试点|位次|同步|同类|排位|名列|一流|推广)';
  const counts: [Level, number][] = [
    ['province', n(new RegExp(`(?:全省|全自治区)${CMP}`, 'g'))],
    ['prefecture', n(new RegExp(`(?:全市|全州|全盟)${CMP}`, 'g'))],
    ['county', n(new RegExp(`(?:全县|全旗)${CMP}`, 'g'))],
    ['district', n(new RegExp(`全区(?!域)${CMP}`, 'g'))],
    ['national', n(/全国人民|我国/g) > 5 ? n(/我国/g) : 0],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] >= 3 ? counts[0][0] : null;
}

function levelFits(p: Place, hint: Level | null): boolean {
  if (!hint) return true;
  if (hint === 'prefecture') return p.level === 'prefecture' || (p.kind === 'county' && p.name.endsWith('市'));
  // A county may since have become a district (清苑县 → 清苑区), and 全区 is also said in counties' districts.
  if (hint === 'county' || hint === 'district') return p.kind === 'county';
  if (hint === 'province') return p.level === 'province';
  return false;
}

/** Mention scores over the document: own mentions plus a share of those of places inside. */
export function mentionScores(text: string, start: number, end: number): Map<Place, number> {
  const scores = new Map<Place, number>();
  const add = (p: Place | null, w: number): void => {
    if (p) scores.set(p, (scores.get(p) ?? 0) + w);
  };
  for (const m of scanMentions(text, start, Math.min(end, start + MENTION_SCAN_LIMIT))) {
    const w = m.short ? 1 : 2;
    add(m.place, w);
    if (m.place.kind === 'county') add(m.place.prefecture, w * 0.3);
    if (m.place.kind !== 'province') add(m.place.province, w * 0.2);
  }
  return scores;
}

function pickByMentions(cands: readonly Place[], scores: Map<Place, number>): Place {
  let best = cands[0];
  let bestScore = -1;
  for (const c of cands) {
    const s = (scores.get(c) ?? 0) + 0.5 * (c.prefecture ? scores.get(c.prefecture) ?? 0 : 0) + 0.2 * (c.province ? scores.get(c.province) ?? 0 : 0);
    if (s > bestScore) { best = c; bestScore = s; }
  }
  return best;
}

export function inferJurisdiction(text: string, start: number, end: number, clues: JurisdictionClues): JurisdictionFinding | null {
  const { opening, meeting, speakerLine } = clues;
  const national = (opening && /国务院/.test(opening.value)) || (meeting && /全国人民代表大会/.test(meeting.value)) || (speakerLine && /国务院|总理/.test(speakerLine.evidence) && !/(省|市|县|区)人民政府/.test(speakerLine.evidence));
  if (national) {
    const src = opening && /国务院/.test(opening.value) ? opening : meeting && /全国人民代表大会/.test(meeting.value) ? meeting : speakerLine!;
    return { place: null, national: true, evidence: src.evidence, confidence: 0.95, index: src.index, length: src.length, levelHint: 'national' };
  }
  let scores: Map<Place, number> | null = null;
  const getScores = (): Map<Place, number> => (scores ??= mentionScores(text, start, end));

  const explicit: { value: string; evidence: string; index: number; length: number; conf: number }[] = [];
  if (opening && !GENERIC.test(opening.value)) explicit.push({ ...opening, conf: 0.95 });
  if (meeting) {
    const m = /^(.*?)(?:第?[一二三四五六七八九十\d]+届)/.exec(meeting.value);
    if (m && m[1] && !GENERIC.test(m[1])) explicit.push({ ...meeting, value: m[1], conf: 0.9 });
  }
  if (speakerLine) {
    const m = /^(.*?)(?:人民政府|政府)/.exec(speakerLine.evidence.replace(/\s+/g, ''));
    if (m && m[1] && !GENERIC.test(m[1])) explicit.push({ ...speakerLine, value: m[1], conf: 0.85 });
  }
  for (const e of explicit) {
    const places = resolveName(e.value);
    if (!places.length) continue;
    const place = places.length === 1 ? places[0] : pickByMentions(places, getScores());
    const renamed = place.name !== e.value && !e.value.endsWith(place.name) && !place.fullName.endsWith(e.value) ? ` (now ${place.fullName})` : '';
    return { place, national: false, evidence: e.evidence + renamed, confidence: places.length === 1 ? e.conf : e.conf - 0.2, index: e.index, length: e.length, levelHint: place.level };
  }

  // Generic address: the level it speaks for, then the place talked about most.
  const who = opening?.value ?? null;
  const hint = levelHint(who, text, start, end);
  if (hint === 'national') return { place: null, national: true, evidence: 'the text speaks for the whole country (我国, 全国)', confidence: 0.5, levelHint: 'national' };
  const s = getScores();
  const claimPlaces = new Map<Place, { evidence: string; confidence: number }>();
  for (const c of clues.claims ?? []) {
    for (const p of resolveName(c.place)) if (!claimPlaces.has(p)) claimPlaces.set(p, c);
  }
  // A place counts with the places around it: a county whose city and
  // province are never named is a stray word (资源, 示范县).
  const total = (p: Place): number => {
    const own = s.get(p) ?? 0;
    const around = (p.kind === 'county' && p.prefecture ? 0.5 * (s.get(p.prefecture) ?? 0) : 0) + (p.province && p.province !== p ? 0.3 * (s.get(p.province) ?? 0) : 0);
    return own + Math.min(own, around);
  };
  let best: Place | null = null;
  let bestScore = 0;
  for (const [p] of s) {
    if (!levelFits(p, hint)) continue;
    const sc = total(p) + (claimPlaces.has(p) ? 10 : 0);
    if (sc > bestScore) { best = p; bestScore = sc; }
  }
  for (const [p] of claimPlaces) {
    if (!levelFits(p, hint) && hint) continue;
    const sc = total(p) + 10;
    if (sc > bestScore) { best = p; bestScore = sc; }
  }
  if (best && bestScore >= 3) {
    const claim = claimPlaces.get(best);
    const words = who !== null ? `我代表${who}人民政府; ` : '';
    return {
      place: best,
      national: false,
      evidence: `${words}${best.name} and places in it are named ${Math.round(s.get(best) ?? 0)} times${claim ? `; ${claim.evidence}` : ''}`,
      confidence: claim ? 0.7 : 0.6,
      levelHint: hint,
    };
  }
  return null;
}

export function jurisdictionName(f: JurisdictionFinding): string {
  return f.national || !f.place ? NATIONAL : f.place.fullName;
}

export function provinceName(f: JurisdictionFinding): string | null {
  return f.national || !f.place ? NATIONAL : f.place.province?.name ?? null;
}

/** True when a claimed place is compatible with the found jurisdiction (same or a parent written with it). */
export function claimAgrees(claimed: string, f: JurisdictionFinding): boolean {
  if (f.national) return /国务院|全国|中华人民共和国|中国/.test(claimed);
  if (!f.place) return true;
  const places = resolveName(claimed);
  if (!places.length) return true; // nothing to contradict
  return places.some((p) => p === f.place);
}

export { gazetteer, within };
