/**
 * 建议/提案 records, defined once: each field's rule is written in `fields`
 * and every shape (the item the API answers with, what registering, 交办,
 * 答复, 测评 and 跟踪办理 take, the import report, the figures) is built
 * from it. TypeScript types come by `z.infer`; the routes validate requests
 * and generate the OpenAPI document from the same schemas.
 */
import { z } from '@hono/zod-openapi';
import { UnitRef } from '../accounts/schema.js';
import { HistoryBase, Id, importReport, IsoDate, PlanYear, UnitIds, Version, versionedRecord } from '../records/fields.js';
import { KINDS, PROPOSAL_STATES, REPLY_STATUSES, SATISFACTIONS } from './vocab.js';

export { UnitRef };

const fields = z.object({
  jurisdiction: z.string().trim().min(1).max(50),
  year: PlanYear,
  kind: z.enum(KINDS),
  /** The congress's or CPPCC's number (案号), unique per place, year and kind. */
  number: z.string().min(1).max(50),
  title: z.string().trim().min(1).max(2000),
  /** 领衔人 and the others who signed. */
  proposers: z.array(z.string().trim().min(1).max(100)).max(500),
  received_at: IsoDate,
  /** 交办: the day the clock for the reply starts. */
  assigned_at: IsoDate,
  reply_deadline: IsoDate,
  /** 主办单位 */
  lead_unit_id: Id,
  /** 会办单位 */
  assist_unit_ids: UnitIds,
  reply_text: z.string().trim().min(1).max(20000),
  replied_at: IsoDate,
  satisfaction: z.enum(SATISFACTIONS),
  satisfaction_at: IsoDate,
  follow_up: z.string().trim().min(1).max(5000),
});
const f = fields.shape;

export const Proposal = versionedRecord({
  jurisdiction: f.jurisdiction,
  year: f.year,
  kind: f.kind,
  number: f.number,
  title: f.title,
  proposers: f.proposers,
  received_at: f.received_at,
  assigned_at: f.assigned_at.nullable(),
  reply_deadline: f.reply_deadline.nullable(),
  state: z.enum(PROPOSAL_STATES),
  lead_unit_id: f.lead_unit_id.nullable(),
  assist_unit_ids: f.assist_unit_ids,
  /** The latest reply (an earlier one, before 不满意, is in the history). */
  reply_text: f.reply_text.nullable(),
  /** The first reply's date: the deadline is measured by it. */
  replied_at: f.replied_at.nullable(),
  satisfaction: f.satisfaction.nullable(),
  satisfaction_at: f.satisfaction_at.nullable(),
  follow_up: f.follow_up.nullable(),
}).openapi('Proposal');
export type Proposal = z.infer<typeof Proposal>;

/** An item as the API answers it: with its status on the day asked. */
export const ProposalView = Proposal.extend({ reply_status: z.enum(REPLY_STATUSES) }).openapi('ProposalView');
export type ProposalView = z.infer<typeof ProposalView>;

/** 交办 to one lead unit (主办) and any number of assisting units (会办). */
const AssignFields = fields.pick({ lead_unit_id: true, assist_unit_ids: true, assigned_at: true, reply_deadline: true });

/** POST /api/proposals/{id}/assign: 交办 today unless dated, the deadline the configured months on unless given. */
export const AssignRequest = AssignFields.extend({
  version: Version,
  assist_unit_ids: f.assist_unit_ids.default([]),
  assigned_at: f.assigned_at.optional(),
  reply_deadline: f.reply_deadline.optional(),
}).strict();
export type Assignment = Omit<z.input<typeof AssignRequest>, 'version'>;

/** A number typed as text or read from a spreadsheet as a number. */
const NumberField = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(f.number);

/** POST /api/proposals: an item to register, assigned at once when a lead unit is given. */
export const ProposalCreate = fields
  .pick({ jurisdiction: true, year: true, kind: true, title: true })
  .extend({ number: NumberField, proposers: f.proposers.default([]), received_at: f.received_at.optional() })
  .extend(AssignFields.partial().shape)
  .strict()
  .refine((x) => x.lead_unit_id !== undefined || (x.assist_unit_ids === undefined && x.assigned_at === undefined && x.reply_deadline === undefined), {
    message: '会办 units, 交办 date and deadline come with a lead unit (lead_unit_id)', path: ['lead_unit_id'],
  });

/** An item to register (without its 交办). */
export type NewProposal = Pick<Proposal, 'jurisdiction' | 'year' | 'kind' | 'number' | 'title' | 'proposers'> & { received_at?: string };

