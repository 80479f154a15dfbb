/**
 * 建议/提案 persistence over the reports' kysely database (migration 6).
 * Items are versioned records (src/records): every change is one
 * transaction that checks the version read, bumps it and appends to
 * proposal_history, so the history is the full record: a later reply or
 * rating replaces the current one on the item, never in the history.
 */
import { Conflict, DomainError, InvalidInput } from '../errors.js';
import { RecordStore, type Db, type Outcome, type Trx, type Writable } from '../records/versioned.js';
import { PROPOSALS, proposalOf, registered, setUnits, unitNames } from './items.js';
import type { ProposalsTable } from './rows.js';
import { chinaDate, isIsoDate, KIND_LABELS, replyDeadline, SATISFACTION_LABELS, type ProposalKind, type ProposalState, type ReplyMonths, type Satisfaction } from './rules.js';
import type { Assignment, NewProposal, Proposal, ProposalHistoryEntry, ProposalPlace } from './schema.js';
import { replyMonths, setReplyMonths } from './settings.js';

export type { Assignment, NewProposal, Proposal, ProposalHistoryEntry, ProposalPlace };

export interface ProposalFilter {
  jurisdiction?: string;
  year?: number;
  kind?: ProposalKind;
  state?: ProposalState;
  /** Only items one of these units leads or assists. */
  unitIds?: number[];
}

/** Who takes a step, and when. */
export interface Actor {
  readonly accountId: number | null;
  readonly now: Date;
}

/** A change's columns, its units, and what the history notes. */
interface Change extends Outcome {
  set: Partial<Omit<ProposalsTable, 'id' | 'version' | 'updated_at'>>;
  units?: { lead: number; assist: number[] };
}

/** A step the item's state does not allow (a reply before 交办 …): 409. */
const notNow = (message: string) => new Conflict(message, 'illegal_transition');

/** A date field of a step: a real day, not in the future. */
function pastDate(name: string, date: string, today: string): string {
  if (!isIsoDate(date)) throw new InvalidInput(`${name} is not a date YYYY-MM-DD: ${date}`, [{ field: name, message: 'a date YYYY-MM-DD' }]);
  if (date > today) throw new InvalidInput(`${name} ${date} is in the future (today is ${today})`, [{ field: name, message: 'not in the future' }]);
  return date;
}

export class ProposalStore extends RecordStore<Proposal> {
  constructor(
    /** Where the items live; the reply-time settings, which are no versioned record, are written through its `write` too. */
    private readonly store: Writable,
    /** The item as a stale writer is shown it (default: as stored). */
    present?: (p: Proposal) => unknown,
  ) {
    super(store, PROPOSALS, present);
  }

  replyMonths(): Promise<ReplyMonths> {
    return replyMonths(this.db);
  }

  setReplyMonths(patch: Partial<ReplyMonths>, now: Date): Promise<ReplyMonths> {
    return this.store.write((trx) => setReplyMonths(trx, patch, now));
  }

