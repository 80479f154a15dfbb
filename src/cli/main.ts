/**
 * The `luoshi` command line.
 */
import { Command } from 'commander';
import { runExtract } from './extract.js';
import { CliError, runFacts, runImport, runReports, runSearch } from './store-commands.js';

const program = new Command();
program
  .name('luoshi')
  .description('落实 Luoshi — read government work reports, extract targets, results and commitments, hold promises to account')
  .version('0.1.0');

program
  .command('extract')
  .description('read report files (.txt/.html/.docx, or folders) and print documents and facts')
  .argument('<paths...>', 'files or folders')
  .option('--json', 'print JSON (same as --format json)')
  .option('--format <format>', 'text | json | csv | xlsx', 'text')
  .option('-o, --out <file>', 'write CSV/XLSX to this file')
  .option('--max-size <MiB>', 'largest file accepted, in MiB (default 32)')
  .action(async (paths: string[], opts) => {
    process.exitCode = await runExtract(paths, opts);
  });

const dbOption = ['--db <file>', 'SQLite file or postgres:// URL (default: $LUOSHI_DB, $DATABASE_URL, or the per-user data directory)'] as const;
const formatOptions = (c: Command) =>
  c.option('--json', 'print JSON').option('--format <format>', 'text | json | csv | xlsx', 'text').option('-o, --out <file>', 'write CSV/XLSX to this file');

program
  .command('import')
  .description('import report files or folders (recursively) into the database; re-importing adds nothing')
  .argument('<paths...>', 'files or folders')
  .option(...dbOption)
  .option('--json', 'print the run summary as JSON')
  .option('--max-size <MiB>', 'largest file accepted, in MiB (default 32)')
  .action(async (paths: string[], opts) => {
    process.exitCode = await runImport(paths, opts);
  });

formatOptions(
  program
    .command('reports')
    .description('list stored documents with their identity and fact counts')
    .option(...dbOption)
    .option('--jurisdiction <name>', 'place name (substring)')
    .option('--level <level>', 'national | province | prefecture | county | district')
    .option('--year <year>', 'report year'),
).action(async (opts) => {
  process.exitCode = await runReports(opts);
});

formatOptions(
  program
    .command('search')
    .description('full-text search over all documents (any query length)')
    .argument('<query>', 'words to find, e.g. 高标准农田')
    .option(...dbOption)
    .option('--jurisdiction <name>', 'place name (substring)')
    .option('--level <level>', 'national | province | prefecture | county | district')
    .option('--from <year>', 'report year from')
    .option('--to <year>', 'report year to')
    .option('--part <kind>', 'only inside review | plan | self_building sections')
    .option('--limit <n>', 'documents to return', '20'),
).action(async (query: string, opts) => {
  process.exitCode = await runSearch(query, opts);
});

for (const [name, fact, what] of [
  ['targets', 'target', 'expected targets (预期目标)'],
  ['outcomes', 'outcome', 'results stated in review parts'],
  ['commitments', 'commitment', 'quantified tasks of plan parts'],
] as const) {
  formatOptions(
    program
      .command(name)
      .description(`query ${what} across all stored reports`)
      .option(...dbOption)
      .option('--indicator <id>', 'indicator id, e.g. gdp')
      .option('--year <year>', 'the year the figure is for')
      .option('--jurisdiction <name>', 'place name (substring)')
      .option('--level <level>', 'national | province | prefecture | county | district')
      .option('--headline', 'only headline outcomes'),
  ).action(async (opts) => {
    process.exitCode = await runFacts(fact, opts);
  });
}

formatOptions(
  program
    .command('check')
    .description("hold a report's promises (year N) against the next report's review of year N")
    .option(...dbOption)
    .option('--jurisdiction <name>', 'place, e.g. 四平市')
    .option('--year <year>', 'the year the promises were made for')
    .option('--plan <file>', 'or: the year-N report file')
    .option('--review <file>', 'and the year-N+1 report file'),
).action(async (opts) => {
  const { runCheck } = await import('./check-command.js');
  process.exitCode = await runCheck(opts);
});

