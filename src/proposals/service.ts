/**
 * 建议/提案 handling as the API offers it: who may see and answer which
 * item, items with their reply status as of today (in China), the figures,
 * and importing a list. The routes (src/server/routes/proposals) validate
 * requests and call these; every refusal is a domain error carrying its status.
 */
import { MANAGE } from '../accounts/roles.js';
import type { AccountStore, Session } from '../accounts/store.js';
import { BadRequest, Forbidden, NotFound, TooLarge } from '../errors.js';
import type { Writable } from '../store/transaction.js';
import { readTable } from '../tables/read.js';
import { importProposals } from './import.js';
import { chinaDate, proposalStats, replyStatus, type ProposalKind, type ProposalStats, type ProposalState, type ReplyStatus, type Satisfaction } from './rules.js';
import type { Assignment, NewProposal, Proposal, ProposalHistoryEntry, ProposalImportResult, ProposalView } from './schema.js';
import { ProposalStore, type Actor } from './store.js';
import type { ProposalAction } from './vocab.js';

/** The largest list file read. */
export const MAX_LIST_BYTES = 10 * 1024 * 1024;

export interface ProposalQuery {
  jurisdiction?: string;
  year?: number;
  kind?: ProposalKind;
  state?: ProposalState;
  unit_id?: number;
  status?: ReplyStatus;
  overdue?: 'true' | 'false';
}

export class Proposals {
  readonly store: ProposalStore;
  constructor(
    db: Writable,
    readonly accounts: AccountStore,
    readonly now: () => Date,
  ) {
    // A stale writer is shown the item as every answer shows it: with its status today.
    this.store = new ProposalStore(db, (p) => this.view(p));
  }

  today(): string {
    return chinaDate(this.now());
  }

  view(p: Proposal): ProposalView {
    return { ...p, reply_status: replyStatus(p, this.today()) };
  }

  private by(s: Session): Actor {
    return { accountId: s.account.id, now: this.now() };
  }

  /** The item, if this account may see it: a unit officer sees what their units lead or assist. */
  async itemFor(s: Session, id: number): Promise<Proposal> {
    const p = await this.store.get(id);
    if (!p) throw new NotFound(`no 建议/提案 with id ${id}`);
    const units = await this.accounts.scope(s.account);
    if (units && ![p.lead_unit_id, ...p.assist_unit_ids].some((u) => u !== null && units.includes(u))) {
      throw new Forbidden(`建议/提案 ${p.number} is not assigned to your unit (neither 主办 nor 会办)`);
    }
    return p;
  }

  /** Supervisors, or an officer of the lead unit (主办): 会办 units contribute, the lead answers. */
  private async leadsIt(s: Session, p: Proposal): Promise<boolean> {
    if (MANAGE.includes(s.account.role)) return true;
    const units = await this.accounts.scope(s.account);
    return s.account.role === 'unit_officer' && p.lead_unit_id !== null && (units ?? []).includes(p.lead_unit_id);
  }

  /** What this account may do with the item now (the web page offers these; each step checks again). */
  async actionsFor(s: Session, p: Proposal): Promise<ProposalAction[]> {
    const manage = MANAGE.includes(s.account.role);
    const lead = await this.leadsIt(s, p);
    const out: ProposalAction[] = [];
    if (manage && p.state !== 'replied') out.push('assign');
    if (lead && (p.state === 'assigned' || (p.state === 'replied' && p.satisfaction === 'dissatisfied'))) out.push('reply');
    if (manage && p.state === 'replied') out.push('satisfaction');
    if (lead && p.state === 'replied') out.push('follow_up');
    return out;
  }

  async list(s: Session, q: ProposalQuery): Promise<ProposalView[]> {
    const scope = await this.accounts.scope(s.account);
    return (await this.store.list({ jurisdiction: q.jurisdiction, year: q.year, kind: q.kind, state: q.state, unitIds: scope }))
      .filter((p) => q.unit_id === undefined || p.lead_unit_id === q.unit_id || p.assist_unit_ids.includes(q.unit_id))
      .map((p) => this.view(p))
      .filter((p) => !q.status || p.reply_status === q.status)
      // Overdue: the deadline was missed, answered late or not at all.
      .filter((p) => !q.overdue || (p.reply_status === 'open_overdue' || p.reply_status === 'late') === (q.overdue === 'true'));
  }

  async create(s: Session, p: NewProposal, assign: Assignment | undefined): Promise<ProposalView> {
    return this.view(await this.store.create(p, assign, this.by(s)));
  }

  async detail(s: Session, id: number): Promise<{ proposal: ProposalView; history: ProposalHistoryEntry[]; actions: ProposalAction[] }> {
    const p = await this.itemFor(s, id);
    return { proposal: this.view(p), history: await this.store.history(p.id), actions: await this.actionsFor(s, p) };
  }

  async assign(s: Session, id: number, version: number, a: Assignment): Promise<ProposalView> {
    const p = await this.itemFor(s, id);
    return this.view(await this.store.assign(p.id, version, a, this.by(s)));
  }

  async reply(s: Session, id: number, r: { version: number; text: string; replied_at?: string }): Promise<ProposalView> {
    const p = await this.itemFor(s, id);
    if (!(await this.leadsIt(s, p))) throw new Forbidden(`only the lead unit (主办单位) or a supervisor answers ${p.number}`);
    return this.view(await this.store.reply(p.id, r.version, { text: r.text, replied_at: r.replied_at }, this.by(s)));
  }

  async rate(s: Session, id: number, r: { version: number; satisfaction: Satisfaction; at?: string; note?: string }): Promise<ProposalView> {
    const p = await this.itemFor(s, id);
    return this.view(await this.store.rate(p.id, r.version, { satisfaction: r.satisfaction, at: r.at, note: r.note || undefined }, this.by(s)));
  }

  async followUp(s: Session, id: number, r: { version: number; note: string }): Promise<ProposalView> {
    const p = await this.itemFor(s, id);
    if (!(await this.leadsIt(s, p))) throw new Forbidden(`only the lead unit (主办单位) or a supervisor records the follow-up of ${p.number}`);
    return this.view(await this.store.followUp(p.id, r.version, r.note, this.by(s)));
  }

  /** The figures of a place (everyone signed in sees them all: the same are public). */
  async stats(q: { jurisdiction: string; year?: number; kind?: ProposalKind }): Promise<ProposalStats> {
    const items = await this.store.list({ jurisdiction: q.jurisdiction, year: q.year, kind: q.kind });
    return proposalStats(items, await this.accounts.listUnits(), this.today());
  }

  async importList(s: Session, bytes: Uint8Array, q: { filename: string; jurisdiction: string; year: number; kind?: ProposalKind }): Promise<ProposalImportResult> {
    if (bytes.length === 0) throw new BadRequest('send the list of 建议/提案 (CSV or XLSX) as the request body');
    if (bytes.length > MAX_LIST_BYTES) throw new TooLarge('the list of 建议/提案 is larger than 10 MiB');
    const rows = await readTable(bytes, q.filename);
    return importProposals(this.store, rows, { jurisdiction: q.jurisdiction, year: q.year, kind: q.kind }, this.by(s), q.filename);
  }
}
