/**
 * The target cascade (层层加码) API: one indicator's targets for a year down
 * the chain 全国 → province → prefecture → county/district, as JSON or one
 * row per place (.csv/.xlsx).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { buildCascade } from '../../cascade/build.js';
import { cascadeRows } from '../../cascade/rows.js';
import { Cascade, CASCADE_COLUMNS } from '../../cascade/schema.js';
import { INDICATORS } from '../../extract/lexicon/indicators.js';
import type { Repository } from '../../store/repository.js';
import type { AppEnv } from '../env.js';
import { errors, query, tableOk, Year } from '../openapi.js';
import { table } from '../respond.js';

const INDICATOR_IDS = INDICATORS.map((i) => i.id) as [string, ...string[]];

export function cascadeRoutes(repo: Repository): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get', path: '/cascade',
      summary: "One indicator's targets for a year down the chain of governments (层层加码): each step from the level above, gaps, the next report's verdicts, and how often targets of each raise size were met",
      request: {
        query: query({
          indicator: z.enum(INDICATOR_IDS).openapi({ description: 'indicator id, e.g. gdp' }),
          year: Year.openapi({ description: 'the year the targets are for' }),
          root: z.string().trim().min(1).max(50).optional().openapi({ description: 'only this place and those under it, e.g. 河北省 (default 全国)' }),
        }),
      },
      responses: { 200: tableOk(Cascade.extend({ ok: z.literal(true) })), ...errors(400, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const cascade = await buildCascade(repo, { indicator: q.indicator, year: q.year, root: q.root });
      return table(c, cascadeRows(cascade), CASCADE_COLUMNS, `cascade-${q.indicator}-${q.year}`, { ok: true, ...cascade });
    },
  );
  return app;
}
