/**
 * Withdrawing an import (admin or supervisor, with the CSRF header): what it
 * would do, doing it, and the log. The document and everything derived from
 * it go in one transaction (src/withdraw/store.ts); tasks, votes and rulings
 * built on it refuse the withdrawal (409 has_dependents, listed in `current`)
 * unless `force=true`, which detaches them and lists them in the answer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { IMPORTERS } from '../../accounts/roles.js';
import type { Repository } from '../../store/repository.js';
import { Withdrawal, WithdrawalPlan, WithdrawRequest } from '../../withdraw/schema.js';
import { listWithdrawals, planWithdrawal, withdrawDocument } from '../../withdraw/store.js';
import type { AppEnv } from '../env.js';
import type { Auth } from '../middleware/auth.js';
import { errors, ok, Paging, params, PathId, query } from '../openapi.js';
import { publicName } from './reports.js';

const DocId = { params: params({ id: PathId }) };

export function withdrawalRoutes(d: { repo: Repository; auth: Auth; now: () => Date }): OpenAPIHono<AppEnv> {
  const { repo, auth } = d;
  const app = new OpenAPIHono<AppEnv>();
  const shown = <T extends { file_name: string }>(x: T): T => ({ ...x, file_name: publicName(x.file_name) });

  app.openapi(
    createRoute({
      method: 'get', path: '/documents/{id}/withdrawal', summary: 'What withdrawing a document would remove, and what rests on it (admin or supervisor)',
      middleware: auth.need(IMPORTERS), request: DocId,
      responses: { 200: ok(z.object({ ok: z.literal(true), plan: WithdrawalPlan })), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json({ ok: true as const, plan: shown(await planWithdrawal(repo.db, c.req.valid('param').id)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/documents/{id}', summary: 'Withdraw an imported document and everything derived from it, in one transaction, logged (admin or supervisor)',
      middleware: auth.need(IMPORTERS, { write: true }), request: { ...DocId, query: query(WithdrawRequest.shape) },
      responses: { 200: ok(z.object({ ok: z.literal(true), withdrawal: Withdrawal })), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const s = c.get('session');
      const q = c.req.valid('query');
      const w = await withdrawDocument(repo, c.req.valid('param').id, { accountId: s.account.id, actor: s.account.name }, { force: q.force === 'true', note: q.note, now: d.now() });
      return c.json({ ok: true as const, withdrawal: shown(w) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/withdrawals', summary: 'The withdrawal log, newest first (admin or supervisor)',
      middleware: auth.need(IMPORTERS), request: { query: query({ ...Paging }) },
      responses: { 200: ok(z.object({ ok: z.literal(true), total: z.number().int(), items: z.array(Withdrawal) })), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listWithdrawals(repo.db, { limit: q._limit, offset: q._offset });
      return c.json({ ok: true as const, total: page.total, items: page.items.map(shown) }, 200);
    },
  );

  return app;
}
