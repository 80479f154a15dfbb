/**
 * The `luoshi` command line. Commands and options are described here, in the
 * user's language (src/cli/help-text.ts); each command's module checks its
 * options with a zod schema and is loaded only when that command runs.
 * Exit codes: 0 done, 1 the work failed, 2 the command line is wrong.
 */
import { Command, CommanderError, Help, type Option } from 'commander';
import { failureOf, UsageError } from './errors.js';
import { helpText } from './help-text.js';
import { cliLanguage } from './locale.js';
import { printFailure, quietOnClosedPipe } from './output.js';

type Raw = Record<string, unknown>;

quietOnClosedPipe();
const t = helpText(cliLanguage());

/** Commander writes "(default: …)" and its headings in English; these say them in the user's language. */
function optionDescription(option: Option): string {
  if (option.defaultValue === undefined || option.isBoolean()) return option.description;
  return t.default === 'default' ? `${option.description} (default: ${option.defaultValue})` : `${option.description}（${t.default}：${option.defaultValue}）`;
}

function formatHelp(cmd: Command, helper: Help): string {
  return Help.prototype.formatHelp
    .call(helper, cmd, helper)
    .replace(/^Usage: /m, t.usage + (t.usage.endsWith(':') ? ' ' : ''))
    .replace(/^Arguments:$/m, t.arguments)
    .replace(/^Options:$/m, t.options)
    .replace(/^Commands:$/m, t.commands)
    .replaceAll('[options]', t.optionsToken)
    .replaceAll('[command]', t.commandToken);
}

const program = new Command('luoshi')
  .description(t.program)
  .version('0.1.0', '-V, --version', t.version)
  // Set before any subcommand is added: subcommands inherit them.
  .helpOption('-h, --help', t.helpOption)
  .helpCommand('help [command]', t.helpCommand)
  .allowExcessArguments(false)
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  .configureHelp({ optionDescription, formatHelp });

const db = (c: Command) => c.option('--db <file>', t.db);
const output = (c: Command) => c.option('--json', t.json).option('--format <format>', t.format, 'text').option('-o, --out <file>', t.out);
const done = (code: number) => {
  process.exitCode = code;
};

output(program.command('extract').description(t.extract).argument('<paths...>', t.paths))
  .option('--max-size <MiB>', t.maxSize)
  .option('--name <file>', t.stdinName)
  .action(async (paths: string[], opts: Raw) => done(await (await import('./extract.js')).runExtract(paths, opts)));

db(program.command('import').description(t.import).argument('<paths...>', t.paths))
  .option('--json', t.importJson)
  .option('--max-size <MiB>', t.maxSize)
  .option('--name <file>', t.importName)
  .action(async (paths: string[], opts: Raw) => done(await (await import('./store-commands.js')).runImport(paths, opts)));

output(db(program.command('reports').description(t.reports)))
  .option('--jurisdiction <name>', t.jurisdictionFilter)
  .option('--level <level>', t.level)
  .option('--year <year>', t.reportYear)
  .action(async (opts: Raw) => done(await (await import('./store-commands.js')).runReports(opts)));

output(db(program.command('search').description(t.search).argument('<query>', t.searchQuery)))
  .option('--jurisdiction <name>', t.jurisdictionFilter)
  .option('--level <level>', t.level)
  .option('--from <year>', t.yearFrom)
  .option('--to <year>', t.yearTo)
  .option('--part <kind>', t.part)
  .option('--limit <n>', t.limit, '20')
  .action(async (query: string, opts: Raw) => done(await (await import('./store-commands.js')).runSearch(query, opts)));

for (const [name, fact] of [['targets', 'target'], ['outcomes', 'outcome'], ['commitments', 'commitment']] as const) {
  output(db(program.command(name).description(t[name])))
    .option('--indicator <id>', t.indicator)
    .option('--year <year>', t.factYear)
    .option('--jurisdiction <name>', t.jurisdictionFilter)
    .option('--level <level>', t.level)
    .option('--headline', t.headline)
    .action(async (opts: Raw) => done(await (await import('./store-commands.js')).runFacts(fact, opts)));
}

output(db(program.command('check').description(t.check)))
  .option('--jurisdiction <name>', t.place)
  .option('--year <year>', t.checkYear)
  .option('--plan <file>', t.plan)
  .option('--review <file>', t.review)
  .option('--name <file>', t.stdinName)
  .option('--max-size <MiB>', t.maxSize)
  .action(async (opts: Raw) => done(await (await import('./check-command.js')).runCheck(opts)));

output(db(program.command('scorecards').description(t.scorecards)))
  .requiredOption('--jurisdiction <name>', t.place)
  .action(async (opts: Raw) => done(await (await import('./check-command.js')).runScorecards(opts)));

output(db(program.command('compare').description(t.compare)))
  .requiredOption('--indicator <id>', t.indicator)
  .option('--kind <kind>', t.kind, 'growth')
  .option('--jurisdiction <name>', t.jurisdictionFilter)
  .option('--level <level>', t.level)
  .option('--from <year>', t.yearFrom)
  .option('--to <year>', t.yearTo)
  .action(async (opts: Raw) => done(await (await import('./check-command.js')).runCompare(opts)));

const admin = program.command('admin').description(t.admin);
const named = (c: Command) => db(c.requiredOption('--name <name>', t.accountName)).option('--json', t.json);
named(admin.command('create').description(t.adminCreate)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminCreate(opts)));
output(db(admin.command('list').description(t.adminList))).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminList(opts)));
named(admin.command('reset').description(t.adminReset)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminReset(opts)));
named(admin.command('disable').description(t.adminDisable)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminDisable(opts, true)));
named(admin.command('enable').description(t.adminEnable)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminDisable(opts, false)));

db(program.command('serve').description(t.serve))
  .option('--port <port>', t.port, '8080')
  .option('--host <host>', t.host, '127.0.0.1')
  .option('--max-upload <MiB>', t.maxUpload, '32')
  .option('--import-quota-files <n>', t.importQuotaFiles, '500')
  .option('--import-quota-mb <MiB>', t.importQuotaMb, '512')
  .action(async (opts: Raw) => (await import('./serve-command.js')).runServe(opts));

db(program.command('get').description(t.get).argument('<path>', t.apiPath)).action(async (path: string, opts: Raw) => done(await (await import('./serve-command.js')).runGet(path, opts)));

/** Whether the caller asked for JSON, also when the command line fails before the options are read. */
function wantsJson(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--json' || a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const json = wantsJson(process.argv.slice(2));
  if (!(e instanceof CommanderError)) process.exitCode = printFailure(failureOf(e), json);
  // Help or the version asked for: shown, done. Help shown because no command was given: a usage error.
  else if (e.exitCode === 0) process.exitCode = 0;
  else if (e.code === 'commander.help') process.exitCode = 2;
  else process.exitCode = printFailure(failureOf(new UsageError(e.message.replace(/^error: /, ''))), json);
}
