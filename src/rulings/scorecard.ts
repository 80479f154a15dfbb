/**
 * The scorecard people read: the machine's verdicts (src/check) with the
 * reviewers' rulings laid over them. An item with a ruling shows the ruling
 * as current (the machine's verdict stays beside it); one without is the
 * machine's proposal (机器初判). Counts use the current verdict. A ruling
 * whose key no item has any more is listed as orphaned, never dropped.
 */
import { countVerdicts, type CheckItem, type ItemRuling, type OrphanedRuling } from '../check/index.js';
import { scorecardFromStore, type StoredScorecard } from '../check/from-store.js';
import type { Repository } from '../store/repository.js';
import type { Ruling } from './schema.js';
import { RulingStore, type StoredRuling } from './store.js';

/** A stored ruling as the API answers it. */
export function publicRuling(r: StoredRuling): Ruling {
  return {
    key: r.key, jurisdiction: r.jurisdiction, year: r.year, source: r.source, promise: r.promise, plan_span: r.plan_span, machine_verdict: r.machine_verdict,
    verdict: r.verdict, reason: r.reason, ...(r.evidence ? { evidence: { text: r.evidence.text, start: r.evidence.start, end: r.evidence.end } } : {}),
    reviewer: r.reviewer, ruled_at: r.ruled_at, version: r.version,
  };
}

/** The ruling as an item carries it. */
export function itemRuling(r: StoredRuling): ItemRuling {
  return {
    verdict: r.verdict, reason: r.reason, reviewer: r.reviewer, ruled_at: r.ruled_at, version: r.version,
    ...(r.evidence ? { evidence: { text: r.evidence.text, start: r.evidence.start, end: r.evidence.end } } : {}),
  };
}

export function orphanOf(r: StoredRuling): OrphanedRuling {
  return { key: r.key, promise: r.promise, verdict: r.verdict, reason: r.reason, reviewer: r.reviewer, ruled_at: r.ruled_at };
}

/** `card` with `rulings` (of its place and year) laid over its items. */
export function applyRulings<C extends StoredScorecard>(card: C, rulings: readonly StoredRuling[]): C {
  const byKey = new Map(rulings.map((r) => [r.key, r]));
  const items = card.items.map((i): CheckItem => {
    const r = byKey.get(i.key);
    return r ? { ...i, verdict: r.verdict, ruling: itemRuling(r), current: 'ruling' } : i;
  });
  const present = new Set(items.map((i) => i.key));
  return { ...card, items, counts: countVerdicts(items), reviewed: items.filter((i) => i.ruling).length, orphaned: rulings.filter((r) => !present.has(r.key)).map(orphanOf) };
}

/** The place under which rulings of a scorecard are kept: the plan report's own name for it (a renamed county is found under its new name). */
export const rulingPlace = (card: StoredScorecard, asked: string) => card.jurisdiction ?? asked;

/** The scorecard of `jurisdiction`'s year-N promises with its rulings. */
export async function ruledScorecard(repo: Repository, jurisdiction: string, year: number): Promise<StoredScorecard> {
  const card = await scorecardFromStore(repo, jurisdiction, year);
  return applyRulings(card, await new RulingStore(repo).forPlace(rulingPlace(card, jurisdiction), year));
}
