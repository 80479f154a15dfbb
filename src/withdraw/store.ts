/**
 * Withdrawing an imported document: the document and everything derived from
 * it — facts, sections (kept on the document row), its sketch, its full-text
 * index rows, the files recorded as copies of it, a reviewer's choice of it as
 * the authoritative report, and the file itself once no document of it is
 * left — go in one transaction, with a log row that outlives them.
 *
 * What people built on the document is never removed with it: 督办 tasks,
 * 票决 sessions and candidates, reviewers' rulings. Without `force` their
 * existence refuses the withdrawal (DependentsExist, listing them); with it
 * they are detached (their link to the document and its fact cleared, the
 * sentence they quote kept), each task's history says why, and the log lists
 * them.
 */
import { rulingsOnDocument } from '../rulings/store.js';
import type { Kysely } from 'kysely';
import { Conflict, NotFound } from '../errors.js';
import type { Repository } from '../store/repository.js';
import type { Database } from '../store/schema.js';
import { readText } from '../store/document-text.js';
import type { Dependent, Removed, Withdrawal, WithdrawalPlan } from './schema.js';

type Db = Kysely<Database>;

export interface Withdrawer {
  /** The account withdrawing (null: the command line). */
  readonly accountId: number | null;
  /** Its name, or `cli:` and the system user. */
  readonly actor: string;
}

/** 409: something rests on the document and `force` was not given; `current` is the plan, dependents listed. */
export class DependentsExist extends Conflict {
  override readonly name = 'DependentsExist';
  constructor(readonly current: WithdrawalPlan) {
    super(
      `document ${current.document_id} has ${current.dependents.length} dependent record(s) (${summarize(current.dependents)}); withdraw with force to detach them`,
      'has_dependents',
    );
  }
}

function summarize(ds: readonly Dependent[]): string {
  const n = new Map<string, number>();
  for (const d of ds) n.set(d.kind, (n.get(d.kind) ?? 0) + 1);
  return [...n].map(([k, c]) => `${c} ${k}${c > 1 ? 's' : ''}`).join(', ');
}

/**
 * Rulings a reviewer signed on the document (as the plan or the review
 * report). They hold no reference the deletion would break: once the
 * document goes they are listed as orphaned on the scorecard, so a
 * withdrawal names them among its dependents rather than dropping them.
 */
export async function rulingsOn(db: Db, documentId: number): Promise<Dependent[]> {
  const rulings = await rulingsOnDocument(db, documentId);
  return rulings.map((r) => ({ kind: 'ruling', id: r.id, title: r.promise, state: r.verdict }));
}

const factsOf = (db: Db, documentId: number) => db.selectFrom('facts').select('id').where('document_id', '=', documentId);

async function dependentsOf(db: Db, documentId: number): Promise<Dependent[]> {
  const tasks = await db
    .selectFrom('tasks').select(['id', 'title', 'state'])
    .where((eb) => eb.or([eb('document_id', '=', documentId), eb('fact_id', 'in', factsOf(db, documentId))]))
    .orderBy('id').execute();
  const sessions = await db.selectFrom('vote_sessions').select(['id', 'title']).where('document_id', '=', documentId).orderBy('id').execute();
  const candidates = await db
    .selectFrom('vote_candidates').select(['id', 'title'])
    .where((eb) => eb.or([eb('document_id', '=', documentId), eb('fact_id', 'in', factsOf(db, documentId))]))
    .orderBy('id').execute();
  return [
    ...tasks.map((t): Dependent => ({ kind: 'task', id: Number(t.id), title: t.title, state: t.state })),
    ...sessions.map((v): Dependent => ({ kind: 'vote_session', id: Number(v.id), title: v.title, state: null })),
    ...candidates.map((v): Dependent => ({ kind: 'vote_candidate', id: Number(v.id), title: v.title, state: null })),
    ...(await rulingsOn(db, documentId)),
  ];
}

/** What withdrawing `documentId` would remove and detach; NotFound when no such document is stored. */
export async function planWithdrawal(db: Db, documentId: number): Promise<WithdrawalPlan> {
  const doc = await db
    .selectFrom('documents as d').innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['d.id', 'd.source_id', 's.file_name', 'd.jurisdiction', 'd.report_year'])
    .where('d.id', '=', documentId).executeTakeFirst();
  if (!doc) throw new NotFound(`no document with id ${documentId}`);
  const n = async (table: 'facts' | 'doc_sketches' | 'duplicates' | 'report_choices') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow()).n);
  const others = await db.selectFrom('documents').select('id').where('source_id', '=', doc.source_id).where('id', '<>', documentId).orderBy('id').execute();
  return {
    document_id: documentId, source_id: Number(doc.source_id), file_name: doc.file_name, jurisdiction: doc.jurisdiction,
    report_year: doc.report_year === null ? null : Number(doc.report_year), other_documents: others.map((o) => Number(o.id)),
    removed: { documents: 1, facts: await n('facts'), sketches: await n('doc_sketches'), duplicates: await n('duplicates'), report_choices: await n('report_choices'), sources: others.length ? 0 : 1 },
    dependents: await dependentsOf(db, documentId),
  };
}

