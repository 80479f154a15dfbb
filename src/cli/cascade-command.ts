/**
 * `luoshi cascade`: one indicator's targets for a year down the chain of
 * governments, as text, JSON, CSV or XLSX.
 */
import { buildCascade } from '../cascade/build.js';
import { cascadeRows, cascadeText } from '../cascade/rows.js';
import { CASCADE_COLUMNS } from '../cascade/schema.js';
import { INDICATORS } from '../extract/lexicon/indicators.js';
import { Db, oneOf, Output, parseOptions, Place, Year } from './options.js';
import { emitRows } from './output.js';
import { withStore } from './store-commands.js';

const ids = INDICATORS.map((i) => i.id) as [string, ...string[]];
const CascadeOptions = Output.safeExtend({ db: Db, indicator: oneOf(ids), year: Year, root: Place.optional() });

export async function runCascade(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(CascadeOptions, raw);
  const cascade = await withStore(o, (repo) => buildCascade(repo, { indicator: o.indicator, year: o.year, root: o.root }));
  await emitRows(cascadeRows(cascade), CASCADE_COLUMNS, o, cascade, () => cascadeText(cascade));
  return 0;
}
