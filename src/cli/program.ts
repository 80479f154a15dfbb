/**
 * The `luoshi` commands and their options, described in the user's language
 * (src/cli/help-text.ts). Each command's module checks its options with a zod
 * schema and is loaded only when that command runs (`luoshi --help` loads none).
 */
import { Command, Help, type Option } from 'commander';
import { helpText } from './help-text.js';
import type { Lang } from './locale.js';

type Raw = Record<string, unknown>;

const done = (code: number) => {
  process.exitCode = code;
};

export function buildProgram(lang: Lang): Command {
  const t = helpText(lang);

  /**
   * Commander writes "(default: …)" and its headings in English; these say
   * them in the user's language. Placeholders (<file>, [options]) stay as
   * they are, like the flags: they are syntax, and the columns stay aligned.
   */
  const optionDescription = (option: Option): string => {
    if (option.defaultValue === undefined || option.isBoolean()) return option.description;
    return lang === 'zh' ? `${option.description}（${t.default}：${option.defaultValue}）` : `${option.description} (${t.default}: ${option.defaultValue})`;
  };
  const formatHelp = (cmd: Command, helper: Help): string =>
    Help.prototype.formatHelp
      .call(helper, cmd, helper)
      .replace(/^Usage: /m, lang === 'zh' ? t.usage : `${t.usage} `)
      .replace(/^Arguments:$/m, t.arguments)
      .replace(/^Options:$/m, t.options)
      .replace(/^Commands:$/m, t.commands);

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
  /** The filters on stored reports' place: a jurisdiction (any part of its name) and a level. */
  const places = (c: Command) => c.option('--jurisdiction <name>', t.jurisdictionFilter).option('--level <level>', t.level);
  /** A span of report years. */
  const years = (c: Command) => c.option('--from <year>', t.yearFrom).option('--to <year>', t.yearTo);
  /** Reading files (or stdin, under a name) without a store: the size limit and stdin's file name. */
  const reading = (c: Command) => c.option('--max-size <MiB>', t.maxSize).option('--name <file>', t.stdinName);

  reading(output(program.command('extract').description(t.extract).argument('<paths...>', t.paths)))
    .action(async (paths: string[], opts: Raw) => done(await (await import('./extract.js')).runExtract(paths, opts)));

  db(program.command('import').description(t.import).argument('<paths...>', t.paths))
    .option('--json', t.importJson)
    .option('--max-size <MiB>', t.maxSize)
    .option('--name <file>', t.importName)
    .option('--workers <n>', t.workers)
    .option('--file-timeout <s>', t.fileTimeout)
    .option('--file-memory <MiB>', t.fileMemory)
    .action(async (paths: string[], opts: Raw) => done(await (await import('./store-commands.js')).runImport(paths, opts)));

  places(output(db(program.command('reports').description(t.reports))))
    .option('--year <year>', t.reportYear)
    .action(async (opts: Raw) => done(await (await import('./store-commands.js')).runReports(opts)));

  years(places(output(db(program.command('search').description(t.search).argument('<query>', t.searchQuery)))))
    .option('--part <kind>', t.part)
    .option('--limit <n>', t.limit, '20')
    .action(async (query: string, opts: Raw) => done(await (await import('./store-commands.js')).runSearch(query, opts)));

  for (const [name, fact] of [['targets', 'target'], ['outcomes', 'outcome'], ['commitments', 'commitment']] as const) {
    places(output(db(program.command(name).description(t[name]))).option('--indicator <id>', t.indicator).option('--year <year>', t.factYear))
      .option('--headline', t.headline)
      .action(async (opts: Raw) => done(await (await import('./store-commands.js')).runFacts(fact, opts)));
  }

  reading(output(db(program.command('check').description(t.check))))
    .option('--jurisdiction <name>', t.place)
    .option('--year <year>', t.checkYear)
    .option('--plan <file>', t.plan)
    .option('--review <file>', t.review)
    .action(async (opts: Raw) => done(await (await import('./check-command.js')).runCheck(opts)));

  output(db(program.command('scorecards').description(t.scorecards)))
    .requiredOption('--jurisdiction <name>', t.place)
    .action(async (opts: Raw) => done(await (await import('./check-command.js')).runScorecards(opts)));

  years(places(output(db(program.command('compare').description(t.compare))).requiredOption('--indicator <id>', t.indicator).option('--kind <kind>', t.kind, 'growth')))
    .action(async (opts: Raw) => done(await (await import('./check-command.js')).runCompare(opts)));

  output(db(program.command('cascade').description(t.cascade)))
    .requiredOption('--indicator <id>', t.indicator)
    .requiredOption('--year <year>', t.cascadeYear)
    .option('--root <place>', t.cascadeRoot)
    .action(async (opts: Raw) => done(await (await import('./cascade-command.js')).runCascade(opts)));

  db(program.command('draft-review').description(t.draftReview))
    .requiredOption('--jurisdiction <name>', t.place)
    .requiredOption('--year <year>', t.draftYear)
    .option('--format <format>', t.draftFormat, 'docx')
    .option('-o, --out <file>', t.out)
    .option('--json', t.json)
    .action(async (opts: Raw) => done(await (await import('./draft-command.js')).runDraftReview(opts)));
  db(program.command('remove').description(t.remove).argument('<id>', t.removeId))
    .option('--force', t.force)
    .option('--note <text>', t.removeNote)
    .option('--json', t.json)
    .action(async (id: string, opts: Raw) => done(await (await import('./remove-command.js')).runRemove(id, opts)));

  const admin = program.command('admin').description(t.admin);
  const named = (c: Command) => db(c.requiredOption('--name <name>', t.accountName)).option('--json', t.json);
  named(admin.command('create').description(t.adminCreate)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminStep(opts, 'create')));
  output(db(admin.command('list').description(t.adminList))).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminList(opts)));
  named(admin.command('reset').description(t.adminReset)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminStep(opts, 'reset')));
  named(admin.command('disable').description(t.adminDisable)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminStep(opts, 'disable')));
  named(admin.command('enable').description(t.adminEnable)).action(async (opts: Raw) => done(await (await import('./admin-command.js')).runAdminStep(opts, 'enable')));

  db(program.command('serve').description(t.serve))
    .option('--port <port>', t.port, '8080')
    .option('--host <host>', t.host, '127.0.0.1')
    .option('--max-upload <MiB>', t.maxUpload, '32')
    .option('--import-quota-files <n>', t.importQuotaFiles, '500')
    .option('--import-quota-mb <MiB>', t.importQuotaMb, '512')
    .option('--secure-cookies', t.secureCookies)
    .option('--trust-proxy <hops>', t.trustProxy, '0')
    .option('--workers <n>', t.serveWorkers, '1')
    .action(async (opts: Raw) => (await import('./serve-command.js')).runServe(opts));

  db(program.command('get').description(t.get).argument('<path>', t.apiPath)).action(async (path: string, opts: Raw) => done(await (await import('./serve-command.js')).runGet(path, opts)));

  return program;
}
