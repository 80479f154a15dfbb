/**
 * Withdrawing an import, defined once: what a withdrawal removes, what was
 * built on the document and is detached from it (reported, never dropped
 * silently), and the log entry it leaves. Types by `z.infer`; the routes
 * validate and document with the same schemas.
 */
import { z } from '@hono/zod-openapi';
import { Id, Instant } from '../records/fields.js';

/** Rows removed, by table. `source` is 1 when the file itself went (its last document was withdrawn). */
export const Removed = z
  .object({ documents: z.number().int(), facts: z.number().int(), sketches: z.number().int(), duplicates: z.number().int(), report_choices: z.number().int(), sources: z.number().int() })
  .openapi('WithdrawalRemoved');
export type Removed = z.infer<typeof Removed>;

/** What may rest on a document: a 督办 task, a 票决 session or candidate, a reviewer's ruling. */
export const DEPENDENT_KINDS = ['task', 'vote_session', 'vote_candidate', 'ruling'] as const;

export const Dependent = z
  .object({ kind: z.enum(DEPENDENT_KINDS), id: Id, title: z.string(), state: z.string().nullable() })
  .openapi('WithdrawalDependent');
export type Dependent = z.infer<typeof Dependent>;

/** What withdrawing a document would do: answered before it is done (the confirmation) and refused with when something depends on it. */
export const WithdrawalPlan = z
  .object({
    document_id: Id, source_id: Id, file_name: z.string(), jurisdiction: z.string().nullable(), report_year: z.number().int().nullable(),
    /** Documents the same file still gives after this one goes (a compilation keeps its file while one remains). */
    other_documents: z.array(Id),
    removed: Removed,
    dependents: z.array(Dependent),
  })
  .openapi('WithdrawalPlan');
export type WithdrawalPlan = z.infer<typeof WithdrawalPlan>;

export const Withdrawal = z
  .object({
    id: Id, document_id: Id, source_id: Id, file_name: z.string(), sha256: z.string(), jurisdiction: z.string().nullable(), report_year: z.number().int().nullable(),
    account_id: Id.nullable(), actor: z.string(), at: Instant, note: z.string().nullable(), forced: z.boolean(), removed: Removed, dependents: z.array(Dependent),
  })
  .openapi('Withdrawal');
export type Withdrawal = z.infer<typeof Withdrawal>;

export const WithdrawRequest = z.object({
  /** Go ahead although tasks, votes or rulings rest on the document: they are detached from it and listed. */
  force: z.enum(['true', 'false']).optional(),
  note: z.string().max(500).optional(),
});
