/** The success envelope of the feature routes: `{ ok: true, …fields }`. */
import { z } from '@hono/zod-openapi';

export function answer<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ok: z.literal(true), ...shape });
}

/** A list with its count. */
export function listOf<T extends z.ZodType>(item: T) {
  return answer({ total: z.number().int(), items: z.array(item) });
}
