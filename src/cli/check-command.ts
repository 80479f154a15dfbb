import { fromExtracted } from '../check/adapters.js';
import { scorecardFromStore } from '../check/from-store.js';
import { checkPair, type Scorecard, type Verdict } from '../check/index.js';
import { isFailure, processFile } from '../pipeline.js';
import { CliError, withStore, emitRows, type StoreCliOptions } from './store-commands.js';
import { SCORECARD_COLUMNS, scorecardRows } from '../check/rows.js';

const MARK: Record<Verdict, string> = { met: '✓ 达成', missed: '✗ 未达成', not_reported: '… 未提及', not_comparable: '≠ 不可比', needs_review: '? 待核实' };

function textCard(card: Scorecard): string {
  const n = card.items.length;
  const decided = card.counts.met + card.counts.missed;
  const lines = [
    `${card.jurisdiction ?? '?'} ${card.year ?? '?'}年承诺 — ${card.plan_report.label} ↔ ${card.review_report.label}`,
    `达成 ${card.counts.met}，未达成 ${card.counts.missed}，未提及 ${card.counts.not_reported}，不可比 ${card.counts.not_comparable}，待核实 ${card.counts.needs_review}` +
      `（已判定 ${decided}/${n}${n ? `，${Math.round((100 * decided) / n)}%` : ''}）`,
    '',
  ];
  for (const i of card.items) {
    lines.push(`${MARK[i.verdict].padEnd(6)} ${i.commitment}`);
    if (i.evidence) lines.push(`         ← ${i.evidence.text}`);
    lines.push(`         ${i.reason.text}（置信度 ${i.confidence.toFixed(2)}）`);
    if (i.note) lines.push(`         (${i.note})`);
  }
  return lines.join('\n') + '\n';
}

export async function runCheck(opts: StoreCliOptions & { jurisdiction?: string; year?: string; plan?: string; review?: string }): Promise<number> {
  let card: Scorecard;
  if (opts.plan || opts.review) {
    if (!opts.plan || !opts.review) throw new CliError('give both --plan FILE and --review FILE');
    const [p, r] = await Promise.all([processFile(opts.plan), processFile(opts.review)]);
    if (isFailure(p)) throw new CliError(`${p.file}: ${p.error}`);
    if (isFailure(r)) throw new CliError(`${r.file}: ${r.error}`);
    if (!p.documents.length || !r.documents.length) throw new CliError('no document found in one of the files');
    card = checkPair(fromExtracted(p.documents[0], p.source.text, p.file), fromExtracted(r.documents[0], r.source.text, r.file));
  } else {
    if (!opts.jurisdiction || !opts.year) throw new CliError('give --jurisdiction NAME --year N (or --plan FILE --review FILE)');
    const year = Number(opts.year);
    if (!Number.isInteger(year)) throw new CliError(`--year takes a year, got ${opts.year}`);
    card = await withStore(opts, (repo) => scorecardFromStore(repo, opts.jurisdiction!, year));
  }
  await emitRows(scorecardRows(card), [...SCORECARD_COLUMNS], opts, card, () => textCard(card));
  return 0;
}
