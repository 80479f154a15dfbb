/**
 * Sessions, units and accounts under /api/ledger (where the 督办 ledger
 * first needed them; 票决 and 建议/提案 use the same). The session is an
 * HTTP-only cookie; the CSRF token is a readable cookie every write repeats
 * in a header.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cookie, CSRF_COOKIE, CSRF_HEADER, DEVICE_COOKIE, parseCookies, SESSION_COOKIE } from '../../accounts/auth.js';
import { Account, AccountCreate, Login, Unit, UnitCreate } from '../../accounts/schema.js';
import type { Accounts } from '../../accounts/service.js';
import type { AppEnv } from '../env.js';
import type { Auth } from '../middleware/auth.js';
import { errors, jsonBody, ok } from '../openapi.js';
import { answer } from './answer.js';

export interface AccountRouteDeps {
  readonly accounts: Accounts;
  readonly auth: Auth;
  readonly now: () => Date;
  /** Mark cookies Secure (serving over HTTPS). */
  readonly secureCookies: boolean;
  /** The client's address, for the sign-in limits (the socket's peer unless proxies are trusted). */
  readonly address: (c: Context) => string;
}

/** A browser stays known for a year after it last signed in. */
const DEVICE_MAX_AGE_S = 365 * 86_400;

const SessionAnswer = answer({ account: Account.nullable(), csrf_token: z.string() });


export function accountRoutes(d: AccountRouteDeps): OpenAPIHono<AppEnv> {
  const { accounts, auth, now } = d;
  const store = accounts.store;
  const app = new OpenAPIHono<AppEnv>();
  const setCookie = (c: Context, value: string) => {
    c.header('set-cookie', value, { append: true });
    c.header('cache-control', 'no-store');
  };

  app.openapi(
    createRoute({ method: 'get', path: '/ledger/session', summary: 'Who is signed in, and the CSRF token to send with writes (sets its cookie when new)', responses: { 200: ok(SessionAnswer) } }),
    async (c) => {
      const s = await auth.session(c);
      // Only a token this server issued is ever handed back: a cookie the client set itself is replaced.
      const issued = await auth.csrfToken(c);
      const csrf = s?.csrf ?? issued.token;
      if (csrf !== parseCookies(c.req.header('cookie'))[CSRF_COOKIE]) setCookie(c, cookie(CSRF_COOKIE, csrf, { httpOnly: false, secure: d.secureCookies }));
      return c.json({ ok: true as const, account: s?.account ?? null, csrf_token: csrf }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/login', summary: 'Sign in (needs the CSRF cookie and header); sets the session cookie',
      middleware: auth.anonymousWrite,
      request: { body: jsonBody(Login) },
      responses: { 200: ok(SessionAnswer), ...errors(400, 401, 403, 429) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      // The token was checked as one this server issued (anonymousWrite); the session's writes repeat it.
      const csrf = c.req.header(CSRF_HEADER)!;
      const device = parseCookies(c.req.header('cookie'))[DEVICE_COOKIE];
      const r = await accounts.signIn(b.name, b.password, d.address(c), device, csrf, now());
      setCookie(c, cookie(SESSION_COOKIE, r.token, { httpOnly: true, secure: d.secureCookies, maxAgeSeconds: Math.floor(accounts.ttlMs / 1000) }));
      if (r.device) setCookie(c, cookie(DEVICE_COOKIE, r.device, { httpOnly: true, secure: d.secureCookies, maxAgeSeconds: DEVICE_MAX_AGE_S }));
      return c.json({ ok: true as const, account: r.account, csrf_token: csrf }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/ledger/logout', summary: 'End this session', middleware: auth.need(undefined, { write: true }), responses: { 200: ok(answer({})), ...errors(401, 403) } }),
    async (c) => {
      await store.revokeSession(c.get('session').id);
      setCookie(c, cookie(SESSION_COOKIE, '', { httpOnly: true, secure: d.secureCookies, maxAgeSeconds: 0 }));
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/ledger/units', summary: 'Units (单位), in a tree by parent_id', middleware: auth.need(), responses: { 200: ok(answer({ items: z.array(Unit) })), ...errors(401) } }),
    async (c) => c.json({ ok: true as const, items: await store.listUnits() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/units', summary: 'Add a unit (admin)', middleware: auth.need(['admin'], { write: true }),
      request: { body: jsonBody(UnitCreate) },
      responses: { 201: ok(answer({ unit: Unit }), 'created'), ...errors(400, 401, 403, 409, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json({ ok: true as const, unit: await accounts.addUnit(b.name, b.parent_id, now()) }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/ledger/accounts', summary: 'Accounts (admin)', middleware: auth.need(['admin']), responses: { 200: ok(answer({ items: z.array(Account) })), ...errors(401, 403) } }),
    async (c) => c.json({ ok: true as const, items: await store.listAccounts() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/ledger/accounts', summary: 'Add an account (admin); a unit officer needs a unit', middleware: auth.need(['admin'], { write: true }),
      request: { body: jsonBody(AccountCreate) },
      responses: { 201: ok(answer({ account: Account }), 'created'), ...errors(400, 401, 403, 409, 422) },
    }),
    async (c) => c.json({ ok: true as const, account: await accounts.addAccount(c.req.valid('json'), now()) }, 201),
  );

  return app;
}
