/**
 * What the draft review keeps (migration 18) and reads: the year-end state
 * of each task (set by the office, recorded in the task's history too), the
 * 满意度测评 of the ledger's voted projects, and every generated draft with
 * its bytes, its SHA-256 and the typed draft — its sources included — so an
 * office can fetch exactly what was handed out.
 */
import type { Kysely } from 'kysely';
import type { LedgerStore } from '../ledger/store.js';
import type { Database } from '../store/schema.js';
import { keptTallies, readRounds } from '../votes/rows.js';
import type { Satisfaction } from './build.js';
import type { Draft, DraftFormat, DraftRecord, YearEndState, YearEndStateSet } from './schema.js';

const CHUNK = 1000;

export class DraftStore {
  constructor(
    readonly db: Kysely<Database>,
    private readonly ledger: LedgerStore,
  ) {}

  /** Sets (or changes) a task's year-end state, with a history entry on the task. */
  async setYearEnd(taskId: number, v: YearEndStateSet, accountId: number | null, now: Date): Promise<YearEndState> {
    const row = { task_id: taskId, final_state: v.final_state, reason: v.reason, new_deadline: v.new_deadline, account_id: accountId, set_at: now.toISOString() };
    await this.ledger.records.transaction(async (trx) => {
      const before = await trx.selectFrom('task_year_end').selectAll().where('task_id', '=', taskId).executeTakeFirst();
      if (before) await trx.updateTable('task_year_end').set(row).where('task_id', '=', taskId).execute();
      else await trx.insertInto('task_year_end').values(row).execute();
      await this.ledger.records.append(trx, taskId, { accountId, action: 'year_end', note: v.reason, now, before: before ? { year_end: before } : null, after: { year_end: row } });
    });
    return row as YearEndState;
  }

  async yearEnd(taskIds: readonly number[]): Promise<Map<number, YearEndState>> {
    const out = new Map<number, YearEndState>();
    for (let i = 0; i < taskIds.length; i += CHUNK) {
      const rows = await this.db.selectFrom('task_year_end').selectAll().where('task_id', 'in', taskIds.slice(i, i + CHUNK)).execute();
      for (const r of rows) {
        out.set(Number(r.task_id), { task_id: Number(r.task_id), final_state: r.final_state, reason: r.reason, new_deadline: r.new_deadline, account_id: r.account_id === null ? null : Number(r.account_id), set_at: r.set_at });
      }
    }
    return out;
  }

  /** The kept 满意度测评 result of each task that a 票决 project became (vote_candidates.task_id). */
  async satisfaction(taskIds: readonly number[]): Promise<Map<number, Satisfaction>> {
    const out = new Map<number, Satisfaction>();
    const candidates: { id: number; session_id: number; task_id: number }[] = [];
    for (let i = 0; i < taskIds.length; i += CHUNK) {
      const rows = await this.db.selectFrom('vote_candidates').select(['id', 'session_id', 'task_id']).where('task_id', 'in', taskIds.slice(i, i + CHUNK)).execute();
      for (const r of rows) candidates.push({ id: Number(r.id), session_id: Number(r.session_id), task_id: Number(r.task_id) });
    }
    for (const sessionId of new Set(candidates.map((c) => c.session_id))) {
      for (const { round, tally } of await keptTallies(this.db, await readRounds(this.db, sessionId))) {
        if (tally.kind !== 'satisfaction') continue;
        for (const c of candidates.filter((x) => x.session_id === sessionId)) {
          const row = tally.rows.find((r) => r.candidate_id === c.id);
          if (!row) continue;
          out.set(c.task_id, {
            session_id: sessionId, round_id: round.id, round_no: round.round_no, closed_at: round.closed_at,
            satisfied: row.satisfied, basically: row.basically, dissatisfied: row.dissatisfied, rate: row.satisfaction_rate,
          });
        }
      }
    }
    return out;
  }

  async keep(d: Draft, format: DraftFormat, bytes: Uint8Array, sha256: string, accountId: number | null): Promise<DraftRecord> {
    const r = await this.ledger.records.transaction((trx) => trx
      .insertInto('draft_reviews')
      .values({
        jurisdiction: d.jurisdiction, year: d.year, format, sha256, bytes: bytes.length, content_base64: Buffer.from(bytes).toString('base64'),
        draft_json: JSON.stringify(d), account_id: accountId, generated_at: d.generated_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    return { id: Number(r.id), jurisdiction: d.jurisdiction, year: d.year, format, sha256, bytes: bytes.length, account_id: accountId, generated_at: d.generated_at };
  }

  private static record(r: { id: number; jurisdiction: string; year: number; format: DraftFormat; sha256: string; bytes: number; account_id: number | null; generated_at: string }): DraftRecord {
    return { id: Number(r.id), jurisdiction: r.jurisdiction, year: Number(r.year), format: r.format, sha256: r.sha256, bytes: Number(r.bytes), account_id: r.account_id === null ? null : Number(r.account_id), generated_at: r.generated_at };
  }

  async list(q: { jurisdiction: string; year: number }): Promise<DraftRecord[]> {
    const rows = await this.db
      .selectFrom('draft_reviews')
      .select(['id', 'jurisdiction', 'year', 'format', 'sha256', 'bytes', 'account_id', 'generated_at'])
      .where('jurisdiction', '=', q.jurisdiction)
      .where('year', '=', q.year)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(DraftStore.record);
  }

  async get(id: number): Promise<{ record: DraftRecord; draft: Draft; bytes: Uint8Array } | undefined> {
    const r = await this.db.selectFrom('draft_reviews').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    return { record: DraftStore.record(r), draft: JSON.parse(r.draft_json) as Draft, bytes: new Uint8Array(Buffer.from(r.content_base64, 'base64')) };
  }
}
