/**
 * 建议/提案 persistence over the reports' kysely database (migration 6).
 * Every change to an item is one transaction that bumps its version and
 * appends to proposal_history, so the history is the full record: a later
 * reply or rating replaces the current one on the item, never in the history.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Repository } from '../store/repository.js';
import type { Database } from '../store/schema.js';
import type { ProposalsTable } from './rows.js';
import {
  chinaDate, DEFAULT_REPLY_MONTHS, isIsoDate, KIND_LABELS, KINDS, replyDeadline, SATISFACTION_LABELS,
  type ProposalKind, type ProposalState, type ReplyMonths, type Satisfaction,
} from './rules.js';
import type { Proposal, ProposalHistoryEntry, ProposalPlace, UnitRef } from './types.js';

export type { Proposal, ProposalHistoryEntry, ProposalPlace, UnitRef } from './types.js';

export interface NewProposal {
  jurisdiction: string;
  year: number;
  kind: ProposalKind;
  number: string;
  title: string;
  proposers: string[];
  /** Default: today. */
  received_at?: string;
}

export interface Assignment {
  lead_unit_id: number;
  assist_unit_ids?: number[];
  /** 交办 date; default today. */
  assigned_at?: string;
  /** Default: assigned_at plus the configured months. */
  reply_deadline?: string;
}

export interface ProposalFilter {
  jurisdiction?: string;
  year?: number;
  kind?: ProposalKind;
  state?: ProposalState;
  /** Only items one of these units leads or assists. */
  unitIds?: number[];
}

/** One row of an import, already read from the file. */
export interface ImportItem {
  row: number;
  jurisdiction: string;
  year: number;
  kind: ProposalKind;
  number: string;
  title: string;
  proposers: string[];
  received_at?: string;
  lead_unit?: string;
  assist_units: string[];
  assigned_at?: string;
}

export interface ImportItemResult {
  row: number;
  /** created: new item; existing: the number was already registered, nothing changed. */
  status: 'created' | 'existing';
  id: number;
  lead_unit: UnitRef | null;
  assist_units: UnitRef[];
  assigned_at: string | null;
  reply_deadline: string | null;
  problems: string[];
}

export type VersionedProposal = { ok: true; proposal: Proposal } | { ok: false; current: Proposal };

export class ProposalNotFound extends Error {
  override readonly name = 'ProposalNotFound';
}

/** The same jurisdiction, year, kind and number is registered already. */
export class ProposalConflict extends Error {
  override readonly name = 'ProposalConflict';
  constructor(message: string, readonly existingId: number) {
    super(message);
  }
}

/** Input the item's facts do not allow (an unknown unit, a reply dated before 交办 …). */
export class ProposalInputError extends Error {
  override readonly name = 'ProposalInputError';
}

/** A step the item's state does not allow (a reply before 交办 …). */
export class ProposalStateError extends Error {
  override readonly name = 'ProposalStateError';
}

class StaleVersion extends Error {
  override readonly name = 'StaleVersion';
}

export const REPLY_MONTHS_KEYS: Record<ProposalKind, string> = {
  suggestion: 'proposals.reply_months.suggestion',
  proposal: 'proposals.reply_months.proposal',
};

type Db = Kysely<Database> | Transaction<Database>;
type ProposalRow = ProposalsTable & { id: number };
type ProposalSet = Updateable<Omit<ProposalsTable, 'id'>>;

function proposalOf(r: ProposalRow, units: { unit_id: number; role: string }[]): Proposal {
  const lead = units.find((u) => u.role === 'lead');
  return {
    id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), kind: r.kind as ProposalKind, number: r.number, title: r.title,
    proposers: JSON.parse(r.proposers_json) as string[], received_at: r.received_at, assigned_at: r.assigned_at, reply_deadline: r.reply_deadline,
    state: r.state as ProposalState,
    lead_unit_id: lead ? Number(lead.unit_id) : null,
    assist_unit_ids: units.filter((u) => u.role === 'assist').map((u) => Number(u.unit_id)).sort((a, b) => a - b),
    reply_text: r.reply_text, replied_at: r.replied_at, satisfaction: r.satisfaction as Satisfaction | null, satisfaction_at: r.satisfaction_at,
    follow_up: r.follow_up, version: Number(r.version), created_at: r.created_at, updated_at: r.updated_at,
  };
}

