/**
 * Who is asking, shared by the route modules that need an account (the
 * ledger, 票决 administration, 建议/提案 handling): the session from its
 * HTTP-only cookie, the double-submit CSRF check on every write, role checks
 * and the units a unit officer answers for.
 */
import { CSRF_COOKIE, CSRF_HEADER, parseCookies, sameToken, SESSION_COOKIE } from '../../accounts/auth.js';
import type { Role } from '../../accounts/roles.js';
import type { Account, AccountStore } from '../../accounts/store.js';
import { HttpError, type AppRequest } from './http.js';

export interface Session {
  account: Account;
  csrf: string;
  id: string;
}

export const MANAGE: Role[] = ['admin', 'supervisor'];

export class Access {
  constructor(
    private readonly store: AccountStore,
    private readonly now: () => Date,
  ) {}

  async session(req: AppRequest): Promise<Session | undefined> {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    return token ? this.store.session(token, this.now()) : undefined;
  }

  /** Double submit: the header must repeat the cookie (and the session's token when signed in). */
  checkCsrf(req: AppRequest, s: Session | undefined): void {
    const header = req.headers[CSRF_HEADER];
    const fromCookie = parseCookies(req.headers.cookie)[CSRF_COOKIE];
    if (!header || !sameToken(header, fromCookie) || (s && !sameToken(header, s.csrf))) {
      throw new HttpError(403, `missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header`);
    }
  }

  private need(s: Session | undefined, roles?: readonly Role[]): Session {
    if (!s) throw new HttpError(401, 'sign in first (POST /api/ledger/login)');
    if (roles && !roles.includes(s.account.role)) throw new HttpError(403, `this needs the role ${roles.join(' or ')}; you are ${s.account.role}`);
    return s;
  }

  /** A signed-in account (with one of `roles`, when given) for a read. */
  async reader(req: AppRequest, roles?: readonly Role[]): Promise<Session> {
    return this.need(await this.session(req), roles);
  }

  /** As `reader`, after the CSRF check a write needs. */
  async writer(req: AppRequest, roles?: readonly Role[]): Promise<Session> {
    const s = await this.session(req);
    this.checkCsrf(req, s);
    return this.need(s, roles);
  }

  /** Units a unit officer answers for (their unit and those below it); undefined: all. */
  async scope(a: Account): Promise<number[] | undefined> {
    if (a.role !== 'unit_officer') return undefined;
    return a.unit_id === null ? [] : this.store.unitSubtree(a.unit_id);
  }
}
