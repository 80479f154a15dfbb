/**
 * `luoshi cascade`: one indicator's targets for a year down the chain of
 * governments, as text, JSON, CSV or XLSX.
 */
import { buildCascade } from '../cascade/build.js';
import { cascadeRows, cascadeText } from '../cascade/rows.js';
import { CASCADE_COLUMNS } from '../cascade/schema.js';
import { DomainError } from '../errors.js';
import { INDICATORS } from '../extract/lexicon/indicators.js';
import { CliError, emitRows, withStore, type StoreCliOptions } from './store-commands.js';

const FORMATS = ['text', 'json', 'csv', 'xlsx'];

export async function runCascade(opts: StoreCliOptions & { indicator: string; year: string; root?: string }): Promise<number> {
  const ids = INDICATORS.map((i) => i.id);
  if (!ids.includes(opts.indicator)) throw new CliError(`--indicator ${opts.indicator} is not an indicator; give one of ${ids.join(', ')}`);
  const year = Number(opts.year);
  if (!/^\d{4}$/.test(opts.year) || year < 1949 || year > 2100) throw new CliError(`--year takes a year (1949–2100), got ${opts.year}`);
  if (opts.format && !FORMATS.includes(opts.format)) throw new CliError(`--format ${opts.format} is not a format; give one of ${FORMATS.join(', ')}`);
  const cascade = await withStore(opts, (repo) => buildCascade(repo, { indicator: opts.indicator, year, root: opts.root })).catch((e: unknown) => {
    throw e instanceof DomainError ? new CliError(e.message) : e;
  });
  await emitRows(cascadeRows(cascade), CASCADE_COLUMNS, opts, cascade, () => cascadeText(cascade));
  return 0;
}
