import { z } from 'zod';
import { InvalidInput } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/source.js';
import { importFiles, type ImportProgress } from '../import/index.js';
import { openStore } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { NOT_A_REPORT, refusalInChinese } from '../identify/report-signal.js';
import { UsageError } from './errors.js';
import { cliLanguage } from './locale.js';
import { expandPaths } from './files.js';
import { Db, FileName, Indicator, Level, Limit, MiB, parseOptions, Part, Place, Output, wholeNumber, Year } from './options.js';
import { emitRows, printJson, printJsonFailure } from './output.js';
import { importBytes } from './stdin-import.js';
import { checkStdinUse, readStdin, STDIN } from './stdin.js';

export async function withStore<T>(opts: { readonly db?: string }, fn: (repo: Repository) => Promise<T>): Promise<T> {
  const repo = await openStore({ db: opts.db });
  try {
    return await fn(repo);
  } finally {
    await repo.close();
  }
}

function bar(p: ImportProgress, counts: Record<string, number>): string {
  const width = 28;
  const filled = Math.round((p.done / p.total) * width);
  const name = p.file.length > 40 ? '…' + p.file.slice(-39) : p.file;
  return `\r[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${p.done}/${p.total}  新 ${counts.imported} 重 ${counts.duplicate} 败 ${counts.failed}  ${name}\x1b[K`;
}

const ImportOptions = z.strictObject({
  db: Db, json: z.boolean().optional(), maxSize: MiB.optional(), name: FileName.optional(),
  workers: wholeNumber(0, 64, 'a whole number of threads (0: read on the main thread)').optional(),
  fileTimeout: wholeNumber(1, 3600, 'seconds from 1 to 3600').optional(),
  fileMemory: wholeNumber(64, 16384, 'MiB from 64 to 16384').optional(),
});

export async function runImport(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(ImportOptions, raw);
  checkStdinUse(paths, o.name);
  const maxBytes = o.maxSize === undefined ? undefined : Math.round(o.maxSize * 1048576);
  // Standard input is one file of its own run, under the name it is given.
  const stdin = paths.includes(STDIN);
  if (stdin && paths.length > 1) throw new UsageError('import - reads standard input alone: give no other paths with it', '-');
  if (stdin && o.name === undefined) throw new UsageError('import - needs --name NAME: the file name to store standard input under', '--name');
  const files = stdin ? [] : await expandPaths(paths);
  if (!stdin && files.length === 0) throw new InvalidInput('nothing to import (no .txt, .html or .docx files under the given paths)', [], 'nothing_to_import');
  const bytes = stdin ? await readStdin(maxBytes ?? DEFAULT_MAX_BYTES) : undefined;
  return withStore(o, async (repo) => {
    const tty = process.stderr.isTTY && !o.json;
    const counts: Record<string, number> = { imported: 0, duplicate: 0, failed: 0 };
    const started = Date.now();
    const report = bytes && o.name !== undefined
      ? await importBytes(repo, o.name, bytes)
      : await importFiles(
          repo,
          files,
          (p) => {
            counts[p.result.status]++;
            if (tty) process.stderr.write(bar(p, counts));
            else if (p.result.status === 'failed') process.stderr.write(`luoshi: ${p.file}: ${say(p.result.reason)}\n`);
          },
          { maxBytes, workers: o.workers, timeBudgetMs: o.fileTimeout === undefined ? undefined : o.fileTimeout * 1000, memoryBudgetMb: o.fileMemory },
        );
    if (tty) process.stderr.write('\n');
    if (bytes) for (const f of report.items.filter((i) => i.status === 'failed')) process.stderr.write(`luoshi: ${f.file}: ${say(f.reason)}\n`);
    const totals = await repo.counts();
    const allFailed = report.run.failed === report.items.length;
    if (o.json) {
      const body = { run: report.run, new_documents: report.newDocuments, duplicate_documents: report.duplicateDocuments, store: totals, items: report.items };
      const refused = report.items.every((i) => i.reason?.startsWith(NOT_A_REPORT));
      const code = refused ? 'not_a_report' : 'unreadable_file';
      if (allFailed) printJsonFailure({ exit: 1, status: 422, code, message: report.items.length === 1 ? `${report.items[0].file}: ${say(report.items[0].reason)}` : `none of the ${report.items.length} files could be read` }, body);
      else printJson(body);
    } else {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const out = [
        `Import run #${report.run.id} into ${repo.engine} ${repo.location} (${secs} s)`,
        '',
        '  result      files  documents',
        `  imported   ${pad(report.run.imported)}  ${pad(report.newDocuments)} new`,
        `  duplicate  ${pad(report.run.duplicates)}  ${pad(report.duplicateDocuments)} already stored`,
        `  failed     ${pad(report.run.failed)}`,
        '',
        `  store now holds ${totals.documents} distinct documents from ${totals.sources} files (${totals.duplicates} duplicates recorded)`,
      ];
      const failed = report.items.filter((i) => i.status === 'failed');
      if (failed.length) {
        out.push('', '  failed files:');
        for (const f of failed) out.push(`    ${f.file}: ${say(f.reason)}`);
      }
      process.stdout.write(out.join('\n') + '\n');
    }
    return allFailed ? 1 : 0;
  });
}

