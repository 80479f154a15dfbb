import { findReport, type Repository } from '../store/repository.js';
import { fromStored } from './adapters.js';
import { checkPair, type Scorecard } from './index.js';

export class ReportNotFound extends Error {
  override readonly name = 'ReportNotFound';
}

/** The scorecard of `jurisdiction`'s year-N promises, from the stored reports of N and N+1. */
export async function scorecardFromStore(repo: Repository, jurisdiction: string, year: number): Promise<Scorecard> {
  const plan = await findReport(repo, jurisdiction, year);
  if (!plan) throw new ReportNotFound(`no stored report of ${jurisdiction} for ${year} (the plan report that set the promises)`);
  const review = await findReport(repo, jurisdiction, year + 1);
  if (!review) throw new ReportNotFound(`no stored report of ${jurisdiction} for ${year + 1} (the report that reviews ${year})`);
  const [p, r] = await Promise.all([repo.getDocument(plan.id), repo.getDocument(review.id)]);
  return checkPair(fromStored(p!), fromStored(r!));
}
