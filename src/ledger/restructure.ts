/**
 * 合并 and 拆分: reshaping the ledger when a report's sentences do not match
 * how the work is divided. Both are one transaction over every task they
 * touch, checked against the versions the caller read; the tasks they
 * retire are archived with pointers, never deleted, and the pointers are
 * read back from the history.
 */
import { InvalidInput } from '../errors.js';
import type { HistoryEntry, Links, Task } from './schema.js';
import type { LedgerStore } from './store.js';
import { insertTask, setUnits } from './task-rows.js';

/**
 * 合并: `fromIds` are archived with a pointer to the survivor `id`, which
 * takes over their units; their progress and history stay where they are.
 * Every task must be at the given version (`fromVersions` may leave some out), or nothing changes.
 */
export async function merge(store: LedgerStore, id: number, version: number, fromIds: number[], fromVersions: Map<number, number>, accountId: number | null, now: Date): Promise<Task> {
  const records = store.records;
  return records.transaction(async (trx) => {
    const survivor = await records.at(trx, id, version);
    const others: Task[] = [];
    for (const f of fromIds) {
      const t = await records.at(trx, f, fromVersions.get(f));
      if (t.archived) throw new InvalidInput(`task ${f} is archived`);
      if (t.jurisdiction !== survivor.jurisdiction || t.year !== survivor.year) throw new InvalidInput(`task ${f} belongs to another ledger (${t.jurisdiction} ${t.year})`);
      others.push(t);
    }
    if (survivor.archived) throw new InvalidInput(`task ${id} is archived`);
    for (const t of others) {
      await store.edit(trx, t.id, t.version, { accountId, action: 'merged_into', note: `merged into task ${id}`, now }, async () => ({ set: { archived: 1 }, outcome: { extra: { merged_into: id } } }));
    }
    const units = new Set(survivor.responsible_unit_ids);
    for (const t of others) for (const u of [t.lead_unit_id, ...t.responsible_unit_ids]) if (u !== null && u !== survivor.lead_unit_id) units.add(u);
    return store.edit(trx, id, version, { accountId, action: 'merge', note: `merged tasks ${fromIds.join(', ')} into this one`, now }, async () => ({
      set: {}, responsible: [...units].sort((a, b) => a - b), outcome: { extra: { merged_from: fromIds } },
    }));
  });
}

/** 拆分: new tasks with the original's source, units and deadline; the original is archived with pointers to them. */
export async function split(store: LedgerStore, id: number, version: number, titles: string[], accountId: number | null, now: Date): Promise<{ original: Task; created: Task[] }> {
  const records = store.records;
  return records.transaction(async (trx) => {
    const o = await records.at(trx, id, version);
    if (o.archived) throw new InvalidInput(`task ${id} is archived`);
    const row = await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const created: Task[] = [];
    for (const title of titles) {
      const { jurisdiction, year, document_id, fact_id, source_kind, source_sentence, source_start, source_end, source_file_start, source_file_end, indicator, firmness, livelihood, deadline, deadline_phrase, deadline_rule } = row;
      const nid = await insertTask(trx, {
        jurisdiction, year, document_id, fact_id, source_kind, title, source_sentence, source_start, source_end, source_file_start, source_file_end,
        indicator, firmness, livelihood, deadline, deadline_phrase, deadline_rule,
      }, now);
      await setUnits(trx, nid, o.lead_unit_id, o.responsible_unit_ids);
      created.push(await store.created(trx, nid, { accountId, action: 'split_from', note: `split from task ${id}`, now }, { split_from: id }));
    }
    const ids = created.map((t) => t.id);
    const original = await store.edit(trx, id, version, { accountId, action: 'split', note: `split into tasks ${ids.join(', ')}`, now }, async () => ({ set: { archived: 1 }, outcome: { extra: { split_into: ids } } }));
    return { original, created };
  });
}

/** The steps whose notes point at other tasks. */
export const LINK_ACTIONS = ['merged_into', 'merge', 'split', 'split_from'] as const;

/** Pointers recorded by merges and splits, read back from a task's history (pure: the caller has read it). */
export function linksOf(history: readonly HistoryEntry[]): Links {
  const out: Links = { merged_into: null, merged_from: [], split_into: [], split_from: null };
  for (const h of history) {
    const a = (h.after ?? {}) as Record<string, unknown>;
    if (h.action === 'merged_into') out.merged_into = Number(a.merged_into);
    if (h.action === 'merge') out.merged_from.push(...(a.merged_from as number[]));
    if (h.action === 'split') out.split_into.push(...(a.split_into as number[]));
    if (h.action === 'split_from') out.split_from = Number(a.split_from);
  }
  return out;
}
