/**
 * Rulings under /api/rulings: a reviewer (or an administrator) confirms or
 * changes a scorecard item's verdict with PUT /api/rulings/{key}; anyone
 * reads the rulings, an item's history and the sheet for offline review;
 * a reviewed sheet comes back through POST /api/rulings/import, applied
 * whole or not at all. Writes need the session and the CSRF header, as
 * every write does, and clear the read cache (/api/check shows rulings).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { RULERS } from '../../accounts/roles.js';
import { InvalidInput } from '../../errors.js';
import { Jurisdiction } from '../../records/fields.js';
import { ItemKey, Ruling, RulingHistoryItem, RulingImportResult, RulingListItem, RulingRequest, SheetRowProblem } from '../../rulings/schema.js';
import { SheetRejected, type Rulings } from '../../rulings/service.js';
import type { AppEnv } from '../env.js';
import type { Auth } from '../middleware/auth.js';
import { ErrorEnvelope, errors, FileName, jsonBody, ok, params, query, tableOk, Year } from '../openapi.js';
import { errorBody } from '../errors.js';
import { table } from '../respond.js';
import { answer } from './answer.js';

const Place = { jurisdiction: Jurisdiction, year: Year };
const KeyParam = { params: params({ key: ItemKey.openapi({ param: { in: 'path' } }) }) };
const Rejected = ErrorEnvelope.extend({ rows: z.array(SheetRowProblem) });
const rejected = (description: string) => ({ description, content: { 'application/json': { schema: Rejected } } });

export function rulingRoutes(rulings: Rulings, auth: Auth): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/rulings', summary: 'The rulings on a place\'s year-N promises, each marked orphaned when its item no longer appears; .csv and .xlsx give the review sheet (one row per item; ?lang=en for English headers)',
      request: { query: query({ ...Place, lang: z.enum(['zh', 'en']).default('zh') }) },
      responses: { 200: tableOk(answer({ jurisdiction: z.string(), year: z.number().int(), total: z.number().int(), items: z.array(RulingListItem) })), ...errors(400, 404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      if (c.get('format') === 'json') {
        const items = await rulings.list(q.jurisdiction, q.year);
        return c.json({ ok: true as const, jurisdiction: q.jurisdiction, year: q.year, total: items.length, items }, 200);
      }
      const sheet = await rulings.sheet(q.jurisdiction, q.year, q.lang);
      return table(c, sheet.rows, sheet.columns, `rulings-${q.jurisdiction}-${q.year}`, {});
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/rulings/{key}', summary: 'Rule on a scorecard item (reviewer or admin): confirm or change its verdict; a reason when it differs from the machine\'s; evidence as offsets into the review report; version as read (none: the first ruling)',
      middleware: auth.need(RULERS, { write: true }), request: { ...KeyParam, body: jsonBody(RulingRequest) },
      responses: { 200: ok(answer({ ruling: Ruling })), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json({ ok: true as const, ruling: await rulings.rule(c.get('session'), c.req.valid('param').key, c.req.valid('json')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/rulings/{key}/history', summary: 'Every step of an item\'s ruling: who, when, from what, to what, why',
      request: { ...KeyParam, query: query(Place) },
      responses: { 200: ok(answer({ items: z.array(RulingHistoryItem) })), ...errors(400, 404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ ok: true as const, items: await rulings.history(c.req.valid('param').key, q.jurisdiction, q.year) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/rulings/import', summary: 'Load a reviewed sheet (XLSX or CSV; raw body or multipart): every changed row in one transaction, or nothing with each bad row named (422) or each stale row named (409)',
      middleware: auth.need(RULERS, { write: true }),
      // The multipart schema is plain OpenAPI, not zod: a zod one would make the router refuse other content types (text/csv, a raw XLSX).
      request: {
        query: query({ ...Place, filename: FileName.optional() }),
        body: { description: 'the sheet: XLSX or CSV (UTF-8 or GBK), as the body or a multipart file field', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) }, 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } }, required: true },
      },
      responses: { 200: ok(answer(RulingImportResult.shape)), ...errors(400, 401, 403, 404, 413), 409: rejected('rows exported before a later ruling; nothing applied'), 422: rejected('rows that cannot be used; nothing applied') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let bytes: Uint8Array;
      let name = q.filename ?? 'rulings.csv';
      if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
        const form = await c.req.formData();
        const file = [...form.values()].find((v): v is File => typeof v !== 'string');
        if (!file) throw new InvalidInput('the form has no file', [{ field: 'file', message: 'a file field' }], 'no_file');
        bytes = new Uint8Array(await file.arrayBuffer());
        name = q.filename ?? (file.name || name);
      } else bytes = new Uint8Array(await c.req.arrayBuffer());
      try {
        return c.json({ ok: true as const, ...(await rulings.importSheet(c.get('session'), bytes, name, q.jurisdiction, q.year)) }, 200);
      } catch (e) {
        if (!(e instanceof SheetRejected)) throw e;
        const code = e.status === 409 ? 'stale_version' : 'invalid_rows';
        return c.json({ ...errorBody(e.status, code, e.message, e.rows.map((r) => ({ field: `row ${r.row}`, message: r.error }))), rows: e.rows }, e.status);
      }
    },
  );

  return app;
}
