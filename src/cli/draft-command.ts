/**
 * `luoshi draft-review --jurisdiction X --year N -o draft.docx`: the
 * 完成情况报告 drafted from the ledger in the database (all of it: the
 * command runs with the rights of whoever holds the database), as .docx or
 * HTML. The draft is kept in the database as the API keeps it; --json
 * prints what was kept.
 */
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { AccountStore } from '../accounts/store.js';
import { DraftReviews } from '../draft/service.js';
import { DRAFT_FORMATS } from '../draft/schema.js';
import { Ledger } from '../ledger/service.js';
import { UsageError } from './errors.js';
import { Db, oneOf, parseOptions, Place, Year } from './options.js';
import { printJson } from './output.js';
import { withStore } from './store-commands.js';

const DraftOptions = z.strictObject({
  db: Db, jurisdiction: Place, year: Year, format: oneOf(DRAFT_FORMATS).default('docx'), out: z.string().min(1).optional(), json: z.boolean().optional(),
});

export async function runDraftReview(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(DraftOptions, raw);
  // A Word file never goes to a terminal: it would garble the screen.
  if (!o.out && (o.json || (o.format === 'docx' && process.stdout.isTTY))) throw new UsageError(`give --out FILE.${o.format}`, '--out');
  const g = await withStore(o, (repo) => new DraftReviews(new Ledger(repo, new AccountStore(repo), () => new Date())).generate(undefined, { jurisdiction: o.jurisdiction, year: o.year }, o.format));
  if (o.out) await writeFile(o.out, g.bytes);
  else process.stdout.write(g.bytes);
  if (o.json) printJson({ record: g.record, file: o.out, summary: g.draft.summary, sources: g.draft.sources.length });
  else if (o.out) process.stderr.write(`${o.out}: ${g.draft.summary.total} tasks, ${g.draft.sources.length} sources; kept as draft ${g.record.id} (sha256 ${g.record.sha256})\n`);
  return 0;
}
