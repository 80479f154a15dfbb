/**
 * 建议/提案 items between their rows and their records: reading an item
 * (its row and units), the history table, and the look-ups registering and
 * 交办 need. The store and the import go through these.
 */
import type { Db, HistoryEntryInput, RecordKind, Trx } from '../records/versioned.js';
import type { ProposalsTable, ProposalUnitsTable } from './rows.js';
import type { Proposal } from './schema.js';
import type { ProposalKind } from './vocab.js';

type ProposalRow = Omit<ProposalsTable, 'id'> & { id: number };
type UnitRow = Pick<ProposalUnitsTable, 'unit_id' | 'role'>;

export function proposalOf(r: ProposalRow, units: readonly UnitRow[]): Proposal {
  const lead = units.find((u) => u.role === 'lead');
  return {
    id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), kind: r.kind, number: r.number, title: r.title,
    proposers: JSON.parse(r.proposers_json) as string[], received_at: r.received_at, assigned_at: r.assigned_at, reply_deadline: r.reply_deadline,
    state: r.state, lead_unit_id: lead ? Number(lead.unit_id) : null,
    assist_unit_ids: units.filter((u) => u.role === 'assist').map((u) => Number(u.unit_id)).sort((a, b) => a - b),
    reply_text: r.reply_text, replied_at: r.replied_at, satisfaction: r.satisfaction, satisfaction_at: r.satisfaction_at,
    follow_up: r.follow_up, version: Number(r.version), created_at: r.created_at, updated_at: r.updated_at,
  };
}

async function load(db: Db, id: number): Promise<Proposal | undefined> {
  const r = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const units = await db.selectFrom('proposal_units').select(['unit_id', 'role']).where('proposal_id', '=', id).execute();
  return proposalOf(r, units);
}

/** The history keeps a note per step (the item's columns hold only the latest reply and rating). */
async function log(trx: Trx, id: number, e: HistoryEntryInput): Promise<void> {
  await trx.insertInto('proposal_history').values({ proposal_id: id, account_id: e.accountId, action: e.action, at: e.at, note: e.note }).execute();
}

export const PROPOSALS: RecordKind<Proposal> = { table: 'proposals', noun: '建议/提案', load, log };

/** The item registered under this place, year, kind and number, if any. */
export async function registered(db: Db, p: { jurisdiction: string; year: number; kind: ProposalKind; number: string }): Promise<{ id: number; title: string } | undefined> {
  const r = await db
    .selectFrom('proposals')
    .select(['id', 'title'])
    .where('jurisdiction', '=', p.jurisdiction)
    .where('year', '=', p.year)
    .where('kind', '=', p.kind)
    .where('number', '=', p.number)
    .executeTakeFirst();
  return r && { id: Number(r.id), title: r.title };
}

export async function unitNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** The lead unit and the assisting units of an item, replacing what it had. */
export async function setUnits(trx: Trx, id: number, lead: number, assist: readonly number[]): Promise<void> {
  await trx.deleteFrom('proposal_units').where('proposal_id', '=', id).execute();
  const rows: ProposalUnitsTable[] = [{ proposal_id: id, unit_id: lead, role: 'lead' }, ...assist.map((u) => ({ proposal_id: id, unit_id: u, role: 'assist' as const }))];
  await trx.insertInto('proposal_units').values(rows).execute();
}
