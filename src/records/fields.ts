/**
 * Field schemas every workflow feature (督办, 建议/提案) spells the same way:
 * ids, versions, dates, places, a versioned record's envelope and counts.
 * The features' own schemas build on them.
 */
import { z } from '@hono/zod-openapi';
import { Id, UnitRef } from '../accounts/schema.js';

export { Id };

/** The version a client read; a write must name it (see records/versioned.ts). */
export const Version = z.number().int().positive();

/** A calendar day. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** An instant (ISO 8601, UTC). */
export const Instant = z.string().openapi({ format: 'date-time' });

export const Jurisdiction = z.string().min(1).max(50);

/** The year of a plan or a congress session. */
export const PlanYear = z.number().int().min(1949).max(2100);

/** A place and the year of its plan, as a record or a request names them (spread into a shape). */
export const PlaceYear = { jurisdiction: Jurisdiction, year: PlanYear };

/**
 * A versioned record as the API answers it (src/records/versioned.ts): its
 * id, its own fields, then the version a writer must name and when it was
 * created and last changed.
 */
export function versionedRecord<S extends z.ZodRawShape>(shape: S) {
  return z.object({ id: Id, ...shape, version: Version, created_at: Instant, updated_at: Instant });
}

export const UnitIds = z.array(Id).max(50);

/** Who took a step on a record, when, and what they noted; each feature adds its record's key and what else its history keeps. */
export const HistoryBase = z.object({ id: Id, account_id: Id.nullable(), account_name: z.string().nullable(), action: z.string(), at: Instant, note: z.string().nullable() });

export const Count = z.number().int();

/** One count per value of a vocabulary (verdicts, lights…), in its order. */
export function countsOf<K extends string>(keys: readonly K[]): Record<K, typeof Count> {
  return Object.fromEntries(keys.map((k) => [k, Count])) as Record<K, typeof Count>;
}

/**
 * What importing a table answers: how each header cell was read (as one of
 * `columns`, or not at all), problems with the file as a whole, the units
 * it created, one result per row, and the counts of `tally`.
 */
export function importReport<C extends readonly [string, ...string[]], R extends z.ZodType, K extends string>(columns: C, row: R, tally: readonly K[]) {
  return z.object({ columns: z.record(z.string(), z.enum(columns).nullable()), problems: z.array(z.string()), created_units: z.array(UnitRef), rows: z.array(row), ...countsOf(tally) });
}
