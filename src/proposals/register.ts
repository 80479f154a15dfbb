/**
 * Registering the rows of an imported list in one transaction. A number
 * registered already (in the database or earlier in the file) is left as it
 * is, so importing the same file again changes nothing; unknown units are
 * created; dates the file gets wrong are corrected and reported.
 */
import type { UnitRef } from '../accounts/schema.js';
import { registered } from './items.js';
import { chinaDate, KIND_LABELS } from './rules.js';
import type { NewProposal, ProposalImportRow } from './schema.js';
import type { Actor, ProposalStore } from './store.js';

/** One row of an import, already read from the file. */
export interface ImportItem extends NewProposal {
  row: number;
  lead_unit?: string;
  assist_units: string[];
  assigned_at?: string;
}

export type ImportItemResult = Pick<ProposalImportRow, 'row' | 'id' | 'lead_unit' | 'assist_units' | 'assigned_at' | 'reply_deadline' | 'problems'> & {
  /** created: new item; existing: the number was already registered, nothing changed. */
  status: 'created' | 'existing';
  id: number;
};

export async function registerMany(store: ProposalStore, items: ImportItem[], by: Actor, source: string): Promise<{ rows: ImportItemResult[]; created_units: UnitRef[] }> {
  return store.records.transaction(async (trx) => {
    const units = new Map((await trx.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, Number(u.id)]));
    const createdUnits: UnitRef[] = [];
    const unitRef = async (name: string): Promise<UnitRef> => {
      const known = units.get(name);
      if (known !== undefined) return { id: known, name, created: false };
      const r = await trx.insertInto('units').values({ name, parent_id: null, created_at: by.now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      const ref = { id: Number(r.id), name, created: true };
      units.set(name, ref.id);
      createdUnits.push(ref);
      return ref;
    };
    const today = chinaDate(by.now);
    const rows: ImportItemResult[] = [];
    for (const it of items) {
      const problems: string[] = [];
      const dup = await registered(trx, it);
      if (dup) {
        if (dup.title !== it.title) problems.push(`${KIND_LABELS[it.kind]} ${it.number} 已登记，标题不同（${dup.title}），未作改动`);
        rows.push({ row: it.row, status: 'existing', id: dup.id, lead_unit: null, assist_units: [], assigned_at: null, reply_deadline: null, problems });
        continue;
      }
      let assignedAt: string | undefined;
      if (it.lead_unit) {
        assignedAt = it.assigned_at ?? today;
        if (!it.assigned_at) problems.push('缺少交办日期，按今天交办');
        if (assignedAt > today) {
          problems.push(`交办日期 ${assignedAt} 晚于今天，按今天交办`);
          assignedAt = today;
        }
      } else if (it.assist_units.length) problems.push('会办 units without a 主办 unit: the item is left unassigned');
      let received = it.received_at;
      if (received && received > today) {
        problems.push(`received date ${received} is in the future: today is used`);
        received = undefined;
      }
      // Without a date of receipt, 交办 is the earliest date the file knows.
      received ??= assignedAt ?? today;
      if (assignedAt && received > assignedAt) {
        problems.push(`received date ${received} is after 交办 ${assignedAt}: the 交办 date is used for both`);
        received = assignedAt;
      }
      const id = await store.insert(trx, { ...it, received_at: received }, by, `${source}, row ${it.row}`);
      const lead = it.lead_unit ? await unitRef(it.lead_unit) : null;
      const assist: UnitRef[] = [];
      let deadline: string | null = null;
      if (lead) {
        for (const n of it.assist_units) if (n !== lead.name && !assist.some((u) => u.name === n)) assist.push(await unitRef(n));
        deadline = (await store.assignIn(trx, id, undefined, { lead_unit_id: lead.id, assist_unit_ids: assist.map((u) => u.id), assigned_at: assignedAt }, by)).reply_deadline;
      }
      rows.push({ row: it.row, status: 'created', id, lead_unit: lead, assist_units: assist, assigned_at: lead ? assignedAt! : null, reply_deadline: deadline, problems });
    }
    return { rows, created_units: createdUnits };
  });
}
