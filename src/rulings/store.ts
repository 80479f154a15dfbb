/**
 * Rulings persistence over the reports' kysely database (migration 12).
 * A ruling is a versioned record (src/records): a change names the version
 * it read, bumps it by compare-and-set and appends one row to
 * ruling_history, so who ruled what, when, from what and why is never
 * overwritten. Nothing here deletes: a ruling whose item disappears stays
 * and is shown as orphaned.
 */
import type { Selectable } from 'kysely';
import { StaleVersion } from '../errors.js';
import { RecordStore, type Db, type RecordKind, type Trx, type Writable } from '../records/versioned.js';
import type { Verdict } from '../vocab.js';
import type { RulingsTable } from './rows.js';

/** A passage of the review document: offsets into its text, the text's hash and the words. */
export interface StoredEvidence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly hash: string;
}

export interface StoredRuling {
  readonly id: number;
  readonly jurisdiction: string;
  readonly year: number;
  readonly key: string;
  readonly source: 'target' | 'commitment';
  readonly promise: string;
  readonly plan_span: { start: number; end: number };
  readonly plan_hash: string;
  readonly review_hash: string;
  readonly plan_document_id: number | null;
  readonly review_document_id: number | null;
  readonly machine_verdict: Verdict;
  readonly verdict: Verdict;
  readonly reason: string | null;
  readonly evidence: StoredEvidence | null;
  readonly account_id: number;
  /** The reviewer's account name. */
  readonly reviewer: string;
  readonly ruled_at: string;
  readonly version: number;
}

export interface StoredHistoryEntry {
  readonly version: number;
  readonly from_verdict: Verdict | null;
  readonly verdict: Verdict;
  readonly reason: string | null;
  readonly account_id: number | null;
  readonly reviewer: string | null;
  readonly at: string;
  readonly evidence: StoredEvidence | null;
}

/** What a write says about the item and the ruling; the store adds who and when. */
export type RulingWrite = Omit<StoredRuling, 'id' | 'evidence' | 'account_id' | 'reviewer' | 'ruled_at' | 'version'> & {
  /** null: none; 'keep': whatever the ruling holds (a sheet carries no passages). */
  readonly evidence: StoredEvidence | null | 'keep';
};

type Row = Selectable<RulingsTable> & { reviewer: string | null };

function rulingOf(r: Row): StoredRuling {
  const evidence = r.evidence_start === null || r.evidence_end === null ? null : { start: Number(r.evidence_start), end: Number(r.evidence_end), text: r.evidence_text ?? '', hash: r.evidence_hash ?? '' };
  return {
    id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), key: r.item_key, source: r.source, promise: r.promise,
    plan_span: { start: Number(r.plan_start), end: Number(r.plan_end) }, plan_hash: r.plan_hash, review_hash: r.review_hash,
    plan_document_id: r.plan_document_id === null ? null : Number(r.plan_document_id), review_document_id: r.review_document_id === null ? null : Number(r.review_document_id),
    machine_verdict: r.machine_verdict, verdict: r.verdict, reason: r.reason, evidence, account_id: Number(r.account_id), reviewer: r.reviewer ?? `#${r.account_id}`,
    ruled_at: r.ruled_at, version: Number(r.version),
  };
}

const selectRulings = (db: Db) => db.selectFrom('rulings as r').leftJoin('accounts as a', 'a.id', 'r.account_id').selectAll('r').select('a.name as reviewer');

const RULINGS: RecordKind<StoredRuling> = {
  table: 'rulings',
  noun: 'ruling',
  async load(db, id) {
    const r = await selectRulings(db).where('r.id', '=', id).executeTakeFirst();
    return r ? rulingOf(r) : undefined;
  },
  async log(trx, id, entry) {
    const r = (await RULINGS.load(trx, id))!;
    const from = entry.after && 'from_verdict' in entry.after ? (entry.after.from_verdict as Verdict | null) : null;
    await trx
      .insertInto('ruling_history')
      .values({ ruling_id: id, version: r.version, account_id: entry.accountId, at: entry.at, from_verdict: from, verdict: r.verdict, reason: r.reason, evidence_json: r.evidence ? JSON.stringify(r.evidence) : null })
      .execute();
  },
};

/** Who rules, and when. */
export interface Actor {
  readonly accountId: number;
  readonly now: Date;
}

/** A ruling with the part a document plays in it. */
export type RulingOnDocument = StoredRuling & { role: 'plan' | 'review' };

/** Rulings made on a document: as the plan that set the promise or the review that settled it (by content hash, or by the row ids of ruling time). */
export async function rulingsOnDocument(db: Db, documentId: number): Promise<RulingOnDocument[]> {
  const doc = await db.selectFrom('documents').select('fingerprint').where('id', '=', documentId).executeTakeFirst();
  const fp = doc?.fingerprint ?? null;
  const rows = await selectRulings(db)
    .where((eb) => eb.or([
      eb('r.plan_document_id', '=', documentId), eb('r.review_document_id', '=', documentId),
      ...(fp ? [eb('r.plan_hash', '=', fp), eb('r.review_hash', '=', fp)] : []),
    ]))
    .orderBy('r.id')
    .execute();
  return rows.map((row) => {
    const r = rulingOf(row);
    return { ...r, role: r.plan_document_id === documentId || (fp !== null && r.plan_hash === fp) ? 'plan' : 'review' };
  });
}

