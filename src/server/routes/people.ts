/**
 * Keeping units and accounts (admin), beside the creating routes in
 * accounts.ts: rename and move units, change an account's role, unit and
 * whether it may sign in, give out a one-time reset code, and the anonymous
 * step where the code's holder sets a new password (guesses counted as
 * failed sign-ins are: per address and per account).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AttemptStore, POLICIES } from '../../accounts/attempts.js';
import { People } from '../../accounts/people.js';
import { importPeople } from '../../accounts/people-import.js';
import { Account, AccountUpdate, PasswordReset, ResetCode, Unit, UnitUpdate } from '../../accounts/schema.js';
import type { AccountStore } from '../../accounts/store.js';
import { DomainError, TooMany } from '../../errors.js';
import type { AppEnv } from '../env.js';
import type { Auth } from '../middleware/auth.js';
import { errors, FileName, fileBody, jsonBody, ok, params, PathId, query } from '../openapi.js';
import { answer } from './answer.js';

export function peopleRoutes(d: { store: AccountStore; auth: Auth; now: () => Date; address: (c: Context) => string }): OpenAPIHono<AppEnv> {
  const { auth, now } = d;
  const people = new People(d.store);
  const attempts = new AttemptStore(d.store);
  const app = new OpenAPIHono<AppEnv>();
  const admin = (write = true) => auth.need(['admin'], { write });
  const Path = { params: params({ id: PathId }) };

  app.openapi(
    createRoute({
      method: 'put', path: '/ledger/units/{id}', summary: 'Rename a unit or move it under another (admin)', middleware: admin(),
      request: { ...Path, body: jsonBody(UnitUpdate) }, responses: { 200: ok(answer({ unit: Unit })), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json({ ok: true as const, unit: await people.updateUnit(c.req.valid('param').id, c.req.valid('json')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/ledger/accounts/{id}', summary: 'Change an account\'s role, unit, or whether it may sign in (admin; the last active administrator stays)', middleware: admin(),
      request: { ...Path, body: jsonBody(AccountUpdate) }, responses: { 200: ok(answer({ account: Account })), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json({ ok: true as const, account: await people.updateAccount(c.req.valid('param').id, c.req.valid('json')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/accounts/{id}/reset-code', summary: 'A one-time code to set a new password, shown once, valid a day (admin)', middleware: admin(),
      request: Path, responses: { 201: ok(answer(ResetCode.shape), 'issued'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      c.header('cache-control', 'no-store');
      return c.json({ ok: true as const, ...(await people.issueResetCode(c.req.valid('param').id, c.get('session').account.id, now())) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/password-reset', summary: 'Set a new password with a one-time code (CSRF; the account\'s sessions end)', middleware: auth.anonymousWrite,
      request: { body: jsonBody(PasswordReset) }, responses: { 200: ok(answer({ account: Account })), ...errors(400, 403, 422, 429) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const keys = [`ip:${d.address(c)}`, `account:${b.name}`];
      const wait = await attempts.waitAll([[keys[0], POLICIES.address], [keys[1], POLICIES.account]], now());
      if (wait > 0) throw new TooMany(`too many failed attempts; try again in ${wait} s`, wait, 'too_many_sign_ins');
      try {
        return c.json({ ok: true as const, account: await people.redeemResetCode(b.name, b.code, b.password, now()) }, 200);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'bad_reset_code') await attempts.fail(keys, now());
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/people/import', summary: 'Units and accounts from a table (XLSX or CSV: 单位, 上级单位, 账号, 角色, 初始密码); one bad row refuses all (admin)', middleware: admin(),
      request: { query: query({ filename: FileName }), body: fileBody('the table: XLSX or CSV') },
      responses: { 200: ok(answer({ units: z.array(z.string()), accounts: z.array(z.string()) })), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => c.json({ ok: true as const, ...(await importPeople(d.store, new Uint8Array(await c.req.arrayBuffer()), c.req.valid('query').filename, now())) }, 200),
  );

  return app;
}
