import { writeFile } from 'node:fs/promises';
import { fileJson, type FileJson } from '../document-json.js';
import { FACT_COLUMNS, factRows, toCsv, toXlsx } from '../export/table.js';
import { isFailure, processFile } from '../pipeline.js';
import { expandPaths } from './files.js';

export interface ExtractOptions {
  json?: boolean;
  format?: string;
  out?: string;
  maxSize?: string;
}

export async function runExtract(paths: string[], opts: ExtractOptions): Promise<number> {
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (!['json', 'csv', 'xlsx', 'text'].includes(format)) {
    process.stderr.write(`luoshi: unknown --format ${format} (use json, csv, xlsx or text)\n`);
    return 2;
  }
  const maxBytes = opts.maxSize ? Math.round(Number(opts.maxSize) * 1048576) : undefined;
  if (maxBytes !== undefined && !(maxBytes > 0)) {
    process.stderr.write(`luoshi: --max-size takes a number of MiB, got ${opts.maxSize}\n`);
    return 2;
  }
  const files = await expandPaths(paths);
  const results: FileJson[] = [];
  let ok = 0;
  for (const file of files) {
    const r = await processFile(file, { maxBytes });
    if (isFailure(r)) {
      process.stderr.write(`luoshi: ${r.file}: ${r.error}\n`);
      results.push({ file: r.file, documents: [], warnings: [], error: r.error });
    } else {
      ok++;
      results.push(fileJson(r));
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else if (format === 'csv') {
    const csv = toCsv(factRows(results), FACT_COLUMNS);
    if (opts.out) await writeFile(opts.out, csv);
    else process.stdout.write(csv);
  } else if (format === 'xlsx') {
    const buf = await toXlsx(factRows(results), FACT_COLUMNS);
    if (!opts.out && process.stdout.isTTY) {
      process.stderr.write('luoshi: --format xlsx writes binary data; give --out FILE.xlsx\n');
      return 2;
    }
    if (opts.out) await writeFile(opts.out, buf);
    else process.stdout.write(buf);
  } else {
    for (const r of results) process.stdout.write(summary(r));
  }
  return ok === 0 && files.length > 0 ? 1 : 0;
}

function summary(r: FileJson): string {
  if (r.error) return `✗ ${r.file}\n    ${r.error}\n`;
  const lines = [`✓ ${r.file}  (${r.format}, ${r.encoding}, ${r.documents.length} document${r.documents.length === 1 ? '' : 's'})`];
  for (const d of r.documents) {
    lines.push(
      `  [${d.part}] ${d.jurisdiction ?? '?'} ${d.report_year ?? '?'}年 ${d.level ?? '?'} ${d.doc_type} ${d.script}` +
        (d.date ? ` ${d.date}` : '') +
        (d.speaker ? ` ${d.speaker}` : ''),
    );
    lines.push(`      targets ${d.targets.length}, outcomes ${d.outcomes.length} (headline ${d.outcomes.filter((o) => o.headline).length}), commitments ${d.commitments.length}`);
  }
  const warn = r.warnings.filter((w) => w.severity !== 'info');
  for (const w of warn.slice(0, 8)) lines.push(`  ! ${w.ruleId}: ${w.message}`);
  if (warn.length > 8) lines.push(`  ! … ${warn.length - 8} more warnings (see --json)`);
  return lines.join('\n') + '\n';
}