/** 答复 (dated today unless given). */
export const ReplyRequest = z.object({ version: Version, text: f.reply_text, replied_at: f.replied_at.optional() }).strict();

/** The proposer's opinion from the 征询意见表. */
export const RatingRequest = z.object({ version: Version, satisfaction: f.satisfaction, at: f.satisfaction_at.optional(), note: z.string().trim().max(2000).optional() }).strict();

/** 跟踪办理: what is being done after the reply. */
export const FollowUpRequest = z.object({ version: Version, note: f.follow_up }).strict();

export const ProposalHistoryEntry = HistoryBase.extend({ proposal_id: Id }).openapi('ProposalHistoryEntry');
export type ProposalHistoryEntry = z.infer<typeof ProposalHistoryEntry>;

/** Months from 交办 to the reply deadline, per kind. */
export const ReplyMonths = z.object({ suggestion: z.number().int().min(1), proposal: z.number().int().min(1) });
export type ReplyMonths = z.infer<typeof ReplyMonths>;

export const PROPOSAL_COLUMNS = ['number', 'seq', 'title', 'proposers', 'kind', 'lead', 'assist', 'assigned', 'received'] as const;
export type ProposalColumn = (typeof PROPOSAL_COLUMNS)[number];

export const ProposalImportRow = z.object({
  /** 1-based row of the file. */
  row: z.number().int(),
  number: z.string(),
  title: z.string(),
  kind: f.kind.nullable(),
  status: z.enum(['created', 'existing', 'skipped']),
  id: Id.nullable(),
  proposers: z.array(z.string()),
  lead_unit: UnitRef.nullable(),
  assist_units: z.array(UnitRef),
  assigned_at: IsoDate.nullable(),
  reply_deadline: IsoDate.nullable(),
  problems: z.array(z.string()),
});
export type ProposalImportRow = z.infer<typeof ProposalImportRow>;

export const ProposalImportResult = importReport(PROPOSAL_COLUMNS, ProposalImportRow, ['created', 'existing', 'skipped']);
export type ProposalImportResult = z.infer<typeof ProposalImportResult>;

/** A place and year that has items, with how many of each kind. */
export const ProposalPlace = z.object({ jurisdiction: z.string(), year: z.number().int(), suggestion: z.number().int(), proposal: z.number().int() });
export type ProposalPlace = z.infer<typeof ProposalPlace>;

const Count = z.number().int();
const Rate = z.number().nullable().openapi({ description: '0..1 rounded to 4 places; null when its denominator is 0' });

/**
 * One line of the figures. The definitions (the reports' own usage):
 *   total (件数)                  items; a unit's are those it leads (主办)
 *   replied (已答复/办结)          items with a reply, on time or not
 *   replied_on_time (按期答复)     reply dated on or before the deadline
 *   replied_late (逾期答复)        reply dated after the deadline
 *   open_overdue (逾期未答复)      no reply, deadline passed
 *   open (办理中)                  no reply, within the deadline
 *   unassigned (未交办)            not yet assigned to a unit
 *   completion_rate (办结率)       replied / total
 *   on_time_rate (按期办结率)      replied_on_time / total
 *   rated (已测评)                 replied items whose proposer's 征询意见表 is recorded (the latest opinion counts)
 *   satisfaction_rate (满意率)     (满意 + 基本满意) / rated — the reports count 基本满意 as satisfied
 *   fully_satisfied_rate (满意占比) 满意 / rated
 *   assisting (会办)               items the unit helps with (not in its total)
 * A rate is a number 0..1 rounded to 4 places, null when its denominator is 0.
 */
export const StatsRow = z.object({
  unit_id: Id.nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: f.kind.nullable(),
  total: Count,
  replied: Count,
  replied_on_time: Count,
  replied_late: Count,
  open_overdue: Count,
  open: Count,
  unassigned: Count,
  completion_rate: Rate,
  on_time_rate: Rate,
  rated: Count,
  satisfied: Count,
  basically: Count,
  dissatisfied: Count,
  satisfaction_rate: Rate,
  fully_satisfied_rate: Rate,
  assisting: Count,
});
export type StatsRow = z.infer<typeof StatsRow>;

export const ProposalStats = z.object({
  as_of: IsoDate,
  /** One row per lead unit (and per unit that only 会办), in unit order; items not yet assigned last. */
  units: z.array(StatsRow),
  /** One row per year and kind. */
  groups: z.array(StatsRow),
  total: StatsRow,
});
export type ProposalStats = z.infer<typeof ProposalStats>;
