/** Shapes the feature routes share: the success envelope `{ ok: true, …fields }` and list filters. */
import { z } from '@hono/zod-openapi';
import { Year } from '../openapi.js';

export function answer<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ok: z.literal(true), ...shape });
}

/** A list with its count. */
export function listOf<T extends z.ZodType>(item: T) {
  return answer({ total: z.number().int(), items: z.array(item) });
}

/** Filters of a feature's list: a place, a year, and a unit that leads or takes part. */
export const ListFilter = {
  jurisdiction: z.string().max(50).optional(),
  year: Year.optional(),
  unit_id: z.coerce.number().int().positive().optional(),
};
