/**
 * Which stored report speaks for a place and year when several claim it.
 */
import type { DocumentSummary, Repository, ReportChoice } from './repository.js';

/** Which stored report speaks for a place and year, and why. */
export interface ResolvedReport {
  readonly document: DocumentSummary;
  /** chosen: a reviewer picked it; first: the first one stored. */
  readonly rule: 'chosen' | 'first';
  readonly choice?: ReportChoice;
  /** Every stored document that claims the same place and year (the chosen one included). */
  readonly candidates: DocumentSummary[];
}

/**
 * The report of `jurisdiction` for `reportYear` that the record rests on: the
 * one a reviewer marked authoritative, else the first stored. Never "the
 * fullest-looking one": a later upload (a fake, a digest dressed as a full
 * report) must not silently replace the report a scorecard was built on.
 */
export async function resolveReport(repo: Repository, jurisdiction: string, reportYear: number): Promise<ResolvedReport | undefined> {
  const page = await repo.listDocuments({ jurisdiction, yearFrom: reportYear, yearTo: reportYear }, { limit: 200, offset: 0 });
  const exact = page.items.filter((d) => d.jurisdiction === jurisdiction);
  // Without an exact name, only the same place written longer or shorter (徐水区 / 保定市徐水区) counts —
  // never a place whose name merely contains this one (保定市清苑区 is not 保定市).
  const samePlace = (name: string | null) => !!name && (name.endsWith(jurisdiction) || jurisdiction.endsWith(name));
  const candidates = (exact.length ? exact : page.items.filter((d) => samePlace(d.jurisdiction))).sort((a, b) => a.id - b.id);
  if (!candidates.length) return undefined;
  const choice = await repo.reportChoice(jurisdiction, reportYear);
  const chosen = choice && candidates.find((d) => d.id === choice.document_id);
  if (chosen) return { document: chosen, rule: 'chosen', choice, candidates };
  return { document: candidates[0], rule: 'first', candidates };
}

export async function findReport(repo: Repository, jurisdiction: string, reportYear: number): Promise<DocumentSummary | undefined> {
  return (await resolveReport(repo, jurisdiction, reportYear))?.document;
}
