/**
 * The draft review (完成情况报告) of a ledger for supervisors: the year-end
 * state of a task, the draft as .docx or HTML (each one generated is kept:
 * its id and SHA-256 come back in headers), and the drafts kept so far.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MANAGE } from '../../../accounts/roles.js';
import { Draft, DraftRecord, YearEndState, YearEndStateSet, type DraftFormat } from '../../../draft/schema.js';
import { CONTENT_TYPES, type DraftReviews } from '../../../draft/service.js';
import { Jurisdiction } from '../../../records/fields.js';
import type { AppEnv } from '../../env.js';
import type { Auth } from '../../middleware/auth.js';
import { errors, fileOk, jsonBody, ok, params, PathId, query, Year } from '../../openapi.js';
import { download } from '../../respond.js';
import { answer, listOf } from '../answer.js';

const LedgerQuery = query({ jurisdiction: Jurisdiction, year: Year });
const FILE_HEADERS = {
  'x-luoshi-draft-id': { description: 'the id it is kept under (GET /api/ledger/draft-reviews/{id})', schema: { type: 'integer' as const } },
  'x-luoshi-draft-sha256': { description: 'SHA-256 of the bytes, as kept', schema: { type: 'string' as const } },
};

function fileResponse(format: DraftFormat) {
  return { description: `the draft as ${format === 'docx' ? 'a Word document' : 'an HTML page'}, every figure with its source`, headers: FILE_HEADERS, content: { [CONTENT_TYPES[format].split(';')[0]]: { schema: z.string().openapi({ format: 'binary' }) } } };
}

export function draftRoutes(reviews: DraftReviews, auth: Auth): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'put', path: '/ledger/tasks/{id}/year-end-state', summary: 'Set a task\'s year-end state (完成/基本完成/推进中/未完成) with the reason and new deadline of an unfinished one',
      middleware: auth.need(MANAGE, { write: true }), request: { params: params({ id: PathId }), body: jsonBody(YearEndStateSet) },
      responses: { 200: ok(answer({ year_end: YearEndState })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, year_end: await reviews.setYearEnd(c.get('session'), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/tasks/{id}/year-end-state', summary: 'A task\'s year-end state (null when none was set)', middleware: auth.need(),
      request: { params: params({ id: PathId }) }, responses: { 200: ok(answer({ year_end: YearEndState.nullable() })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, year_end: await reviews.yearEndOf(c.get('session'), c.req.valid('param').id) }, 200),
  );

  for (const format of ['docx', 'html'] as const) {
    app.openapi(
      createRoute({
        method: 'get', path: `/ledger/draft-review.${format}`, summary: `Draft the 完成情况报告 of a ledger as ${format === 'docx' ? '.docx' : 'HTML'} (kept with its sources)`,
        middleware: auth.need(MANAGE), request: { query: LedgerQuery }, responses: { 200: fileResponse(format), ...errors(400, 401, 403, 404) },
      }),
      async (c) => {
        const g = await reviews.generate(c.get('session'), c.req.valid('query'), format);
        const res = download(g.bytes, CONTENT_TYPES[format], g.filename);
        res.headers.set('x-luoshi-draft-id', String(g.record.id));
        res.headers.set('x-luoshi-draft-sha256', g.record.sha256);
        if (format === 'html') {
          // Shown in the browser tab the ledger's link opens (still named, for saving).
          res.headers.set('content-disposition', res.headers.get('content-disposition')!.replace(/^attachment/, 'inline'));
          res.headers.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        }
        return res;
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/draft-reviews', summary: 'The drafts generated for a ledger, newest first', middleware: auth.need(MANAGE),
      request: { query: LedgerQuery }, responses: { 200: ok(listOf(DraftRecord)), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const items = await reviews.list(c.req.valid('query'));
      return c.json({ ok: true as const, total: items.length, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/draft-reviews/{id}', summary: 'A kept draft: what was generated, with every source', middleware: auth.need(MANAGE),
      request: { params: params({ id: PathId }) }, responses: { 200: ok(answer({ record: DraftRecord, draft: Draft })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const k = await reviews.kept(c.req.valid('param').id);
      return c.json({ ok: true as const, record: k.record, draft: k.draft }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/ledger/draft-reviews/{id}/file', summary: 'A kept draft\'s file, byte for byte as it was handed out', middleware: auth.need(MANAGE),
      request: { params: params({ id: PathId }) }, responses: { 200: fileOk('the .docx or HTML file'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const k = await reviews.kept(c.req.valid('param').id);
      return download(k.bytes, CONTENT_TYPES[k.record.format], `draft-review-${k.record.year}-${k.record.id}.${k.record.format}`);
    },
  );

  return app;
}