/** Clears the dependents' links to the document (keeping what they quote) and notes it in each task's history. */
async function detach(trx: Db, documentId: number, dependents: readonly Dependent[], accountId: number | null, at: string): Promise<void> {
  const ids = (kind: Dependent['kind']) => dependents.filter((d) => d.kind === kind).map((d) => d.id);
  const tasks = ids('task');
  if (tasks.length) {
    // Offsets point into the document's text and file, which are gone; the quoted sentence stays.
    await trx.updateTable('tasks')
      .set((eb) => ({ document_id: null, fact_id: null, source_start: null, source_end: null, source_file_start: null, source_file_end: null, version: eb('version', '+', 1), updated_at: at }))
      .where('id', 'in', tasks).execute();
    await trx.insertInto('task_history')
      .values(tasks.map((task_id) => ({ task_id, account_id: accountId, action: 'source_withdrawn', at, before_json: JSON.stringify({ document_id: documentId }), after_json: JSON.stringify({ document_id: null }), note: `source document ${documentId} withdrawn` })))
      .execute();
  }
  if (ids('vote_session').length) await trx.updateTable('vote_sessions').set({ document_id: null, updated_at: at }).where('id', 'in', ids('vote_session')).execute();
  if (ids('vote_candidate').length) await trx.updateTable('vote_candidates').set({ document_id: null, fact_id: null }).where('id', 'in', ids('vote_candidate')).execute();
}

/** Withdraws `documentId` in one transaction; see the module's comment. */
export async function withdrawDocument(repo: Repository, documentId: number, by: Withdrawer, opts: { force?: boolean; note?: string; now?: Date } = {}): Promise<Withdrawal> {
  const at = (opts.now ?? new Date()).toISOString();
  return repo.write(async (trx) => {
    const plan = await planWithdrawal(trx, documentId);
    if (plan.dependents.length && !opts.force) throw new DependentsExist(plan);
    const doc = await trx.selectFrom('documents').select(['text', 'source_id']).where('id', '=', documentId).executeTakeFirstOrThrow();
    const src = await trx.selectFrom('sources').select('sha256').where('id', '=', doc.source_id).executeTakeFirstOrThrow();
    await detach(trx, documentId, plan.dependents, by.accountId, at);
    const removed: Removed = { ...plan.removed };
    removed.facts = await deleted(trx.deleteFrom('facts').where('document_id', '=', documentId));
    removed.sketches = await deleted(trx.deleteFrom('doc_sketches').where('document_id', '=', documentId));
    removed.duplicates = await deleted(trx.deleteFrom('duplicates').where('document_id', '=', documentId));
    removed.report_choices = await deleted(trx.deleteFrom('report_choices').where('document_id', '=', documentId));
    await repo.unindexDocument(trx, documentId, readText(doc.text));
    removed.documents = await deleted(trx.deleteFrom('documents').where('id', '=', documentId));
    if (plan.other_documents.length === 0) {
      // The import log keeps its line for the file; only its link to the stored bytes goes.
      await trx.updateTable('import_items').set({ source_id: null }).where('source_id', '=', doc.source_id).execute();
      removed.sources = await deleted(trx.deleteFrom('sources').where('id', '=', doc.source_id));
    }
    const row = {
      document_id: documentId, source_id: plan.source_id, file_name: plan.file_name, sha256: src.sha256, jurisdiction: plan.jurisdiction, report_year: plan.report_year,
      account_id: by.accountId, actor: by.actor, at, note: opts.note ?? null, forced: plan.dependents.length ? 1 : 0,
      removed_json: JSON.stringify(removed), dependents_json: JSON.stringify(plan.dependents),
    };
    const r = await trx.insertInto('withdrawals').values(row).returning('id').executeTakeFirstOrThrow();
    return toWithdrawal({ ...row, id: Number(r.id) });
  });
}

async function deleted(q: { executeTakeFirst(): Promise<{ numDeletedRows: bigint }> }): Promise<number> {
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

type WithdrawalRow = Omit<Database['withdrawals'], 'id'> & { id: number };

function toWithdrawal(r: WithdrawalRow): Withdrawal {
  return {
    id: Number(r.id), document_id: Number(r.document_id), source_id: Number(r.source_id), file_name: r.file_name, sha256: r.sha256, jurisdiction: r.jurisdiction,
    report_year: r.report_year === null ? null : Number(r.report_year), account_id: r.account_id === null ? null : Number(r.account_id), actor: r.actor, at: r.at,
    note: r.note, forced: Number(r.forced) === 1, removed: JSON.parse(r.removed_json) as Removed, dependents: JSON.parse(r.dependents_json) as Dependent[],
  };
}

/** The withdrawal log, newest first. */
export async function listWithdrawals(db: Db, paging: { limit: number; offset: number }): Promise<{ total: number; items: Withdrawal[] }> {
  const total = await db.selectFrom('withdrawals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('withdrawals').selectAll().orderBy('id', 'desc').limit(paging.limit).offset(paging.offset).execute();
  return { total: Number(total.n), items: rows.map((r) => toWithdrawal({ ...r, id: Number(r.id) })) };
}
