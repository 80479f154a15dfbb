/**
 * Response shapes of the reports API, for validation-free typing and the
 * OpenAPI document. They describe the store's answers (src/store/types.ts).
 */
import { z } from '@hono/zod-openapi';
import { VERDICTS } from '../../vocab.js';

const Nullable = { str: z.string().nullable(), int: z.number().int().nullable(), num: z.number().nullable() };

export const DocumentSummary = z
  .object({
    id: z.number().int(), source_id: z.number().int(), file_name: z.string(), part: z.number().int(), jurisdiction: Nullable.str, province: Nullable.str,
    level: Nullable.str, report_year: Nullable.int, review_year: Nullable.int, date: Nullable.str, doc_type: z.string(), script: z.string(),
    n_targets: z.number().int(), n_outcomes: z.number().int(), n_commitments: z.number().int(), duplicates: z.number().int(),
  })
  .openapi('DocumentSummary');

export const Fact = z
  .object({
    id: z.number().int(), document_id: z.number().int(), jurisdiction: Nullable.str, level: Nullable.str, report_year: Nullable.int,
    fact: z.string(), indicator: Nullable.str, kind: Nullable.str, value: Nullable.num, value_max: Nullable.num,
    unit: Nullable.str, qualifier: Nullable.str, scope: Nullable.str, year: Nullable.int, headline: z.boolean(), estimated: z.boolean(), text: z.string(),
    start: z.number().int().openapi({ description: 'offset in the document text' }), end: z.number().int(),
    source_start: z.number().openapi({ description: 'offset in the original file, in its offset unit (byte for most)' }), source_end: z.number(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Fact');

export const DocumentDetail = DocumentSummary.extend({
  meeting: Nullable.str, speaker: Nullable.str, text: z.string(), identity: z.record(z.string(), z.unknown()), sections: z.array(z.record(z.string(), z.unknown())),
  warnings: z.array(z.record(z.string(), z.unknown())), encoding: z.string(), format: z.string(), sha256: z.string(), offset_unit: z.string(),
  start_offset: z.number().int(), facts: z.array(Fact), duplicate_files: z.array(z.object({ file: z.string(), reason: z.string(), at: z.string() })),
}).openapi('Document');

export const Snippet = z.object({ start: z.number().int(), end: z.number().int(), before: z.string(), match: z.string(), after: z.string() });
export const SearchHit = z.object({ document: DocumentSummary, matches: z.number().int(), snippets: z.array(Snippet) }).openapi('SearchHit');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ ok: z.literal(true), total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) });
}

/** A scorecard: the year-N promises of a place against its year-N+1 report (shape in src/check/types.ts). */
export const Scorecard = z
  .object({
    ok: z.literal(true), jurisdiction: Nullable.str, year: Nullable.int, plan_report: z.record(z.string(), z.unknown()), review_report: z.record(z.string(), z.unknown()),
    counts: z.record(z.string(), z.number()), items: z.array(z.record(z.string(), z.unknown())), basis: z.record(z.string(), z.unknown()),
    reviewed: z.number().int(), orphaned: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('Scorecard');

/** A place's scorecards side by side (shape in src/check/years.ts). */
const YearCell = z.object({ key: z.string(), verdict: z.enum(VERDICTS), commitment: z.string(), headline: z.boolean() });
export const YearsTable = z
  .object({
    ok: z.literal(true),
    jurisdiction: z.string(),
    years: z.array(
      z.object({
        year: z.number().int(), plan_document: Nullable.int, review_document: Nullable.int, total: z.number().int(),
        counts: z.record(z.enum(VERDICTS), z.number().int()).openapi({ description: 'items of the year by current verdict' }),
      }),
    ),
    rows: z.array(
      z.object({
        indicator: z.string(), headline: z.boolean().openapi({ description: 'a main expected target in some year' }),
        cells: z.record(z.string(), z.array(YearCell)).openapi({ description: 'by year: the verdicts of that year\'s promises on the indicator' }),
      }),
    ),
  })
  .openapi('YearsTable');

export const ComparisonRow = z
  .object({
    jurisdiction: z.string(), level: Nullable.str, year: z.number().int(), target_value: Nullable.num, target_max: Nullable.num, target_unit: Nullable.str,
    target_qualifier: Nullable.str, target_text: Nullable.str, target_document: Nullable.int, outcome_value: Nullable.num, outcome_unit: Nullable.str,
    outcome_text: Nullable.str, outcome_estimated: z.boolean().nullable(), outcome_document: Nullable.int, verdict: Nullable.str,
  })
  .openapi('ComparisonRow');

export const ImportResult = z
  .object({
    ok: z.literal(true), file: z.string(), status: z.enum(['imported', 'duplicate', 'failed']), reason: z.string().optional(), documentIds: z.array(z.number().int()),
    newDocuments: z.number().int(), duplicateDocuments: z.number().int(), documents: z.number().int(), warnings: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('ImportResult');

export const ReportChoice = z.object({
  jurisdiction: z.string(), report_year: z.number().int(), document_id: z.number().int(), chosen_by: z.number().int().nullable(), chosen_at: z.string(), note: z.string().nullable(),
});
