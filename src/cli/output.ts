/**
 * What the commands print. Every --json answer has one shape, the API's:
 * `{ "ok": true, … }` or `{ "ok": false, "error": { status?, code, message } }`,
 * with snake_case keys throughout (the pipeline's own objects say
 * `sourceStart`, `ruleId`; a script reading the CLI sees `source_start`,
 * `rule_id`).
 */
import { writeFile } from 'node:fs/promises';
import { toCsv, toXlsx, type ColumnSpec } from '../export/table.js';
import { cliLanguage } from './locale.js';
import { UsageError, type Failure } from './errors.js';
import { formatOf, type OutputOptions } from './options.js';

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** A copy of a JSON value with every object key in snake_case; keys already so stay as they are. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]));
}

function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(snakeKeys(value), null, 2) + '\n');
}

/** A success answer: `{ ok: true, ...body }`. */
export function printJson(body: object): void {
  writeJson({ ok: true, ...body });
}

/** The failure envelope on stdout, for a caller that asked for --json. */
export function printJsonFailure(f: Failure, extra: object = {}): void {
  writeJson({ ok: false, error: { ...(f.status === undefined ? {} : { status: f.status }), code: f.code, message: f.message.split('\n')[0] }, ...extra });
}

/** Tells the user why the command failed (one line on stderr; with --json the envelope on stdout too). Returns the exit code. */
export function printFailure(f: Failure, json: boolean): number {
  process.stderr.write(`luoshi: ${f.message}\n`);
  if (json) printJsonFailure(f);
  return f.exit;
}

/** Binary output never goes to a terminal: it would garble the screen. */
async function writeBinary(bytes: Uint8Array, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, bytes);
  else if (process.stdout.isTTY) throw new UsageError('--format xlsx writes binary data: give --out FILE.xlsx or redirect the output', '--out');
  else process.stdout.write(bytes);
}

/** Rows as text, JSON (`{ ok: true, ...jsonBody }`), CSV or XLSX (to --out, or stdout when it is not a terminal). */
export async function emitRows<T extends object>(rows: T[], columns: readonly ColumnSpec<T>[], o: OutputOptions, jsonBody: object, text: () => string): Promise<void> {
  const format = formatOf(o);
  if (format === 'json') printJson(jsonBody);
  else if (format === 'csv') {
    const csv = toCsv(rows, columns, { lang: cliLanguage() });
    if (o.out) await writeFile(o.out, csv);
    else process.stdout.write(csv);
  } else if (format === 'xlsx') await writeBinary(await toXlsx(rows, columns, { lang: cliLanguage() }), o.out);
  else process.stdout.write(text());
}

/**
 * A reader that stops early (`luoshi reports | head -1`) closes the pipe; the
 * next write fails with EPIPE. The reader has what it wanted, so the command
 * ends quietly and successfully, as cat or grep do, instead of with a stack.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}