/** A failed file's reason, in Chinese when the locale is and the reason has Chinese words (a refusal as no work report). */
function say(reason: string | undefined): string {
  if (reason === undefined) return '';
  return (cliLanguage() === 'zh' && refusalInChinese(reason)) || reason;
}

function pad(n: number): string {
  return String(n).padStart(5);
}

/** Kept by this name for callers on other branches: a usage error (exit 2). */
export { UsageError as CliError } from './errors.js';

const DOC_COLUMNS = ['id', 'jurisdiction', 'province', 'level', 'report_year', 'review_year', 'date', 'doc_type', 'script', 'n_targets', 'n_outcomes', 'n_commitments', 'duplicates', 'file_name', 'part'] as const;

const ReportsOptions = Output.safeExtend({ db: Db, jurisdiction: Place.optional(), level: Level.optional(), year: Year.optional() });

export async function runReports(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(ReportsOptions, raw);
  return withStore(o, async (repo) => {
    const page = await repo.listDocuments({ jurisdiction: o.jurisdiction, level: o.level, yearFrom: o.year, yearTo: o.year }, { limit: 1_000_000, offset: 0 });
    await emitRows(page.items, [...DOC_COLUMNS], o, { total: page.total, items: page.items }, () =>
      page.items.map((d) => `${String(d.id).padStart(5)}  ${d.report_year ?? '????'}  ${(d.jurisdiction ?? '?').padEnd(12, '　')}  ${d.level ?? '?'}  ${d.doc_type}  targets ${d.n_targets}, outcomes ${d.n_outcomes}, commitments ${d.n_commitments}${d.duplicates ? `  (+${d.duplicates} duplicate${d.duplicates > 1 ? 's' : ''})` : ''}`).join('\n') + `\n${page.total} documents\n`,
    );
    return 0;
  });
}

const SearchOptions = Output.safeExtend({
  query: z.string().trim().min(1, 'expected words to find').max(200, 'expected at most 200 characters'),
  db: Db, jurisdiction: Place.optional(), level: Level.optional(), from: Year.optional(), to: Year.optional(), part: Part.optional(), limit: Limit,
});

export async function runSearch(query: string, raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(SearchOptions, { ...raw, query }, ['query']);
  return withStore(o, async (repo) => {
    const result = await repo.search({ q: o.query, jurisdiction: o.jurisdiction, level: o.level, part: o.part, yearFrom: o.from, yearTo: o.to, limit: o.limit });
    const rows = result.items.flatMap((h) => h.snippets.map((s) => ({ document_id: h.document.id, jurisdiction: h.document.jurisdiction, report_year: h.document.report_year, matches: h.matches, start: s.start, snippet: s.before + '【' + s.match + '】' + s.after })));
    await emitRows(rows, ['document_id', 'jurisdiction', 'report_year', 'matches', 'start', 'snippet'], o, { query: o.query, total: result.total, items: result.items }, () =>
      result.items.map((h) => `#${h.document.id} ${h.document.jurisdiction ?? '?'} ${h.document.report_year ?? '?'}  ${h.matches} matches\n` + h.snippets.map((s) => `    …${s.before}【${s.match}】${s.after}…`).join('\n')).join('\n') + `\n${result.total} documents match\n`,
    );
    return 0;
  });
}

const FactOptions = Output.safeExtend({ db: Db, indicator: Indicator.optional(), year: Year.optional(), jurisdiction: Place.optional(), level: Level.optional(), headline: z.boolean().optional() });

export async function runFacts(fact: 'target' | 'outcome' | 'commitment', raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(FactOptions, raw);
  return withStore(o, async (repo) => {
    const page = await repo.facts({ fact, indicator: o.indicator, year: o.year, jurisdiction: o.jurisdiction, level: o.level, headline: o.headline, limit: 1_000_000 });
    const cols = ['document_id', 'jurisdiction', 'report_year', 'year', 'indicator', 'kind', 'value', 'value_max', 'unit', 'qualifier', 'scope', 'headline', 'estimated', 'text'] as const;
    await emitRows(page.items, [...cols], o, { total: page.total, items: page.items }, () =>
      page.items.map((f) => `${f.jurisdiction ?? '?'} ${f.year ?? f.report_year ?? '?'}  ${f.indicator ?? ''}  ${f.value ?? ''}${f.value_max !== null ? '–' + f.value_max : ''}${f.unit ?? ''} ${f.qualifier ?? ''}  ${f.text}`).join('\n') + `\n${page.total} ${fact}s\n`,
    );
    return 0;
  });
}