formatOptions(
  program
    .command('scorecards')
    .description('a scorecard for every pair of consecutive years stored for one place')
    .requiredOption('--jurisdiction <name>', 'place, e.g. 全国')
    .option(...dbOption),
).action(async (opts) => {
  const { scorecardsForPlace } = await import('../check/from-store.js');
  const { withStore, emitRows } = await import('./store-commands.js');
  await withStore(opts, async (repo) => {
    const rows = await scorecardsForPlace(repo, opts.jurisdiction);
    await emitRows(rows, ['year', 'plan_document', 'review_document', 'met', 'missed', 'not_reported', 'not_comparable'], opts, rows, () =>
      rows.map((r) => `${opts.jurisdiction} ${r.year}→${r.year + 1}  met ${r.met}  missed ${r.missed}  not reported ${r.not_reported}  not comparable ${r.not_comparable}`).join('\n') + `\n${rows.length} consecutive pairs\n`,
    );
  });
});

formatOptions(
  program
    .command('compare')
    .description("one indicator's target vs outcome by place and year (the research view)")
    .requiredOption('--indicator <id>', 'indicator id, e.g. gdp')
    .option('--kind <kind>', 'growth | level', 'growth')
    .option(...dbOption)
    .option('--jurisdiction <name>', 'place name (substring)')
    .option('--level <level>', 'national | province | prefecture | county | district')
    .option('--from <year>', 'year from')
    .option('--to <year>', 'year to'),
).action(async (opts) => {
  const { compareIndicator, COMPARISON_COLUMNS } = await import('../check/research.js');
  const { withStore, emitRows } = await import('./store-commands.js');
  await withStore(opts, async (repo) => {
    const rows = await compareIndicator(repo, { indicator: opts.indicator, kind: opts.kind, level: opts.level, jurisdiction: opts.jurisdiction, yearFrom: opts.from ? Number(opts.from) : undefined, yearTo: opts.to ? Number(opts.to) : undefined });
    await emitRows(rows, COMPARISON_COLUMNS, opts, rows, () =>
      rows.map((r) => `${r.jurisdiction} ${r.year}  target ${r.target_value ?? '—'}${r.target_max !== null ? '–' + r.target_max : ''}${r.target_unit ?? ''} ${r.target_qualifier ?? ''}  outcome ${r.outcome_value ?? '—'}${r.outcome_unit ?? ''}  ${r.verdict ?? 'no target'}`).join('\n') + `\n${rows.length} rows\n`,
    );
  });
});

formatOptions(
  program
    .command('cascade')
    .description("one indicator's targets for a year down the chain 全国 → province → prefecture → county/district (层层加码): each step from the level above, gaps, verdicts and how raised targets fared")
    .requiredOption('--indicator <id>', 'indicator id, e.g. gdp')
    .requiredOption('--year <year>', 'the year the targets are for')
    .option('--root <place>', 'only this place and the places under it, e.g. 河北省 (default 全国)')
    .option(...dbOption),
).action(async (opts) => {
  const { runCascade } = await import('./cascade-command.js');
  process.exitCode = await runCascade(opts);
});

program
  .command('admin')
  .description('ledger accounts (督办台账)')
  .command('create')
  .description('create an administrator account (password from LUOSHI_ADMIN_PASSWORD, or asked for)')
  .requiredOption('--name <name>', 'account name')
  .option(...dbOption)
  .action(async (opts) => {
    const { runAdminCreate } = await import('./admin-command.js');
    process.exitCode = await runAdminCreate(opts);
  });

program
  .command('serve')
  .description('serve the web UI and the HTTP API')
  .option(...dbOption)
  .option('--port <port>', 'port', '8080')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--max-upload <MiB>', 'largest upload accepted, in MiB', '32')
  .option('--import-quota-files <n>', 'files one account may import through the API in 24 hours', '500')
  .option('--import-quota-mb <MiB>', 'MiB one account may import through the API in 24 hours', '512')
  .action(async (opts) => {
    const { runServe } = await import('./serve-command.js');
    await runServe(opts);
  });

program
  .command('get')
  .description('answer one API path without starting a server, e.g. luoshi get "/api/search.json?q=农田"')
  .argument('<path>', 'API path with query string')
  .option(...dbOption)
  .action(async (path: string, opts) => {
    const { runGet } = await import('./serve-command.js');
    process.exitCode = await runGet(path, opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError || ['StoreError', 'ReportNotFound'].includes((e as Error).name)) {
    process.stderr.write(`luoshi: ${(e as Error).message}\n`);
    process.exitCode = 2;
  } else throw e;
}
