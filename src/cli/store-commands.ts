import { writeFile } from 'node:fs/promises';
import { toCsv, toXlsx } from '../export/table.js';
import { importFiles, type ImportProgress } from '../import/index.js';
import { openStore } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { LEVELS, type Level } from '../vocab.js';
import { expandPaths } from './files.js';

export interface StoreCliOptions {
  db?: string;
  json?: boolean;
  format?: string;
  out?: string;
}

export async function withStore<T>(opts: StoreCliOptions, fn: (repo: Repository) => Promise<T>): Promise<T> {
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

/** A positive number given on the command line, or undefined when not given. */
function positive(value: string | undefined, option: string, scale = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new CliError(`${option} takes a positive number, got ${value}`);
  return Math.round(n * scale);
}

export interface ImportCliOptions extends StoreCliOptions {
  maxSize?: string;
  workers?: string;
  fileTimeout?: string;
  fileMemory?: string;
}

export async function runImport(paths: string[], opts: ImportCliOptions): Promise<number> {
  const maxBytes = positive(opts.maxSize, '--max-size', 1048576);
  const workers = opts.workers === undefined ? undefined : Number(opts.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new CliError(`--workers takes a whole number (0: read on the main thread), got ${opts.workers}`);
  const timeBudgetMs = positive(opts.fileTimeout, '--file-timeout', 1000);
  const memoryBudgetMb = positive(opts.fileMemory, '--file-memory');
  const files = await expandPaths(paths);
  if (files.length === 0) {
    process.stderr.write('luoshi: nothing to import (no .txt, .html or .docx files under the given paths)\n');
    return 1;
  }
  return withStore(opts, async (repo) => {
    const tty = process.stderr.isTTY && !opts.json;
    const counts: Record<string, number> = { imported: 0, duplicate: 0, failed: 0 };
    const started = Date.now();
    const report = await importFiles(
      repo,
      files,
      (p) => {
        counts[p.result.status]++;
        if (tty) process.stderr.write(bar(p, counts));
        else if (p.result.status === 'failed' && !opts.json) process.stderr.write(`luoshi: ${p.file}: ${p.result.reason}\n`);
      },
      { maxBytes, workers, timeBudgetMs, memoryBudgetMb },
    );
    if (tty) process.stderr.write('\n');
    const totals = await repo.counts();
    if (opts.json) {
      process.stdout.write(JSON.stringify({ run: report.run, new_documents: report.newDocuments, duplicate_documents: report.duplicateDocuments, store: totals, items: report.items }, null, 2) + '\n');
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
        for (const f of failed) out.push(`    ${f.file}: ${f.reason}`);
      }
      process.stdout.write(out.join('\n') + '\n');
    }
    return report.run.failed === files.length ? 1 : 0;
  });
}

function pad(n: number): string {
  return String(n).padStart(5);
}

export async function emitRows<T extends object>(rows: T[], columns: (keyof T)[], opts: StoreCliOptions, jsonValue: unknown, text: () => string): Promise<void> {
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (format === 'json') process.stdout.write(JSON.stringify(jsonValue, null, 2) + '\n');
  else if (format === 'csv') {
    const csv = toCsv(rows, columns);
    if (opts.out) await writeFile(opts.out, csv);
    else process.stdout.write(csv);
  } else if (format === 'xlsx') {
    if (!opts.out) throw new CliError('--format xlsx needs --out FILE.xlsx');
    await writeFile(opts.out, await toXlsx(rows, columns));
  } else process.stdout.write(text());
}

export class CliError extends Error {}

/** A --level value checked against the known levels. */
export function levelOption(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  const found = LEVELS.find((l) => l === value);
  if (!found) throw new CliError(`unknown --level ${value} (${LEVELS.join(', ')})`);
  return found;
}

const DOC_COLUMNS = ['id', 'jurisdiction', 'province', 'level', 'report_year', 'review_year', 'date', 'doc_type', 'script', 'n_targets', 'n_outcomes', 'n_commitments', 'duplicates', 'file_name', 'part'] as const;

export async function runReports(opts: StoreCliOptions & { jurisdiction?: string; level?: string; year?: string }): Promise<number> {
  return withStore(opts, async (repo) => {
    const year = opts.year ? Number(opts.year) : undefined;
    const page = await repo.listDocuments({ jurisdiction: opts.jurisdiction, level: levelOption(opts.level), yearFrom: year, yearTo: year }, { limit: 1_000_000, offset: 0 });
    await emitRows(page.items, [...DOC_COLUMNS], opts, page.items, () =>
      page.items.map((d) => `${String(d.id).padStart(5)}  ${d.report_year ?? '????'}  ${(d.jurisdiction ?? '?').padEnd(12, '　')}  ${d.level ?? '?'}  ${d.doc_type}  targets ${d.n_targets}, outcomes ${d.n_outcomes}, commitments ${d.n_commitments}${d.duplicates ? `  (+${d.duplicates} duplicate${d.duplicates > 1 ? 's' : ''})` : ''}`).join('\n') + `\n${page.total} documents\n`,
    );
    return 0;
  });
}

export async function runSearch(query: string, opts: StoreCliOptions & { jurisdiction?: string; level?: string; from?: string; to?: string; part?: string; limit?: string }): Promise<number> {
  return withStore(opts, async (repo) => {
    const result = await repo.search({
      q: query, jurisdiction: opts.jurisdiction, level: levelOption(opts.level), part: opts.part,
      yearFrom: opts.from ? Number(opts.from) : undefined, yearTo: opts.to ? Number(opts.to) : undefined,
      limit: opts.limit ? Number(opts.limit) : 20,
    });
    const rows = result.items.flatMap((h) => h.snippets.map((s) => ({ document_id: h.document.id, jurisdiction: h.document.jurisdiction, report_year: h.document.report_year, matches: h.matches, start: s.start, snippet: s.before + '【' + s.match + '】' + s.after })));
    await emitRows(rows, ['document_id', 'jurisdiction', 'report_year', 'matches', 'start', 'snippet'], opts, { query, total: result.total, items: result.items }, () =>
      result.items.map((h) => `#${h.document.id} ${h.document.jurisdiction ?? '?'} ${h.document.report_year ?? '?'}  ${h.matches} matches\n` + h.snippets.map((s) => `    …${s.before}【${s.match}】${s.after}…`).join('\n')).join('\n') + `\n${result.total} documents match\n`,
    );
    return 0;
  });
}

export async function runFacts(fact: 'target' | 'outcome' | 'commitment', opts: StoreCliOptions & { indicator?: string; year?: string; jurisdiction?: string; level?: string; headline?: boolean }): Promise<number> {
  return withStore(opts, async (repo) => {
    const page = await repo.facts({ fact, indicator: opts.indicator, year: opts.year ? Number(opts.year) : undefined, jurisdiction: opts.jurisdiction, level: levelOption(opts.level), headline: opts.headline, limit: 1_000_000 });
    const cols = ['document_id', 'jurisdiction', 'report_year', 'year', 'indicator', 'kind', 'value', 'value_max', 'unit', 'qualifier', 'scope', 'headline', 'estimated', 'text'] as const;
    await emitRows(page.items, [...cols], opts, page.items, () =>
      page.items.map((f) => `${f.jurisdiction ?? '?'} ${f.year ?? f.report_year ?? '?'}  ${f.indicator ?? ''}  ${f.value ?? ''}${f.value_max !== null ? '–' + f.value_max : ''}${f.unit ?? ''} ${f.qualifier ?? ''}  ${f.text}`).join('\n') + `\n${page.total} ${fact}s\n`,
    );
    return 0;
  });
}
