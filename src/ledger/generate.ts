/**
 * The draft ledger from a stored plan report: its targets and the
 * commitments of its plan part become draft tasks with their source span.
 * Facts already in the ledger are skipped, so running it again adds only
 * what is new.
 */
import { reviewRange } from '../check/index.js';
import { fromStored } from '../check/adapters.js';
import { NotFound } from '../errors.js';
import type { Repository } from '../store/repository.js';
import type { DocumentDetail, FactRecord } from '../store/types.js';
import type { Task } from './schema.js';
import type { LedgerStore } from './store.js';
import { deadlineRow, insertTask } from './task-rows.js';
import { FIRMNESS, type Firmness } from './workflow.js';

/** The facts of a plan report that are tasks: targets, and plan commitments with a figure, a livelihood mark or named projects. */
function pick(doc: DocumentDetail): FactRecord[] {
  const review = reviewRange(fromStored(doc));
  const targets = doc.facts.filter((f) => f.fact === 'target');
  const seen = new Set(targets.map((t) => t.text));
  const picked: FactRecord[] = [...targets];
  for (const c of doc.facts.filter((f) => f.fact === 'commitment')) {
    const d = c.data as { livelihood?: boolean; names?: string[] };
    if (seen.has(c.text)) continue;
    // Results of the year under review are not tasks.
    if (c.start >= review.start && c.start < review.end && review.end < doc.text.length) continue;
    if (c.value === null && !d.livelihood && !(d.names ?? []).length) continue;
    seen.add(c.text);
    picked.push(c);
  }
  return picked;
}

const QUALIFIER_SIGNS: Record<string, string> = { at_least: '≥', at_most: '≤', about: '≈' };

/** The figure as the ledger prints it: ≥95亿斤, 5–5.5%. */
function figureText(f: FactRecord): string | null {
  if (f.value === null) return null;
  return `${QUALIFIER_SIGNS[f.qualifier ?? ''] ?? ''}${f.value}${f.value_max !== null ? '–' + f.value_max : ''}${f.unit ?? ''}`;
}

const isFirmness = (s: unknown): s is Firmness => (FIRMNESS as readonly unknown[]).includes(s);

export async function generate(store: LedgerStore, repo: Repository, documentId: number, accountId: number | null, now: Date): Promise<{ created: Task[]; skipped: number }> {
  const doc = await repo.getDocument(documentId);
  if (!doc) throw new NotFound(`no document with id ${documentId}`);
  const { jurisdiction, report_year: year } = doc;
  if (!jurisdiction || !year) throw new NotFound(`document ${documentId} has no known jurisdiction and year`);
  const existing = new Set((await store.db.selectFrom('tasks').select('fact_id').where('document_id', '=', documentId).execute()).map((r) => Number(r.fact_id)));
  const picked = pick(doc);
  const todo = picked.filter((f) => !existing.has(f.id));
  const created = await store.records.transaction(async (trx) => {
    const out: Task[] = [];
    for (const f of todo) {
      const d = f.data as { sentence?: string; deadline?: string; firmness?: string; livelihood?: boolean };
      const id = await insertTask(trx, {
        jurisdiction, year, document_id: documentId, fact_id: f.id, source_kind: f.fact === 'target' ? 'target' : 'commitment', title: f.text,
        source_sentence: d.sentence ?? f.text, source_start: f.start, source_end: f.end, source_file_start: f.source_start, source_file_end: f.source_end,
        indicator: f.indicator, figure_value: f.value, figure_unit: f.unit, figure_text: figureText(f),
        firmness: isFirmness(d.firmness) ? d.firmness : null, livelihood: d.livelihood ? 1 : 0, deadline_phrase: d.deadline ?? null, ...deadlineRow(d.deadline, year),
      }, now);
      out.push(await store.created(trx, id, { accountId, action: 'generate', note: `from document ${documentId}, ${f.fact} ${f.id}`, now }));
    }
    return out;
  });
  return { created, skipped: picked.length - todo.length };
}
