/**
 * `luoshi remove ID`: withdraws an imported document (src/withdraw/store.ts).
 * What rests on it is printed either way: as the reason for refusing (exit 1,
 * code has_dependents) or, with --force, as what was detached.
 */
import { userInfo } from 'node:os';
import { z } from 'zod';
import type { Dependent, Withdrawal } from '../withdraw/schema.js';
import { DependentsExist, withdrawDocument } from '../withdraw/store.js';
import { Db, parseOptions, wholeNumber } from './options.js';
import { printJson, printJsonFailure } from './output.js';
import { withStore } from './store-commands.js';

const RemoveOptions = z.strictObject({ id: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a document id'), db: Db, force: z.boolean().optional(), note: z.string().max(500).optional(), json: z.boolean().optional() });

/** Who runs the command, for the log: the system user (the command line has no account). */
function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const line = (d: Dependent) => `    ${d.kind} #${d.id}${d.state ? ` (${d.state})` : ''}: ${d.title.length > 60 ? d.title.slice(0, 59) + '…' : d.title}`;

function report(w: Withdrawal): string {
  const r = w.removed;
  const out = [
    `withdrew document #${w.document_id} (${w.jurisdiction ?? '?'} ${w.report_year ?? '?'}, ${w.file_name}) as withdrawal #${w.id}`,
    `  removed: ${r.facts} facts, ${r.sketches} sketch hashes, ${r.duplicates} copies, ${r.report_choices} authoritative choice(s), ${r.sources ? 'the file' : 'not the file (other documents of it remain)'}`,
  ];
  if (w.dependents.length) out.push(`  detached from it (kept): ${w.dependents.length}`, ...w.dependents.map(line));
  return out.join('\n') + '\n';
}

export async function runRemove(id: string, raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(RemoveOptions, { ...raw, id }, ['id']);
  return withStore(o, async (repo) => {
    try {
      const w = await withdrawDocument(repo, o.id, { accountId: null, actor: actor() }, { force: o.force, note: o.note });
      if (o.json) printJson({ withdrawal: w });
      else process.stdout.write(report(w));
      return 0;
    } catch (e) {
      if (!(e instanceof DependentsExist)) throw e;
      process.stderr.write(`luoshi: ${e.message}\n${e.current.dependents.map(line).join('\n')}\n`);
      if (o.json) printJsonFailure({ exit: 1, status: 409, code: e.code, message: e.message }, { plan: e.current });
      return 1;
    }
  });
}