  get(id: number): Promise<Proposal | undefined> {
    return this.records.find(id);
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
    const rows = await q.orderBy('year').orderBy('kind').orderBy('id').execute();
    const byItem = new Map<number, { unit_id: number; role: 'lead' | 'assist' }[]>();
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
      p[r.kind] += Number(r.n);
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

  /** A new item inside `trx`, registered once per place, year, kind and number; its id. */
  async insert(trx: Trx, p: NewProposal, by: Actor, note: string | null): Promise<number> {
    const received = pastDate('received_at', p.received_at ?? chinaDate(by.now), chinaDate(by.now));
    await this.refuseDuplicate(trx, p);
    const at = by.now.toISOString();
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
    await this.records.append(trx, id, { accountId: by.accountId, action: 'create', note, now: by.now });
    return id;
  }

  private async refuseDuplicate(db: Db, p: NewProposal): Promise<void> {
    const dup = await registered(db, p);
    if (dup) throw new Conflict(`${p.jurisdiction} ${p.year} ${KIND_LABELS[p.kind]} ${p.number} is registered already (id ${dup.id})`, 'duplicate', [{ field: 'number', message: `registered already as id ${dup.id}` }]);
  }

  /** A new item, assigned at once when `assign` is given. */
  async create(p: NewProposal, assign: Assignment | undefined, by: Actor): Promise<Proposal> {
    try {
      return await this.records.transaction(async (trx) => {
        // Entering an item after the fact: without a date of receipt, 交办 is the earliest known.
        const received = p.received_at ?? (assign?.assigned_at && isIsoDate(assign.assigned_at) && assign.assigned_at <= chinaDate(by.now) ? assign.assigned_at : undefined);
        const id = await this.insert(trx, { ...p, received_at: received }, by, null);
        if (assign) await this.assignIn(trx, id, undefined, assign, by);
        return this.records.get(id, trx);
      });
    } catch (e) {
      // Two creates at once: the loser meets the unique index, not the check.
      if (!(e instanceof DomainError)) await this.refuseDuplicate(this.db, p);
      throw e;
    }
  }

  /** A change in `trx`: the columns and units `change` gives are written, then the version bumped and the history noted. */
  private edit(trx: Trx, id: number, version: number | undefined, action: string, by: Actor, change: (p: Proposal) => Promise<Change>): Promise<Proposal> {
    return this.records.update(trx, id, version, { accountId: by.accountId, action, now: by.now }, async (before) => {
      const { set, units, ...outcome } = await change(before);
      if (Object.keys(set).length) await trx.updateTable('proposals').set(set).where('id', '=', id).execute();
      if (units) await setUnits(trx, id, units.lead, units.assist);
      return outcome;
    });
  }

  private change(id: number, version: number, action: string, by: Actor, change: (p: Proposal) => Promise<Change>): Promise<Proposal> {
    return this.records.transaction((trx) => this.edit(trx, id, version, action, by, change));
  }

  /** 交办 inside `trx`: the units must exist, the date be real and not before receipt; the deadline follows the settings. */
  async assignIn(trx: Trx, id: number, version: number | undefined, a: Assignment, by: Actor): Promise<Proposal> {
    return this.edit(trx, id, version, 'assign', by, async (p) => {
      if (p.state === 'replied') throw notNow(`${p.number} is answered already (已答复 ${p.replied_at}); it cannot be assigned again`);
      const assist = [...new Set(a.assist_unit_ids ?? [])].filter((u) => u !== a.lead_unit_id).sort((x, y) => x - y);
      const names = await unitNames(trx, [a.lead_unit_id, ...assist]);
      const missing = [a.lead_unit_id, ...assist].filter((u) => !names.has(u));
      if (missing.length) throw new InvalidInput(`no unit with id ${missing.join(', ')}`);
      const assignedAt = pastDate('assigned_at', a.assigned_at ?? chinaDate(by.now), chinaDate(by.now));
      if (assignedAt < p.received_at) throw new InvalidInput(`assigned_at ${assignedAt} is before the item was received (${p.received_at})`);
      let deadline: string;
      let rule: string;
      if (a.reply_deadline) {
        if (!isIsoDate(a.reply_deadline) || a.reply_deadline < assignedAt) throw new InvalidInput(`reply_deadline must be a date on or after 交办 ${assignedAt}`);
        deadline = a.reply_deadline;
        rule = '人工设定';
      } else if (p.assigned_at === assignedAt && p.reply_deadline) {
        // A change of units (改办) keeps the clock that started at 交办.
        deadline = p.reply_deadline;
        rule = '沿用原期限';
      } else {
        const months = await replyMonths(trx);
        deadline = replyDeadline(assignedAt, p.kind, months);
        rule = `交办后${months[p.kind]}个月`;
      }
      const note = `主办 ${names.get(a.lead_unit_id)}${assist.length ? `；会办 ${assist.map((u) => names.get(u)).join('、')}` : ''}；交办 ${assignedAt}，答复期限 ${deadline}（${rule}）`;
      return { set: { state: 'assigned', assigned_at: assignedAt, reply_deadline: deadline }, units: { lead: a.lead_unit_id, assist }, note, action: p.state === 'assigned' ? 'reassign' : 'assign' };
    });
  }

  /** 交办: one lead unit (主办) and any number of assisting units (会办). */
  assign(id: number, version: number, a: Assignment, by: Actor): Promise<Proposal> {
    return this.records.transaction((trx) => this.assignIn(trx, id, version, a, by));
  }

  /**
   * 答复. After a 不满意 rating a new reply may follow: it replaces the
   * reply text, while replied_at stays the first reply's date, the one the
   * deadline is measured by.
   */
  reply(id: number, version: number, r: { text: string; replied_at?: string }, by: Actor): Promise<Proposal> {
    return this.change(id, version, 'reply', by, async (p) => {
      const date = pastDate('replied_at', r.replied_at ?? chinaDate(by.now), chinaDate(by.now));
      if (p.state === 'registered') throw notNow(`${p.number} is not assigned yet: 交办 it before a reply`);
      if (p.state === 'replied') {
        if (p.satisfaction !== 'dissatisfied') throw notNow(`${p.number} is answered already (${p.replied_at}); a new reply follows only a 不满意 (dissatisfied) rating`);
        if (date < p.replied_at!) throw new InvalidInput(`the new reply's date ${date} is before the first reply (${p.replied_at})`);
        return { set: { reply_text: r.text }, note: `再次答复 ${date}：${r.text}`, action: 're_reply' };
      }
      if (date < p.assigned_at!) throw new InvalidInput(`replied_at ${date} is before 交办 (${p.assigned_at})`);
      return { set: { state: 'replied', reply_text: r.text, replied_at: date }, note: `答复 ${date}：${r.text}` };
    });
  }

  /** The proposer's opinion from the 征询意见表; a later one replaces it (the history keeps both). */
  rate(id: number, version: number, r: { satisfaction: Satisfaction; at?: string; note?: string }, by: Actor): Promise<Proposal> {
    return this.change(id, version, 'satisfaction', by, async (p) => {
      if (p.state !== 'replied') throw notNow(`${p.number} has no reply yet: the proposer rates a reply`);
      const at = pastDate('at', r.at ?? chinaDate(by.now), chinaDate(by.now));
      if (at < p.replied_at!) throw new InvalidInput(`the rating's date ${at} is before the reply (${p.replied_at})`);
      const was = p.satisfaction ? `（原为${SATISFACTION_LABELS[p.satisfaction]}）` : '';
      return { set: { satisfaction: r.satisfaction, satisfaction_at: at }, note: `${SATISFACTION_LABELS[r.satisfaction]} ${at}${was}${r.note ? `：${r.note}` : ''}` };
    });
  }

  /** 跟踪办理: what is being done after the reply (mostly after 不满意). */
  followUp(id: number, version: number, note: string, by: Actor): Promise<Proposal> {
    return this.change(id, version, 'follow_up', by, async (p) => {
      if (p.state !== 'replied') throw notNow(`${p.number} has no reply yet: follow-up comes after the reply`);
      return { set: { follow_up: note }, note };
    });
  }
}
