/**
 * The target cascade (层层加码), defined once: the zod schemas give the API's
 * response validation and OpenAPI entry, and the TS types (by z.infer) that
 * the service, the CLI and the web app (`import type`) share.
 *
 * A cascade is one indicator's targets for one year, place by place, down the
 * chain 全国 → province → prefecture → county/district, each compared with
 * the level directly above it.
 */
import { z } from '@hono/zod-openapi';
import { countsOf } from '../records/fields.js';
import { FACT_KINDS, LEVELS, QUALIFIERS, VERDICTS } from '../vocab.js';

export { QUALIFIERS, VERDICTS };

const Str = z.string().nullable();
const Num = z.number().nullable();

/** The place's target for the indicator, as its report states it. */
export const CascadeTarget = z
  .object({
    document_id: z.number().int(),
    kind: z.enum(FACT_KINDS),
    value: Num,
    value_max: Num,
    unit: Str,
    qualifier: z.enum(QUALIFIERS).nullable(),
    scope: Str,
    text: z.string(),
    /** Offsets in the plan document's text. */
    start: z.number().int(),
    end: z.number().int(),
    /** The figure a result must reach (or stay under): a range's lower bound, or its upper bound for a ceiling. */
    bar: Num,
    /** Other targets the same report sets for the indicator (another scope, a second figure): only the first is compared. */
    others: z.array(z.string()),
  })
  .openapi('CascadeTarget');
export type CascadeTarget = z.infer<typeof CascadeTarget>;

/**
 * How a target stands against the one above it:
 * raised / same / lowered — both are rates, compared in points;
 * qualitative — one side states no figure; not_comparable — different kinds or units;
 * no_report / no_target — this place has no stored report for the year, or it sets no target;
 * parent_missing / parent_no_target — the level above has no stored report, or sets no target;
 * top — nothing above (全国).
 */
export const STEP_STATUSES = ['raised', 'same', 'lowered', 'qualitative', 'not_comparable', 'no_report', 'no_target', 'parent_missing', 'parent_no_target', 'top'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const Step = z
  .object({
    status: z.enum(STEP_STATUSES),
    /** The place compared against (the parent, or for `ancestor_step` a level further up). */
    against: Str,
    /** Child's bar minus the parent's, in percentage points (raw sign). */
    points: Num,
    /** `points` signed so that more is more demanding (for a ceiling a lower figure is the raise). */
    raise: Num,
    /** What else differs: the qualifier (左右 → 以上), the scope, the units. */
    note: Str,
  })
  .openapi('CascadeStep');
export type Step = z.infer<typeof Step>;

/** A comparison with a level further up, when the level directly above has no stored report or sets no target. */
export const AncestorStep = Step.extend({
  /** The levels in between, from the nearest up, and why each was passed over. */
  skipped: z.array(z.object({ place: z.string(), reason: z.enum(['no_report', 'no_target']) })),
}).openapi('CascadeAncestorStep');
export type AncestorStep = z.infer<typeof AncestorStep>;

/** What the next year's report says, as the scorecard judges it. */
export const CascadeCheck = z
  .object({
    review_document: z.number().int(),
    verdict: z.enum(VERDICTS),
    rule: Str,
    outcome: Num,
    outcome_unit: Str,
    outcome_text: Str,
    estimated: z.boolean().nullable(),
  })
  .openapi('CascadeCheck');
export type CascadeCheck = z.infer<typeof CascadeCheck>;

/** Size of the raise above the parent, in points: lowered, same, (0, 0.5], (0.5, 1), ≥ 1. */
export const BUCKETS = ['lower', 'same', 'up_to_half', 'half_to_one', 'one_or_more'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const CascadeNode = z
  .object({
    /** As reports and the store name it: 全国, 河北省, 保定市, 保定市清苑区. */
    place: z.string(),
    level: z.enum(LEVELS),
    /** The level directly above (from the gazetteer), whether stored or not. */
    parent: Str,
    /** 全国 … this place. */
    path: z.array(z.string()),
    depth: z.number().int(),
    /** The stored report of the year the record rests on; null: none stored (the node stands for a gap). */
    report: z.object({ document_id: z.number().int(), rule: z.enum(['chosen', 'first']), others: z.array(z.number().int()) }).nullable(),
    target: CascadeTarget.nullable(),
    step: Step,
    ancestor_step: AncestorStep.nullable(),
    bucket: z.enum(BUCKETS).nullable(),
    lower_than_parent: z.boolean(),
    /** null when there is no target or no stored report of the next year. */
    check: CascadeCheck.nullable(),
    /** Why there is no check: no target, no stored report of the next year, or (a fault) the scorecard has no item for the target. */
    unchecked: z.enum(['no_target', 'no_next_report', 'not_in_scorecard']).nullable(),
  })
  .openapi('CascadeNode');
export type CascadeNode = z.infer<typeof CascadeNode>;

export const SummaryRow = z
  .object({
    bucket: z.enum(BUCKETS),
    places: z.number().int(),
    // How many of the places' targets the next year's report judges met, missed …
    ...countsOf(VERDICTS),
    /** No stored report of the next year yet. */
    unchecked: z.number().int(),
    line: z.string(),
  })
  .openapi('CascadeSummaryRow');
export type SummaryRow = z.infer<typeof SummaryRow>;

export const Cascade = z
  .object({
    indicator: z.string(),
    year: z.number().int(),
    root: z.string(),
    nodes: z.array(CascadeNode),
    summary: z.array(SummaryRow),
    /** Stored reports of the year whose place the gazetteer cannot tell (no or an unknown jurisdiction). */
    unplaced: z.array(z.object({ document_id: z.number().int(), jurisdiction: Str })),
  })
  .openapi('Cascade');
export type Cascade = z.infer<typeof Cascade>;

/** One node as a spreadsheet row. */
export interface CascadeRow {
  year: number;
  place: string;
  level: string;
  parent: string;
  depth: number;
  report_document: number | '';
  target_value: number | '';
  target_max: number | '';
  target_unit: string;
  target_qualifier: string;
  step: StepStatus;
  step_against: string;
  step_points: number | '';
  step_note: string;
  ancestor_against: string;
  ancestor_points: number | '';
  skipped: string;
  bucket: string;
  lower_than_parent: 'yes' | '';
  review_document: number | '';
  outcome_value: number | '';
  outcome_unit: string;
  verdict: string;
  unchecked: string;
  target_text: string;
  outcome_text: string;
}

export const CASCADE_COLUMNS: (keyof CascadeRow)[] = [
  'year', 'place', 'level', 'parent', 'depth', 'report_document', 'target_value', 'target_max', 'target_unit', 'target_qualifier',
  'step', 'step_against', 'step_points', 'step_note', 'ancestor_against', 'ancestor_points', 'skipped', 'bucket', 'lower_than_parent',
  'review_document', 'outcome_value', 'outcome_unit', 'verdict', 'unchecked', 'target_text', 'outcome_text',
];
