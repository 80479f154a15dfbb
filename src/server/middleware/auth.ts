/**
 * Who is asking: the session from its HTTP-only cookie, the double-submit
 * CSRF check on every write, and role checks. Routes declare what they need
 * (`auth.need(['admin'], { write: true })`) and read `c.var.session`.
 */
import { msg, rolesIn } from '../../messages.js';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { CSRF_COOKIE, CSRF_HEADER, parseCookies, sameToken, SESSION_COOKIE, signedToken, verifySignedToken } from '../../accounts/auth.js';
import type { Role } from '../../accounts/roles.js';
import type { AccountStore, Session } from '../../accounts/store.js';
import { Forbidden, Unauthenticated } from '../../errors.js';
import type { SignedIn } from '../env.js';

export interface Auth {
  /** The signed-in session, if any (no checks). */
  session(c: Context): Promise<Session | undefined>;
  /** Double submit: the header must repeat the cookie, be a token this server issued, and (signed in) the session's token. */
  checkCsrf(c: Context, s: Session | undefined): Promise<void>;
  /** The request's CSRF token if this server issued it, else a new one (for the cookie). */
  csrfToken(c: Context): Promise<{ token: string; fresh: boolean }>;
  /** A signed-in account with one of `roles` (any role when omitted); `write` adds the CSRF check. */
  need(roles?: readonly Role[], opts?: { write?: boolean }): MiddlewareHandler<SignedIn>;
  /** The CSRF check alone, for writes anyone may make (signing in, a deputy's ballot). */
  readonly anonymousWrite: MiddlewareHandler;
}

export function makeAuth(accounts: AccountStore, now: () => Date): Auth {
  const cookies = (c: Context) => parseCookies(c.req.header('cookie'));
  let secret: Promise<Buffer> | undefined;
  const csrfSecret = () => (secret ??= accounts.secret('csrf'));
  const session = async (c: Context) => {
    const token = cookies(c)[SESSION_COOKIE];
    return token ? accounts.session(token, now()) : undefined;
  };
  const checkCsrf = async (c: Context, s: Session | undefined) => {
    const header = c.req.header(CSRF_HEADER);
    const issued = verifySignedToken(header, await csrfSecret());
    if (!header || !issued || !sameToken(header, cookies(c)[CSRF_COOKIE]) || (s && !sameToken(header, s.csrf))) {
      throw new Forbidden(msg('auth.csrf', { cookie: CSRF_COOKIE, header: CSRF_HEADER }), 'csrf');
    }
  };
  const csrfToken = async (c: Context) => {
    const existing = cookies(c)[CSRF_COOKIE];
    const key = await csrfSecret();
    return verifySignedToken(existing, key) ? { token: existing!, fresh: false } : { token: signedToken(key), fresh: true };
  };
  return {
    session,
    checkCsrf,
    csrfToken,
    need: (roles, opts = {}) =>
      createMiddleware<SignedIn>(async (c, next) => {
        const s = await session(c);
        if (opts.write) await checkCsrf(c, s);
        if (!s) throw new Unauthenticated(msg('auth.sign_in'));
        if (roles && !roles.includes(s.account.role)) {
          const role = s.account.role;
          throw new Forbidden(msg('auth.role', { roles: roles.join(' or '), role, roles_zh: rolesIn(roles, 'zh'), role_zh: rolesIn([role], 'zh') }), 'role');
        }
        c.set('session', s);
        await next();
      }),
    anonymousWrite: createMiddleware(async (c, next) => {
      await checkCsrf(c, undefined);
      await next();
    }),
  };
}
