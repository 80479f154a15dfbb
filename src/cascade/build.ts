/**
 * The cascade of one indicator in one year, from what is stored: every place
 * with a stored report of the year, with the levels above it (stored or
 * not: a missing level is shown as a gap, never skipped), each target set
 * against the one directly above, and what the next year's report says as the
 * scorecard judges it (no second verdict engine).
 */
import { ReportNotFound } from '../check/from-store.js';
import { ruledScorecard } from '../rulings/scorecard.js';
import { InvalidInput } from '../errors.js';
import { msg } from '../messages.js';
import { resolveReport, type FactRecord, type Repository, type ResolvedReport } from '../store/repository.js';
import { chainOf, isUnder, NATION, parentOf, placeOfStored, resolveRoot, type Where } from './places.js';
import type { AncestorStep, Cascade, CascadeCheck, CascadeNode, CascadeTarget, Step } from './schema.js';
import { asQualifier, barOf, bucketOf, stepBetween, summarise } from './steps.js';

export interface CascadeQuery {
  readonly indicator: string;
  readonly year: number;
  /** The top of the tree shown (default 全国); places outside it are left out. */
  readonly root?: string;
}

const ALL = 1_000_000;

/** What is known of one level before the steps are taken. */
interface Level {
  readonly where: Where;
  readonly report: ResolvedReport | null;
  readonly jurisdiction: string | null;
  readonly target: CascadeTarget | null;
}

export async function buildCascade(repo: Repository, q: CascadeQuery): Promise<Cascade> {
  const root = rootOf(q.root);
  const { levels, unplaced } = await storedLevels(repo, q);
  // Every level above a stored place is part of its chain, stored or not.
  for (const l of [...levels.values()]) {
    for (const w of chainOf(l.where)) if (!levels.has(w.key)) levels.set(w.key, { where: w, report: null, jurisdiction: null, target: null });
  }
  const shown = [...levels.values()].filter((l) => isUnder(l.where, root));
  shown.sort((a, b) => (a.where.key < b.where.key ? -1 : a.where.key > b.where.key ? 1 : 0));
  const nodes: CascadeNode[] = [];
  for (const l of shown) {
    const parent = parentOf(l.where);
    const step = stepOf(q.indicator, l, parent ? levels.get(parent.key)! : null);
    const ancestor_step = step.status === 'parent_missing' || step.status === 'parent_no_target' ? ancestorStep(q.indicator, l, levels) : null;
    const { check, unchecked } = await checkOf(repo, l, q.year);
    const bucket = bucketOf(step);
    nodes.push({
      place: l.where.name, level: l.where.level, parent: parent?.name ?? null, path: chainOf(l.where).map((w) => w.name), depth: chainOf(l.where).length - 1,
      report: l.report ? { document_id: l.report.document.id, rule: l.report.rule, others: l.report.candidates.filter((d) => d.id !== l.report!.document.id).map((d) => d.id) } : null,
      target: l.target, step, ancestor_step, bucket, lower_than_parent: step.status === 'lowered', check, unchecked,
    });
  }
  return { indicator: q.indicator, year: q.year, root: root.name, nodes, summary: summarise(nodes), unplaced };
}

function rootOf(name: string | undefined): Where {
  if (name === undefined) return NATION;
  const r = resolveRoot(name);
  if (r.ok) return r.where;
  if (r.candidates.length === 0) throw new InvalidInput(msg('cascade.no_place', { place: name }), [{ field: 'root', message: 'unknown place' }]);
  throw new InvalidInput(msg('cascade.many_places', { place: name, candidates: r.candidates.join('、') }), [{ field: 'root', message: `one of ${r.candidates.join(', ')}` }]);
}

/** The places with a stored report of the year, each with the report the record rests on and its target. */
async function storedLevels(repo: Repository, q: CascadeQuery): Promise<{ levels: Map<string, Level>; unplaced: Cascade['unplaced'] }> {
  const docs = await repo.listDocuments({ yearFrom: q.year, yearTo: q.year }, { limit: ALL, offset: 0 });
  const names = new Map<string, { where: Where; jurisdiction: string }>();
  const unplaced: Cascade['unplaced'] = [];
  for (const d of [...docs.items].sort((a, b) => a.id - b.id)) {
    const where = d.jurisdiction ? placeOfStored(d.jurisdiction, d.province) : undefined;
    if (!where) unplaced.push({ document_id: d.id, jurisdiction: d.jurisdiction });
    // Two names for one place (a renamed county): the first stored speaks for it, as resolveReport does.
    else if (!names.has(where.key)) names.set(where.key, { where, jurisdiction: d.jurisdiction! });
  }
  const facts = await repo.facts({ fact: 'target', indicator: q.indicator, year: q.year, limit: ALL });
  const byDocument = new Map<number, FactRecord[]>();
  for (const f of facts.items) byDocument.set(f.document_id, [...(byDocument.get(f.document_id) ?? []), f]);
  const levels = new Map<string, Level>();
  for (const [key, { where, jurisdiction }] of names) {
    const report = (await resolveReport(repo, jurisdiction, q.year)) ?? null;
    const target = report ? targetOf(q.indicator, byDocument.get(report.document.id) ?? []) : null;
    levels.set(key, { where, report, jurisdiction, target });
  }
  return { levels, unplaced };
}