export class ProposalStore {
  readonly db: Kysely<Database>;
  constructor(repo: Repository) {
    this.db = repo.db;
  }

  // --- settings -------------------------------------------------------------------

  async replyMonths(db: Db = this.db): Promise<ReplyMonths> {
    const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(REPLY_MONTHS_KEYS)).execute();
    const out = { ...DEFAULT_REPLY_MONTHS };
    for (const k of KINDS) {
      const v = Number(rows.find((r) => r.key === REPLY_MONTHS_KEYS[k])?.value);
      if (Number.isInteger(v) && v > 0) out[k] = v;
    }
    return out;
  }

  /** Changes the months for items assigned from now on; deadlines already set stay. */
  async setReplyMonths(patch: Partial<ReplyMonths>, now: Date): Promise<ReplyMonths> {
    await this.db.transaction().execute(async (trx) => {
      for (const k of KINDS) {
        const v = patch[k];
        if (v === undefined) continue;
        const row = { key: REPLY_MONTHS_KEYS[k], value: String(v), updated_at: now.toISOString() };
        await trx.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at })).execute();
      }
    });
    return this.replyMonths();
  }

  // --- reading --------------------------------------------------------------------

  private async load(db: Db, id: number): Promise<Proposal | undefined> {
    const r = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const units = await db.selectFrom('proposal_units').select(['unit_id', 'role']).where('proposal_id', '=', id).execute();
    return proposalOf(r as ProposalRow, units);
  }

  async get(id: number): Promise<Proposal | undefined> {
    return this.load(this.db, id);
  }

  async list(f: ProposalFilter): Promise<Proposal[]> {
    let q = this.db.selectFrom('proposals').selectAll();
    if (f.jurisdiction) q = q.where('jurisdiction', '=', f.jurisdiction);
    if (f.year !== undefined) q = q.where('year', '=', f.year);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.unitIds) {
      if (f.unitIds.length === 0) return [];
      const ids = f.unitIds;
      q = q.where('id', 'in', (eb) => eb.selectFrom('proposal_units').select('proposal_id').where('unit_id', 'in', ids));
    }
    const rows = (await q.orderBy('year').orderBy('kind').orderBy('id').execute()) as ProposalRow[];
    if (rows.length === 0) return [];
    const byItem = new Map<number, { unit_id: number; role: string }[]>();
    // Chunks keep the parameter count under both engines' limits.
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => Number(r.id));
      for (const u of await this.db.selectFrom('proposal_units').select(['proposal_id', 'unit_id', 'role']).where('proposal_id', 'in', ids).execute()) {
        const k = Number(u.proposal_id);
        byItem.set(k, [...(byItem.get(k) ?? []), u]);
      }
    }
    return rows.map((r) => proposalOf(r, byItem.get(Number(r.id)) ?? []));
  }

  /** Places and years with items, newest year first: what a visitor may pick figures for. */
  async places(): Promise<ProposalPlace[]> {
    const rows = await this.db
      .selectFrom('proposals')
      .select((eb) => ['jurisdiction', 'year', 'kind', eb.fn.countAll().as('n')])
      .groupBy(['jurisdiction', 'year', 'kind'])
      .execute();
    const out = new Map<string, ProposalPlace>();
    for (const r of rows) {
      const key = `${r.jurisdiction}|${r.year}`;
      let p = out.get(key);
      if (!p) out.set(key, (p = { jurisdiction: r.jurisdiction, year: Number(r.year), suggestion: 0, proposal: 0 }));
      p[r.kind as ProposalKind] += Number(r.n);
    }
    return [...out.values()].sort((a, b) => b.year - a.year || a.jurisdiction.localeCompare(b.jurisdiction, 'zh'));
  }

  async history(id: number): Promise<ProposalHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('proposal_history as h')
      .leftJoin('accounts as a', 'a.id', 'h.account_id')
      .select(['h.id', 'h.proposal_id', 'h.account_id', 'a.name', 'h.action', 'h.at', 'h.note'])
      .where('h.proposal_id', '=', id)
      .orderBy('h.id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id), proposal_id: Number(r.proposal_id), account_id: r.account_id === null ? null : Number(r.account_id), account_name: r.name ?? null,
      action: r.action, at: r.at, note: r.note,
    }));
  }

  // --- writing --------------------------------------------------------------------

  private async log(trx: Transaction<Database>, id: number, accountId: number | null, action: string, note: string | null, now: Date): Promise<void> {
    await trx.insertInto('proposal_history').values({ proposal_id: id, account_id: accountId, action, at: now.toISOString(), note }).execute();
  }

  private async existing(db: Db, p: { jurisdiction: string; year: number; kind: ProposalKind; number: string }): Promise<{ id: number; title: string } | undefined> {
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

  private async insert(trx: Transaction<Database>, p: NewProposal, accountId: number | null, now: Date, note: string | null): Promise<number> {
    const today = chinaDate(now);
    const received = p.received_at ?? today;
    if (!isIsoDate(received)) throw new ProposalInputError(`received_at is not a date YYYY-MM-DD: ${received}`);
    if (received > today) throw new ProposalInputError(`received_at ${received} is in the future (today is ${today})`);
    const dup = await this.existing(trx, p);
    if (dup) throw new ProposalConflict(`${p.jurisdiction} ${p.year} ${KIND_LABELS[p.kind]} ${p.number} is registered already (id ${dup.id})`, dup.id);
    const at = now.toISOString();
    const r = await trx
      .insertInto('proposals')
      .values({
        jurisdiction: p.jurisdiction, year: p.year, kind: p.kind, number: p.number, title: p.title, proposers_json: JSON.stringify(p.proposers),
        received_at: received, assigned_at: null, reply_deadline: null, state: 'registered', reply_text: null, replied_at: null,
        satisfaction: null, satisfaction_at: null, follow_up: null, version: 1, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(r.id);
    await this.log(trx, id, accountId, 'create', note, now);
    return id;
  }

  /** A new item, assigned at once when `assign` is given. */
  async create(p: NewProposal, assign: Assignment | undefined, accountId: number | null, now: Date): Promise<Proposal> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        // Entering an item after the fact: without a date of receipt, 交办 is the earliest known.
        const received = p.received_at ?? (assign?.assigned_at && isIsoDate(assign.assigned_at) && assign.assigned_at <= chinaDate(now) ? assign.assigned_at : undefined);
        const id = await this.insert(trx, { ...p, received_at: received }, accountId, now, null);
        if (assign) await this.changeIn(trx, id, undefined, accountId, 'assign', now, (t) => this.assignment(trx, t, assign, now));
        return (await this.load(trx, id))!;
      });
    } catch (e) {
      // Two creates at once: the loser meets the unique index, not the check.
      if (!(e instanceof ProposalConflict) && !(e instanceof ProposalInputError)) {
        const dup = await this.existing(this.db, p);
        if (dup) throw new ProposalConflict(`${p.jurisdiction} ${p.year} ${KIND_LABELS[p.kind]} ${p.number} is registered already (id ${dup.id})`, dup.id);
      }
      throw e;
    }
  }

  /**
   * Applies `change` if the item is still at `version` (undefined: any);
   * otherwise answers with the current item and changes nothing.
   */
  private async change(
    id: number, version: number | undefined, accountId: number | null, action: string, now: Date,
    change: (p: Proposal, trx: Transaction<Database>) => Promise<Change>,
  ): Promise<VersionedProposal> {
    try {
      const proposal = await this.db.transaction().execute((trx) => this.changeIn(trx, id, version, accountId, action, now, (p) => change(p, trx)));
      return { ok: true, proposal };
    } catch (e) {
      if (e instanceof StaleVersion) return { ok: false, current: (await this.load(this.db, id))! };
      throw e;
    }
  }

  private async changeIn(
    trx: Transaction<Database>, id: number, version: number | undefined, accountId: number | null, action: string, now: Date,
    change: (p: Proposal) => Promise<Change>,
  ): Promise<Proposal> {
    const before = await this.load(trx, id);
    if (!before) throw new ProposalNotFound(`no 建议/提案 with id ${id}`);
    if (version !== undefined && before.version !== version) throw new StaleVersion();
    const c = await change(before);
    const res = await trx
      .updateTable('proposals')
      .set({ ...c.set, version: before.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new StaleVersion();
    if (c.units) {
      await trx.deleteFrom('proposal_units').where('proposal_id', '=', id).execute();
      const rows = [{ proposal_id: id, unit_id: c.units.lead, role: 'lead' as const }, ...c.units.assist.map((u) => ({ proposal_id: id, unit_id: u, role: 'assist' as const }))];
      await trx.insertInto('proposal_units').values(rows).execute();
    }
    await this.log(trx, id, accountId, c.action ?? action, c.note, now);
    return (await this.load(trx, id))!;
  }

  private async unitNames(db: Db, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  private async assignment(db: Db, p: Proposal, a: Assignment, now: Date): Promise<Change> {
    if (p.state === 'replied') throw new ProposalStateError(`${p.number} is answered already (已答复 ${p.replied_at}); it cannot be assigned again`);
    const assist = [...new Set(a.assist_unit_ids ?? [])].filter((u) => u !== a.lead_unit_id).sort((x, y) => x - y);
    const names = await this.unitNames(db, [a.lead_unit_id, ...assist]);
    const missing = [a.lead_unit_id, ...assist].filter((u) => !names.has(u));
    if (missing.length) throw new ProposalInputError(`no unit with id ${missing.join(', ')}`);
    const today = chinaDate(now);
    const assignedAt = a.assigned_at ?? today;
    if (!isIsoDate(assignedAt)) throw new ProposalInputError(`assigned_at is not a date YYYY-MM-DD: ${assignedAt}`);
    if (assignedAt > today) throw new ProposalInputError(`assigned_at ${assignedAt} is in the future (today is ${today})`);
    if (assignedAt < p.received_at) throw new ProposalInputError(`assigned_at ${assignedAt} is before the item was received (${p.received_at})`);
    let deadline: string;
    let rule: string;
    if (a.reply_deadline) {
      if (!isIsoDate(a.reply_deadline) || a.reply_deadline < assignedAt) throw new ProposalInputError(`reply_deadline must be a date on or after 交办 ${assignedAt}`);
      deadline = a.reply_deadline;
      rule = '人工设定';
    } else if (p.assigned_at === assignedAt && p.reply_deadline) {
      // A change of units (改办) keeps the clock that started at 交办.
      deadline = p.reply_deadline;
      rule = '沿用原期限';
    } else {
      const months = await this.replyMonths(db);
      deadline = replyDeadline(assignedAt, p.kind, months);
      rule = `交办后${months[p.kind]}个月`;
    }
    const note = `主办 ${names.get(a.lead_unit_id)}${assist.length ? `；会办 ${assist.map((u) => names.get(u)).join('、')}` : ''}；交办 ${assignedAt}，答复期限 ${deadline}（${rule}）`;
    return { set: { state: 'assigned', assigned_at: assignedAt, reply_deadline: deadline }, units: { lead: a.lead_unit_id, assist }, note, action: p.state === 'assigned' ? 'reassign' : 'assign' };
  }

  /** 交办: one lead unit (主办) and any number of assisting units (会办). */
  async assign(id: number, version: number, a: Assignment, accountId: number | null, now: Date): Promise<VersionedProposal> {
    return this.change(id, version, accountId, 'assign', now, (p, trx) => this.assignment(trx, p, a, now));
  }

  /**
   * 答复. After a 不满意 rating a new reply may follow: it replaces the
   * reply text, while replied_at stays the first reply's date, the one the
   * deadline is measured by.
   */
  async reply(id: number, version: number, r: { text: string; replied_at?: string }, accountId: number | null, now: Date): Promise<VersionedProposal> {
    return this.change(id, version, accountId, 'reply', now, async (p) => {
      const today = chinaDate(now);
      const date = r.replied_at ?? today;
      if (!isIsoDate(date)) throw new ProposalInputError(`replied_at is not a date YYYY-MM-DD: ${date}`);
      if (date > today) throw new ProposalInputError(`replied_at ${date} is in the future (today is ${today})`);
      if (p.state === 'registered') throw new ProposalStateError(`${p.number} is not assigned yet: 交办 it before a reply`);
      if (p.state === 'replied') {
        if (p.satisfaction !== 'dissatisfied') {
          throw new ProposalStateError(`${p.number} is answered already (${p.replied_at}); a new reply follows only a 不满意 (dissatisfied) rating`);
        }
        if (date < p.replied_at!) throw new ProposalInputError(`the new reply's date ${date} is before the first reply (${p.replied_at})`);
        return { set: { reply_text: r.text }, note: `再次答复 ${date}：${r.text}`, action: 're_reply' };
      }
      if (date < p.assigned_at!) throw new ProposalInputError(`replied_at ${date} is before 交办 (${p.assigned_at})`);
      return { set: { state: 'replied', reply_text: r.text, replied_at: date }, note: `答复 ${date}：${r.text}` };
    });
  }

  /** The proposer's opinion from the 征询意见表; a later one replaces it (the history keeps both). */
  async rate(id: number, version: number, r: { satisfaction: Satisfaction; at?: string; note?: string }, accountId: number | null, now: Date): Promise<VersionedProposal> {
    return this.change(id, version, accountId, 'satisfaction', now, async (p) => {
      if (p.state !== 'replied') throw new ProposalStateError(`${p.number} has no reply yet: the proposer rates a reply`);
      const today = chinaDate(now);
      const at = r.at ?? today;
      if (!isIsoDate(at)) throw new ProposalInputError(`at is not a date YYYY-MM-DD: ${at}`);
      if (at > today) throw new ProposalInputError(`the rating's date ${at} is in the future (today is ${today})`);
      if (at < p.replied_at!) throw new ProposalInputError(`the rating's date ${at} is before the reply (${p.replied_at})`);
      const was = p.satisfaction ? `（原为${SATISFACTION_LABELS[p.satisfaction]}）` : '';
      return { set: { satisfaction: r.satisfaction, satisfaction_at: at }, note: `${SATISFACTION_LABELS[r.satisfaction]} ${at}${was}${r.note ? `：${r.note}` : ''}` };
    });
  }

  /** 跟踪办理: what is being done after the reply (mostly after 不满意). */
  async followUp(id: number, version: number, note: string, accountId: number | null, now: Date): Promise<VersionedProposal> {
    return this.change(id, version, accountId, 'follow_up', now, async (p) => {
      if (p.state !== 'replied') throw new ProposalStateError(`${p.number} has no reply yet: follow-up comes after the reply`);
      return { set: { follow_up: note }, note };
    });
  }

  /**
   * Many items in one transaction. A number registered already (in the
   * database or earlier in the file) is left as it is, so importing the same
   * file again changes nothing; unknown units are created.
   */
  async importMany(items: ImportItem[], accountId: number | null, now: Date, source: string): Promise<{ rows: ImportItemResult[]; created_units: UnitRef[] }> {
    return this.db.transaction().execute(async (trx) => {
      const units = new Map((await trx.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, Number(u.id)]));
      const createdUnits: UnitRef[] = [];
      const unitRef = async (name: string): Promise<UnitRef> => {
        const known = units.get(name);
        if (known !== undefined) return { id: known, name, created: false };
        const r = await trx.insertInto('units').values({ name, parent_id: null, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
        const ref = { id: Number(r.id), name, created: true };
        units.set(name, ref.id);
        createdUnits.push(ref);
        return ref;
      };
      const today = chinaDate(now);
      const rows: ImportItemResult[] = [];
      for (const it of items) {
        const problems: string[] = [];
        const dup = await this.existing(trx, it);
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
        const id = await this.insert(trx, { ...it, received_at: received }, accountId, now, `${source}, row ${it.row}`);
        const lead = it.lead_unit ? await unitRef(it.lead_unit) : null;
        const assist: UnitRef[] = [];
        let deadline: string | null = null;
        if (lead) {
          for (const n of it.assist_units) if (n !== lead.name && !assist.some((u) => u.name === n)) assist.push(await unitRef(n));
          const a = await this.changeIn(trx, id, undefined, accountId, 'assign', now, (q) =>
            this.assignment(trx, q, { lead_unit_id: lead.id, assist_unit_ids: assist.map((u) => u.id), assigned_at: assignedAt }, now));
          deadline = a.reply_deadline;
        }
        rows.push({ row: it.row, status: 'created', id, lead_unit: lead, assist_units: assist, assigned_at: lead ? assignedAt! : null, reply_deadline: deadline, problems });
      }
      return { rows, created_units: createdUnits };
    });
  }
}

interface Change {
  set: ProposalSet;
  units?: { lead: number; assist: number[] };
  note: string | null;
  /** The history's name for the step when it differs from the method's. */
  action?: string;
}
