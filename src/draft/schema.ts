/**
 * The draft review (完成情况报告) defined once: the year-end states an
 * office gives tasks, the typed draft (text as runs, each run citing the
 * sources its figures come from) and what is kept of each generated file.
 * Types by z.infer; the routes validate and document with the same schemas.
 */
import { z } from '@hono/zod-openapi';
import { Id, Instant, IsoDate, PlaceYear } from '../records/fields.js';

import { FINAL_STATES, type FinalState } from '../vocab.js';

export { FINAL_STATE_LABELS, FINAL_STATES, type FinalState } from '../vocab.js';
/** Unfinished: the draft names the reason and the new deadline. */
export const UNFINISHED: readonly FinalState[] = ['ongoing', 'not_done'];

/** PUT /api/ledger/tasks/{id}/year-end-state */
export const YearEndStateSet = z
  .object({
    final_state: z.enum(FINAL_STATES),
    reason: z.string().trim().max(2000).nullable().default(null),
    new_deadline: IsoDate.nullable().default(null),
  })
  .strict();
export type YearEndStateSet = z.infer<typeof YearEndStateSet>;

export const YearEndState = z
  .object({ task_id: Id, final_state: z.enum(FINAL_STATES), reason: z.string().nullable(), new_deadline: IsoDate.nullable(), account_id: Id.nullable(), set_at: Instant })
  .openapi('YearEndState');
export type YearEndState = z.infer<typeof YearEndState>;

export const SOURCE_KINDS = ['document', 'progress_report', 'year_end', 'vote', 'ruling', 'ledger'] as const;

/** Where a figure came from: the passage itself (`text`) and the figures it states. */
export const DraftSource = z.object({
  /** S1, S2…: the footnote's key. */
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  /** Who and what, as a footnote names it: 四平市农业农村局 2023-12-20 进展报告. */
  label: z.string(),
  /** The passage quoted. */
  text: z.string(),
  /** Figures the source states as fields (a progress report's figure, a vote's rate), beside those in `text`. */
  figures: z.array(z.number()),
  /** Pointers back: document_id with offsets, progress_report_id, task_id, session_id, round_id, ruling_id. */
  ref: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type DraftSource = z.infer<typeof DraftSource>;

/** A source as a footnote writes it: its label, the passage, and the figures it states as fields when the passage does not show them. */
export function sourceLine(s: DraftSource): string {
  const shown = new Set((s.text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
  const fields = s.figures.filter((f) => !shown.has(f));
  return `${s.label}：${s.text}${fields.length ? `（报送数值：${fields.join('、')}）` : ''}`;
}

/** A stretch of text; `cite` names the sources every figure in it comes from (empty: no figure). */
export const Run = z.object({ text: z.string(), cite: z.array(z.string()) });
export type Run = z.infer<typeof Run>;

export const DraftItem = z.object({ task_id: Id, state: z.enum(FINAL_STATES).nullable(), lead_unit: z.string().nullable(), runs: z.array(Run) });
export type DraftItem = z.infer<typeof DraftItem>;

export const DraftSummary = z.object({
  total: z.number().int(),
  counts: z.record(z.enum(FINAL_STATES), z.number().int()),
  /** Tasks with no year-end state and not closed. */
  unset: z.number().int(),
  /** 完成 by the deadline (closed, or the state set, on or before it). */
  on_time: z.number().int(),
  /** on_time / total, as a percentage with one decimal; null for an empty ledger. */
  on_time_rate: z.number().nullable(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const Draft = z
  .object({
    ...PlaceYear,
    generated_at: Instant,
    title: z.array(Run),
    summary: DraftSummary,
    opening: z.array(Run),
    sections: z.array(z.object({ heading: z.array(Run), items: z.array(DraftItem) })),
    unfinished: z.array(DraftItem),
    livelihood: z.array(DraftItem),
    sources: z.array(DraftSource),
  })
  .openapi('DraftReview');
export type Draft = z.infer<typeof Draft>;

export const DRAFT_FORMATS = ['docx', 'html'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** What is kept of a generated draft (GET /api/ledger/draft-reviews). */
export const DraftRecord = z
  .object({ id: Id, jurisdiction: z.string(), year: z.number().int(), format: z.enum(DRAFT_FORMATS), sha256: z.string(), bytes: z.number().int(), account_id: Id.nullable(), generated_at: Instant })
  .openapi('DraftReviewRecord');
export type DraftRecord = z.infer<typeof DraftRecord>;
