import { z } from 'zod';
import { fromExtracted } from '../check/adapters.js';
import { scorecardsForPlace } from '../check/from-store.js';
import { ruledScorecard } from '../rulings/scorecard.js';
import { checkPair, type CheckDocument, type Scorecard, type Verdict } from '../check/index.js';
import { COMPARISON_COLUMNS, compareIndicator } from '../check/research.js';
import { SCORECARD_COLUMNS, scorecardRows } from '../check/rows.js';
import { InvalidInput } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/source.js';
import { isFailure, processBytes, processFile } from '../pipeline.js';
import { Db, FileName, Indicator, Level, MiB, oneOf, parseOptions, Place, Output, Year } from './options.js';
import { emitRows } from './output.js';
import { MACHINE_MARK, VERDICT_LABELS, VERDICTS } from '../vocab.js';
import { readStdin, STDIN } from './stdin.js';
import { withStore } from './store-commands.js';

const SIGN: Record<Verdict, string> = { met: '✓', missed: '✗', not_reported: '…', not_comparable: '≠', needs_review: '?', partly_met: '◐' };

/** The verdict as printed: a sign and the shared vocabulary's label. */
const mark = (v: Verdict) => `${SIGN[v]} ${VERDICT_LABELS[v].zh}`;

function textCard(card: Scorecard): string {
  const n = card.items.length;
  const decided = card.counts.met + card.counts.missed + card.counts.partly_met;
  const counts = VERDICTS.filter((v) => v !== 'partly_met' || card.counts.partly_met > 0).map((v) => `${VERDICT_LABELS[v].zh} ${card.counts[v]}`).join('，');
  const lines = [
    `${card.jurisdiction ?? '?'} ${card.year ?? '?'}年承诺 — ${card.plan_report.label} ↔ ${card.review_report.label}`,
    `${counts}（已判定 ${decided}/${n}${n ? `，${Math.round((100 * decided) / n)}%` : ''}；人工裁定 ${card.reviewed}/${n}）`,
    '',
  ];
  for (const i of card.items) {
    lines.push(`${mark(i.verdict).padEnd(6)} ${i.commitment}`);
    if (i.ruling) {
      const changed = i.ruling.verdict !== i.machine_verdict ? `，机器初判为${VERDICT_LABELS[i.machine_verdict].zh}` : '';
      lines.push(`         裁定：${i.ruling.reviewer} ${i.ruling.ruled_at.slice(0, 10)}（第${i.ruling.version}版${changed}）${i.ruling.reason ? `：${i.ruling.reason}` : ''}`);
      if (i.ruling.evidence) lines.push(`         ← ${i.ruling.evidence.text}`);
    } else lines.push(`         ${MACHINE_MARK.zh}`);
    if (i.evidence && !i.ruling?.evidence) lines.push(`         ← ${i.evidence.text}`);
    lines.push(`         ${i.reason.text}（置信度 ${i.confidence.toFixed(2)}）`);
    if (i.note) lines.push(`         (${i.note})`);
  }
  if (card.orphaned.length) {
    lines.push('', `失去对应承诺的裁定 ${card.orphaned.length} 项（报告或其读取已变，裁定保留）：`);
    for (const o of card.orphaned) lines.push(`  ${mark(o.verdict)} ${o.promise} — ${o.reviewer} ${o.ruled_at.slice(0, 10)}${o.reason ? `：${o.reason}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

const CheckOptions = Output.safeExtend({ db: Db, jurisdiction: Place.optional(), year: Year.optional(), plan: z.string().min(1).optional(), review: z.string().min(1).optional(), name: FileName.optional(), maxSize: MiB.optional() }).superRefine((o, ctx) => {
  const problem = (message: string) => ctx.addIssue({ code: 'custom', path: [], message });
  if (o.plan !== undefined || o.review !== undefined) {
    if (o.plan === undefined || o.review === undefined) problem('give both --plan FILE and --review FILE');
    else if (o.plan === STDIN && o.review === STDIN) problem('- (standard input) can be given only once: for --plan or for --review');
    else if (o.name !== undefined && o.plan !== STDIN && o.review !== STDIN) problem('--name names standard input: give - for --plan or --review');
  } else if (o.jurisdiction === undefined || o.year === undefined) problem('give --jurisdiction NAME --year N (or --plan FILE --review FILE)');
});

/** One report file (or standard input) read for a check without the database. */
async function readReport(file: string, o: { name?: string; maxSize?: number }): Promise<CheckDocument> {
  const maxBytes = o.maxSize === undefined ? DEFAULT_MAX_BYTES : Math.round(o.maxSize * 1048576);
  const r = file === STDIN ? await processBytes(o.name ?? STDIN, await readStdin(maxBytes)) : await processFile(file, { maxBytes });
  if (isFailure(r)) throw new InvalidInput(`${r.file}: ${r.error}`, [], 'unreadable_file');
  if (!r.documents.length) throw new InvalidInput(`${r.file}: no report found in the file`, [], 'no_document');
  return fromExtracted(r.documents[0], r.source.text, r.file);
}

export async function runCheck(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(CheckOptions, raw);
  let card: Scorecard;
  if (o.plan !== undefined && o.review !== undefined) {
    const [plan, review] = await Promise.all([readReport(o.plan, o), readReport(o.review, o)]);
    card = checkPair(plan, review);
  } else card = await withStore(o, (repo) => ruledScorecard(repo, o.jurisdiction!, o.year!));
  await emitRows(scorecardRows(card), [...SCORECARD_COLUMNS], o, card, () => textCard(card));
  return 0;
}

const ScorecardsOptions = Output.safeExtend({ db: Db, jurisdiction: Place });

export async function runScorecards(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(ScorecardsOptions, raw);
  const rows = await withStore(o, (repo) => scorecardsForPlace(repo, o.jurisdiction, ruledScorecard));
  await emitRows(rows, ['year', 'plan_document', 'review_document', ...VERDICTS], o, { jurisdiction: o.jurisdiction, total: rows.length, items: rows }, () =>
    rows.map((r) => `${o.jurisdiction} ${r.year}→${r.year + 1}  ${VERDICTS.map((v) => `${VERDICT_LABELS[v].zh} ${r[v]}`).join('  ')}`).join('\n') + `\n${rows.length} consecutive pairs\n`,
  );
  return 0;
}

const CompareOptions = Output.safeExtend({ db: Db, indicator: Indicator, kind: oneOf(['growth', 'level']), jurisdiction: Place.optional(), level: Level.optional(), from: Year.optional(), to: Year.optional() });

export async function runCompare(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(CompareOptions, raw);
  const rows = await withStore(o, (repo) => compareIndicator(repo, { indicator: o.indicator, kind: o.kind, level: o.level, jurisdiction: o.jurisdiction, yearFrom: o.from, yearTo: o.to }));
  await emitRows(rows, COMPARISON_COLUMNS, o, { indicator: o.indicator, total: rows.length, items: rows }, () =>
    rows.map((r) => `${r.jurisdiction} ${r.year}  target ${r.target_value ?? '—'}${r.target_max !== null ? '–' + r.target_max : ''}${r.target_unit ?? ''} ${r.target_qualifier ?? ''}  outcome ${r.outcome_value ?? '—'}${r.outcome_unit ?? ''}  ${r.verdict ?? 'no target'}`).join('\n') + `\n${rows.length} rows\n`,
  );
  return 0;
}
