import { fileJson, type FileJson } from '../document-json.js';
import { EXTRACTED_FACT_COLUMNS, factRows } from '../export/facts.js';
import { cliLanguage } from './locale.js';
import { DEFAULT_MAX_BYTES } from '../ingest/source.js';
import { isFailure, processBytes, processFile } from '../pipeline.js';
import { emitRows, printJsonFailure } from './output.js';
import { expandPaths } from './files.js';
import { FileName, formatOf, MiB, parseOptions, Output } from './options.js';
import { checkStdinUse, readStdin, STDIN } from './stdin.js';

const ExtractOptions = Output.safeExtend({ maxSize: MiB.optional(), name: FileName.optional() });

export async function runExtract(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(ExtractOptions, raw);
  checkStdinUse(paths, o.name);
  const maxBytes = o.maxSize === undefined ? DEFAULT_MAX_BYTES : Math.round(o.maxSize * 1048576);
  const files = await expandPaths(paths);
  const results: FileJson[] = [];
  let ok = 0;
  for (const file of files) {
    const r = file === STDIN ? await processBytes(o.name ?? STDIN, await readStdin(maxBytes)) : await processFile(file, { maxBytes });
    if (isFailure(r)) {
      process.stderr.write(`luoshi: ${r.file}: ${r.error}\n`);
      results.push({ file: r.file, documents: [], warnings: [], error: r.error });
    } else {
      ok++;
      results.push(fileJson(r));
    }
  }
  // Some files read: a success that lists the failures; none read: a failure that still lists them
  // (each reason is on stderr already).
  if (ok === 0 && files.length > 0) {
    if (formatOf(o) === 'text') process.stdout.write(results.map(summary).join(''));
    if (formatOf(o) === 'json') printJsonFailure({ exit: 1, status: 422, code: 'unreadable_file', message: files.length === 1 ? `${results[0].file}: ${results[0].error}` : `none of the ${files.length} files could be read` }, { files: results });
    return 1;
  }
  await emitRows(factRows(results, cliLanguage()), EXTRACTED_FACT_COLUMNS, o, { files: results }, () => results.map(summary).join(''));
  return 0;
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