export class RulingStore extends RecordStore<StoredRuling> {
  constructor(
    store: Writable,
    /** The ruling as a stale writer is shown it. */
    private readonly present: (r: StoredRuling) => unknown = (r) => r,
  ) {
    super(store, RULINGS, present);
  }

  async find(jurisdiction: string, year: number, key: string, db: Db = this.db): Promise<StoredRuling | undefined> {
    const r = await selectRulings(db).where('r.jurisdiction', '=', jurisdiction).where('r.year', '=', year).where('r.item_key', '=', key).executeTakeFirst();
    return r ? rulingOf(r) : undefined;
  }

  /** Every ruling of a place's year-N promises, oldest first. */
  async forPlace(jurisdiction: string, year: number): Promise<StoredRuling[]> {
    const rows = await selectRulings(this.db).where('r.jurisdiction', '=', jurisdiction).where('r.year', '=', year).orderBy('r.id').execute();
    return rows.map((r) => rulingOf(r));
  }

  /** Rulings made on a document (see `rulingsOnDocument`). */
  forDocument(documentId: number): Promise<RulingOnDocument[]> {
    return rulingsOnDocument(this.db, documentId);
  }

  async history(rulingId: number): Promise<StoredHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('ruling_history as h')
      .leftJoin('accounts as a', 'a.id', 'h.account_id')
      .select(['h.version', 'h.from_verdict', 'h.verdict', 'h.reason', 'h.account_id', 'a.name', 'h.at', 'h.evidence_json'])
      .where('h.ruling_id', '=', rulingId)
      .orderBy('h.id')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version), from_verdict: r.from_verdict, verdict: r.verdict, reason: r.reason, account_id: r.account_id === null ? null : Number(r.account_id),
      reviewer: r.name ?? null, at: r.at, evidence: r.evidence_json ? (JSON.parse(r.evidence_json) as StoredEvidence) : null,
    }));
  }

  /** `work` in one transaction; a stale version anywhere rolls all of it back (StaleVersion, 409). */
  transaction<R>(work: (trx: Trx) => Promise<R>): Promise<R> {
    return this.records.transaction(work);
  }

  /**
   * A first ruling (`version` undefined: the caller saw none) or a change of
   * the one at `version`, inside `trx`. A caller who saw no ruling where one
   * now exists is as stale as one holding an older version.
   */
  async write(trx: Trx, w: RulingWrite, version: number | undefined, by: Actor): Promise<StoredRuling> {
    const at = by.now.toISOString();
    const existing = await this.find(w.jurisdiction, w.year, w.key, trx);
    const evidenceCols = (e: StoredEvidence | null) => ({ evidence_start: e?.start ?? null, evidence_end: e?.end ?? null, evidence_hash: e?.hash ?? null, evidence_text: e?.text ?? null });
    const item = {
      source: w.source, promise: w.promise, plan_start: w.plan_span.start, plan_end: w.plan_span.end, plan_hash: w.plan_hash, review_hash: w.review_hash,
      plan_document_id: w.plan_document_id, review_document_id: w.review_document_id, machine_verdict: w.machine_verdict,
    };
    if (!existing) {
      if (version !== undefined) throw new StaleVersion(`no ruling on ${w.key} at version ${version}: there is none yet; rule without a version`, null);
      const row = await trx
        .insertInto('rulings')
        .values({
          jurisdiction: w.jurisdiction, year: w.year, item_key: w.key, ...item, verdict: w.verdict, reason: w.reason, ...evidenceCols(w.evidence === 'keep' ? null : w.evidence),
          account_id: by.accountId, ruled_at: at, version: 1, created_at: at, updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      await this.records.append(trx, id, { accountId: by.accountId, action: 'rule', now: by.now, after: { from_verdict: w.machine_verdict } });
      return this.records.get(id, trx);
    }
    if (version === undefined) throw new StaleVersion(`${w.key} was ruled meanwhile (version ${existing.version}, by ${existing.reviewer}); reload and rule again`, this.present(existing));
    return this.records.update(trx, existing.id, version, { accountId: by.accountId, action: 'rule', now: by.now }, async (before) => {
      const evidence = w.evidence === 'keep' ? {} : evidenceCols(w.evidence);
      await trx.updateTable('rulings').set({ ...item, verdict: w.verdict, reason: w.reason, ...evidence, account_id: by.accountId, ruled_at: at }).where('id', '=', existing.id).execute();
      return { extra: { from_verdict: before.verdict } };
    });
  }
}
