/** Shapes the feature routes share: the success envelope `{ ok: true, …fields }` and list filters. */
import { z } from '@hono/zod-openapi';
import { Year } from '../openapi.js';

export function answer<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ok: z.literal(true), ...shape });
}

/** A list with its count (`total`: all that match; `items`: the page asked for). */
export function listOf<T extends z.ZodType>(item: T) {
  return answer({ total: z.number().int(), items: z.array(item) });
}

/** Paging of a feature's list; a ledger may hold tens of thousands of tasks, a page is what a screen takes. */
export const ListPage = {
  _limit: z.coerce.number().int().min(1).max(10000).default(5000),
  _offset: z.coerce.number().int().min(0).default(0),
};

/** One page of `items`, with the count of all. */
export function page<T>(items: readonly T[], q: { _limit: number; _offset: number }): { total: number; items: T[] } {
  return { total: items.length, items: items.slice(q._offset, q._offset + q._limit) };
}

/** Filters of a feature's list: a place, a year, and a unit that leads or takes part. */
export const ListFilter = {
  jurisdiction: z.string().max(50).optional(),
  year: Year.optional(),
  unit_id: z.coerce.number().int().positive().optional(),
};
