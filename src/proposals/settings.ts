/**
 * The months from 交办 to the reply deadline, per kind, kept in the
 * settings table; a change applies to items assigned from then on.
 */
import type { Db } from '../records/versioned.js';
import { DEFAULT_REPLY_MONTHS, KINDS, type ProposalKind, type ReplyMonths } from './rules.js';

export const REPLY_MONTHS_KEYS: Record<ProposalKind, string> = {
  suggestion: 'proposals.reply_months.suggestion',
  proposal: 'proposals.reply_months.proposal',
};

export async function replyMonths(db: Db): Promise<ReplyMonths> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(REPLY_MONTHS_KEYS)).execute();
  const out = { ...DEFAULT_REPLY_MONTHS };
  for (const k of KINDS) {
    const v = Number(rows.find((r) => r.key === REPLY_MONTHS_KEYS[k])?.value);
    if (Number.isInteger(v) && v > 0) out[k] = v;
  }
  return out;
}

/** Changes the months for items assigned from now on; deadlines already set stay. */
export async function setReplyMonths(db: Db, patch: Partial<ReplyMonths>, now: Date): Promise<ReplyMonths> {
  for (const k of KINDS) {
    const v = patch[k];
    if (v === undefined) continue;
    const row = { key: REPLY_MONTHS_KEYS[k], value: String(v), updated_at: now.toISOString() };
    await db.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at })).execute();
  }
  return replyMonths(db);
}
