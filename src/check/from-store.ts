import { resolveReport, type Repository, type ResolvedReport } from '../store/repository.js';
import { fromStored } from './adapters.js';
import { checkPair, type Scorecard } from './index.js';

/** How the scorecard's report for one year was chosen, naming every other stored claimant. */
export interface ReportBasis {
  readonly document_id: number;
  readonly rule: ResolvedReport['rule'];
  readonly chosen_by: number | null;
  readonly chosen_at: string | null;
  /** Other stored documents that claim the same place and year. */
  readonly others: { id: number; file_name: string; doc_type: string }[];
}

export type StoredScorecard = Scorecard & { readonly basis: { readonly plan: ReportBasis; readonly review: ReportBasis } };

function basis(r: ResolvedReport): ReportBasis {
  return {
    document_id: r.document.id,
    rule: r.rule,
    chosen_by: r.choice?.chosen_by ?? null,
    chosen_at: r.choice?.chosen_at ?? null,
    others: r.candidates.filter((d) => d.id !== r.document.id).map((d) => ({ id: d.id, file_name: d.file_name, doc_type: d.doc_type })),
  };
}

export class ReportNotFound extends Error {
  override readonly name = 'ReportNotFound';
}

/**
 * The stored report of a place for a year. A county renamed a district or a
 * city (撤县设区: 徐水县 → 保定市徐水区) is found under its new name when
 * nothing is stored under the old one: same stem, another county-level suffix.
 */
export async function resolvePlaceReport(repo: Repository, jurisdiction: string, year: number): Promise<ResolvedReport | undefined> {
  const found = await resolveReport(repo, jurisdiction, year);
  if (found) return found;
  const stem = /^(.{2,})(?:县|区|市|旗)$/.exec(jurisdiction)?.[1];
  if (!stem) return undefined;
  const page = await repo.listDocuments({ jurisdiction: stem, yearFrom: year, yearTo: year }, { limit: 200, offset: 0 });
  // The new name keeps the stem with another county-level suffix, written alone or after its city (…市, …州, …盟).
  const renamed = page.items.find((d) => d.jurisdiction && d.jurisdiction !== jurisdiction && new RegExp(`(?:^|[市州盟])${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[县区市旗]$`).test(d.jurisdiction));
  return renamed?.jurisdiction ? resolveReport(repo, renamed.jurisdiction, year) : undefined;
}

/** The scorecard of `jurisdiction`'s year-N promises, from the stored reports of N and N+1. */
export async function scorecardFromStore(repo: Repository, jurisdiction: string, year: number): Promise<StoredScorecard> {
  const plan = await resolvePlaceReport(repo, jurisdiction, year);
  if (!plan) throw new ReportNotFound(`no stored report of ${jurisdiction} for ${year} (the plan report that set the promises)`);
  const review = await resolvePlaceReport(repo, jurisdiction, year + 1);
  if (!review) throw new ReportNotFound(`no stored report of ${jurisdiction} for ${year + 1} (the report that reviews ${year})`);
  const [p, r] = await Promise.all([repo.getDocument(plan.document.id), repo.getDocument(review.document.id)]);
  return { ...checkPair(fromStored(p!), fromStored(r!)), basis: { plan: basis(plan), review: basis(review) } };
}

export interface PairSummary {
  year: number;
  plan_document: number;
  review_document: number;
  met: number;
  missed: number;
  not_reported: number;
  not_comparable: number;
  needs_review: number;
  partly_met: number;
}

/** The years N of `jurisdiction` with a stored report for N and for N+1: the years a scorecard can be made for. */
export async function pairedYears(repo: Repository, jurisdiction: string): Promise<number[]> {
  const docs = await repo.listDocuments({ jurisdiction }, { limit: 100000, offset: 0 });
  const years = [...new Set(docs.items.filter((d) => d.jurisdiction === jurisdiction && d.report_year !== null).map((d) => d.report_year!))].sort((a, b) => a - b);
  return years.filter((y) => years.includes(y + 1));
}

/**
 * A scorecard for every pair of consecutive years stored for `jurisdiction`;
 * `card` makes each (rulings/scorecard.ts passes its own, with rulings).
 */
export async function scorecardsForPlace(repo: Repository, jurisdiction: string, card: typeof scorecardFromStore = scorecardFromStore): Promise<PairSummary[]> {
  const out: PairSummary[] = [];
  for (const y of await pairedYears(repo, jurisdiction)) {
    const c = await card(repo, jurisdiction, y);
    out.push({ year: y, plan_document: c.plan_report.id!, review_document: c.review_report.id!, ...c.counts });
  }
  return out;
}
