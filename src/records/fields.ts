/**
 * Field schemas every workflow feature (督办, 建议/提案) spells the same way:
 * ids, versions, dates and places. The features' own schemas build on them.
 */
import { z } from '@hono/zod-openapi';
import { Id } from '../accounts/schema.js';

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

export const UnitIds = z.array(Id).max(50);
