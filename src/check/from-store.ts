import { findReport, type DocumentSummary, type Repository } from '../store/repository.js';
import { fromStored } from './adapters.js';
import { checkPair, type Scorecard } from './index.js';

export class ReportNotFound extends Error {
  override readonly name = 'ReportNotFound';
}

/**
 * The stored report of a place for a year. A county renamed a district or a
 * city (撤县设区: 徐水县 → 保定市徐水区) is found under its new name when
 * nothing is stored under the old one: same stem, another county-level suffix.
 */
export async function findPlaceReport(repo: Repository, jurisdiction: string, year: number): Promise<DocumentSummary | undefined> {
  const found = await findReport(repo, jurisdiction, year);
  if (found) return found;
  const stem = /^(.{2,})(?:县|区|市|旗)$/.exec(jurisdiction)?.[1];
  if (!stem) return undefined;
  const renamed = await findReport(repo, stem, year);
  return renamed?.jurisdiction && renamed.jurisdiction.endsWith(stem + renamed.jurisdiction.slice(-1)) && /[县区市旗]$/.test(renamed.jurisdiction) ? renamed : undefined;
}

/** The scorecard of `jurisdiction`'s year-N promises, from the stored reports of N and N+1. */
export async function scorecardFromStore(repo: Repository, jurisdiction: string, year: number): Promise<Scorecard> {
  const plan = await findPlaceReport(repo, jurisdiction, year);
  if (!plan) throw new ReportNotFound(`no stored report of ${jurisdiction} for ${year} (the plan report that set the promises)`);
  const review = await findPlaceReport(repo, jurisdiction, year + 1);
  if (!review) throw new ReportNotFound(`no stored report of ${jurisdiction} for ${year + 1} (the report that reviews ${year})`);
  const [p, r] = await Promise.all([repo.getDocument(plan.id), repo.getDocument(review.id)]);
  return checkPair(fromStored(p!), fromStored(r!));
}

export interface PairSummary {
  year: number;
  plan_document: number;
  review_document: number;
  met: number;
  missed: number;
  not_reported: number;
  not_comparable: number;
}

/** A scorecard for every pair of consecutive years stored for `jurisdiction`. */
export async function scorecardsForPlace(repo: Repository, jurisdiction: string): Promise<PairSummary[]> {
  const docs = await repo.listDocuments({ jurisdiction }, { limit: 100000, offset: 0 });
  const years = [...new Set(docs.items.filter((d) => d.jurisdiction === jurisdiction && d.report_year !== null).map((d) => d.report_year!))].sort((a, b) => a - b);
  const out: PairSummary[] = [];
  for (const y of years) {
    if (!years.includes(y + 1)) continue;
    const card = await scorecardFromStore(repo, jurisdiction, y);
    out.push({ year: y, plan_document: card.plan_report.id!, review_document: card.review_report.id!, ...card.counts });
  }
  return out;
}