/**
 * The target a report sets for the indicator: a rate first (rates compare
 * across levels), then any figure, then words alone; in each, the first the
 * report states. The others are named, not dropped.
 */
export function targetOf(indicator: string, facts: readonly FactRecord[]): CascadeTarget | null {
  const rank = (f: FactRecord) => (f.value !== null && f.kind !== 'qualitative' ? (f.unit === '%' ? 0 : 1) : 2);
  const sorted = [...facts].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const t = sorted[0];
  if (!t) return null;
  const kind = t.kind === 'growth' || t.kind === 'level' ? t.kind : 'qualitative';
  const figure = { kind, value: t.value, value_max: t.value_max, unit: t.unit, qualifier: asQualifier(t.qualifier), scope: t.scope } as const;
  return {
    document_id: t.document_id, ...figure, text: t.text, start: t.start, end: t.end, bar: barOf(indicator, figure),
    others: sorted.slice(1).map((f) => f.text),
  };
}

function stepOf(indicator: string, l: Level, parent: Level | null): Step {
  const blank = (status: Step['status'], against: string | null): Step => ({ status, against, points: null, raise: null, note: null });
  const against = parent?.where.name ?? null;
  if (!l.report) return blank('no_report', against);
  if (!l.target) return blank('no_target', against);
  if (!parent) return blank('top', null);
  if (!parent.report) return blank('parent_missing', against);
  if (!parent.target) return blank('parent_no_target', against);
  return stepBetween(indicator, l.target, parent.target, against!);
}

/**
 * When the level directly above has no report or no target: the nearest level
 * further up that has a target, named as such with every level passed over.
 */
function ancestorStep(indicator: string, l: Level, levels: Map<string, Level>): AncestorStep | null {
  const skipped: AncestorStep['skipped'] = [];
  for (let up = parentOf(l.where); up; up = parentOf(up)) {
    const a = levels.get(up.key);
    if (a?.target) return l.target ? { ...stepBetween(indicator, l.target, a.target, up.name), skipped } : null;
    skipped.push({ place: up.name, reason: a?.report ? 'no_target' : 'no_report' });
  }
  return null;
}

/** The scorecard's verdict on this very target (same span of the same plan report). */
async function checkOf(repo: Repository, l: Level, year: number): Promise<{ check: CascadeCheck | null; unchecked: CascadeNode['unchecked'] }> {
  if (!l.target || !l.jurisdiction) return { check: null, unchecked: l.report ? 'no_target' : null };
  // resolveReport falls back to any place whose name contains this one (保定市 → 保定市清苑区):
  // a district's report must never stand as its city's review.
  const next = await resolveReport(repo, l.jurisdiction, year + 1);
  if (next?.document.jurisdiction !== l.jurisdiction) return { check: null, unchecked: 'no_next_report' };
  // With reviewers' rulings: a signed verdict is the current one here too.
  const card = await ruledScorecard(repo, l.jurisdiction, year).catch((e: unknown) => {
    if (e instanceof ReportNotFound) return null;
    throw e;
  });
  if (!card || card.review_report.id !== next.document.id) return { check: null, unchecked: 'no_next_report' };
  const t = l.target;
  const item = card.items.find((i) => i.source === 'target' && i.plan_span.start === t.start && i.plan_span.end === t.end);
  if (!item) return { check: null, unchecked: 'not_in_scorecard' };
  return {
    check: {
      review_document: card.review_report.id!, verdict: item.verdict, rule: item.rule ?? null, outcome: item.outcome ?? null,
      outcome_unit: item.outcome_unit ?? null, outcome_text: item.evidence?.text ?? null, estimated: item.estimated ?? null,
    },
    unchecked: null,
  };
}
