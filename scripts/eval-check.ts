/**
 * Verdicts against the hand-labelled accountability file(s) in ../shared/gold:
 * each labelled promise is looked up in the scorecard by its words, and the
 * verdicts compared. Prints agreement and every disagreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromExtracted } from '../src/check/adapters.js';
import { checkPair } from '../src/check/index.js';
import { overlap } from '../src/check/match.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { scorecardFromStore } from '../src/check/from-store.js';
import type { Scorecard } from '../src/check/index.js';
import { isFailure, processFile } from '../src/pipeline.js';
import { importFiles } from '../src/import/index.js';
import { openRepository } from '../src/store/repository.js';
import { openSqlite } from '../src/store/sqlite/engine.js';

const GOLD = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'shared', 'gold');
const SEEDS = join(GOLD, '..', 'seeds');

interface GoldItem { commitment: string; verdict: string; evidence?: string; outcome?: number }

let agree = 0;
let total = 0;
let found = 0;
for (const f of readdirSync(GOLD).filter((n) => n.startsWith('accountability-') && n.endsWith('.json'))) {
  const gold = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as { plan_seed: string; review_seed: string; items: GoldItem[] };
  const [p, r] = await Promise.all([processFile(join(SEEDS, gold.plan_seed)), processFile(join(SEEDS, gold.review_seed))]);
  if (isFailure(p) || isFailure(r)) throw new Error('seed unreadable');
  const fromFiles = checkPair(fromExtracted(p.documents[0], p.source.text, gold.plan_seed), fromExtracted(r.documents[0], r.source.text, gold.review_seed));
  // The done criterion's path: import the seeds, then check from the store.
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-eval-'));
  const repo = await openRepository(openSqlite(join(dir, 'eval.db')));
  let fromStore: Scorecard;
  try {
    await importFiles(repo, [join(SEEDS, gold.plan_seed), join(SEEDS, gold.review_seed)]);
    const j = p.documents[0].identity.jurisdiction?.value ?? '';
    fromStore = await scorecardFromStore(repo, j, p.documents[0].identity.report_year?.value ?? 0);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const same = JSON.stringify(fromFiles.items.map((i) => i.verdict)) === JSON.stringify(fromStore.items.map((i) => i.verdict));
  console.log(`${f}: ${fromStore.items.length} promises checked (${JSON.stringify(fromStore.counts)}); file path and store path ${same ? 'agree' : 'DIFFER'}`);
  const card = fromStore;
  const missingEvidence = card.items.filter((i) => (i.verdict === 'met' || i.verdict === 'missed') && !i.evidence).length;
  console.log(`  met/missed items without evidence: ${missingEvidence}`);
  for (const g of gold.items) {
    total++;
    const best = card.items
      .map((i) => ({ i, s: i.commitment.includes(g.commitment) || g.commitment.includes(i.commitment) ? 1 : overlap(g.commitment, i.commitment) }))
      .sort((a, b) => b.s - a.s)[0];
    if (!best || best.s < 0.7) {
      console.log(`  MISSING  ${g.commitment}  (gold: ${g.verdict})`);
      continue;
    }
    found++;
    const ok = best.i.verdict === g.verdict;
    if (ok) agree++;
    else console.log(`  WRONG    ${g.commitment}: ${best.i.verdict}, gold ${g.verdict}${best.i.evidence ? `  ← ${best.i.evidence.text}` : ''}${g.evidence ? `  (gold evidence: ${g.evidence})` : ''}`);
  }
}
console.log(`\nverdicts: ${agree}/${total} agree with gold (${((agree / Math.max(1, total)) * 100).toFixed(1)}%); ${found}/${total} labelled promises found among the checked items`);
