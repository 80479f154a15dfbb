/**
 * Rulings, defined once: the zod schemas give the API's types (the web app
 * imports them with `import type`), request validation and the OpenAPI
 * document. Verdicts travel as codes; people read them through VERDICT_LABELS.
 */
import { z } from '@hono/zod-openapi';
import { Instant, PlaceYear, Version } from '../records/fields.js';
import { VERDICTS } from '../vocab.js';

export const Verdict = z.enum(VERDICTS);

/** A stable item key (src/check/keys.ts): 16 hex characters. */
export const ItemKey = z.string().regex(/^[0-9a-f]{16}$/, 'an item key: 16 hex characters');

export const EvidenceSpan = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });

/** A ruling as the API answers it. */
export const Ruling = z
  .object({
    key: ItemKey,
    jurisdiction: z.string(),
    year: z.number().int(),
    source: z.enum(['target', 'commitment']),
    /** The promise's words and span in the plan document when ruled. */
    promise: z.string(),
    plan_span: z.object({ start: z.number().int(), end: z.number().int() }),
    /** The machine's verdict when ruled. */
    machine_verdict: Verdict,
    verdict: Verdict,
    reason: z.string().nullable(),
    evidence: EvidenceSpan.optional(),
    /** The reviewer's account name. */
    reviewer: z.string(),
    ruled_at: Instant,
    version: z.number().int(),
  })
  .openapi('Ruling');
export type Ruling = z.infer<typeof Ruling>;

/** A ruling in the place's list: orphaned when its item no longer appears in the scorecard. */
export const RulingListItem = Ruling.extend({ orphaned: z.boolean() }).openapi('RulingListItem');
export type RulingListItem = z.infer<typeof RulingListItem>;

export const RulingHistoryItem = z
  .object({ version: z.number().int(), from_verdict: Verdict.nullable(), verdict: Verdict, reason: z.string().nullable(), reviewer: z.string().nullable(), at: Instant, evidence: EvidenceSpan.optional() })
  .openapi('RulingHistoryItem');
export type RulingHistoryItem = z.infer<typeof RulingHistoryItem>;

/**
 * PUT /api/rulings/{key}: the whole ruling. `version` is the one read
 * (absent: the first ruling); `reason` is required when the verdict differs
 * from the machine's; `evidence` offsets are into the review report's
 * document text (absent: the machine's evidence stands).
 */
export const RulingRequest = z
  .object({
    ...PlaceYear,
    verdict: Verdict,
    reason: z.string().trim().max(2000).optional(),
    evidence: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict().optional(),
    version: Version.optional(),
  })
  .strict();
export type RulingRequest = z.infer<typeof RulingRequest>;

/** A sheet row the import refused, and why. */
export const SheetRowProblem = z.object({ row: z.number().int(), key: z.string().nullable(), error: z.string() });
export type SheetRowProblem = z.infer<typeof SheetRowProblem>;

export const RulingImportResult = z.object({
  applied: z.number().int(),
  skipped: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), key: z.string(), status: z.enum(['applied', 'skipped']), verdict: Verdict.nullable() })),
});
export type RulingImportResult = z.infer<typeof RulingImportResult>;
