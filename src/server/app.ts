/**
 * The HTTP app (hono). Feature route modules are mounted under /api; each
 * route is described once with zod (validation, types and the generated
 * OpenAPI document). Middleware: the format suffix, the read cache, body
 * limits, sessions and CSRF; one error handler answers with one envelope.
 * `app.request()` answers in-process (tests, `luoshi get`) exactly as the
 * server does.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { clientAddress } from './middleware/client.js';
import { bodyLimit } from 'hono/body-limit';
import { Accounts, DEFAULT_SESSION_TTL_MS } from '../accounts/service.js';
import { AccountStore } from '../accounts/store.js';
import { TooLarge } from '../errors.js';
import { Ledger } from '../ledger/service.js';
import { Proposals } from '../proposals/service.js';
import type { Repository } from '../store/repository.js';
import type { BoxPolicy } from '../votes/ballot-box.js';
import type { AppEnv } from './env.js';
import { notFoundHandler, onError, validationHook } from './errors.js';
import { makeAuth } from './middleware/auth.js';
import { readCache } from './middleware/cache.js';
import { format, routePath } from './middleware/format.js';
import { securityHeaders } from './middleware/security.js';
import { finishBody } from './middleware/compress.js';
import { refuseNul } from './middleware/text-input.js';
import { ok, openApiDocument } from './openapi.js';
import { sharePage } from './share.js';
import { cascadeRoutes } from './routes/cascade.js';
import { accountRoutes } from './routes/accounts.js';
import { ledgerRoutes, type LedgerOptions } from './routes/ledger/index.js';
import { proposalRoutes } from './routes/proposals/index.js';
import { reportRoutes, type ImportQuota } from './routes/reports.js';
import { rulingRoutes } from './routes/rulings.js';
import { Rulings } from '../rulings/service.js';
import { sharedReaderPool, type ReaderPool } from '../import/index.js';
import { voteRoutes } from './routes/votes.js';
import { withdrawalRoutes } from './routes/withdrawals.js';
import { peopleRoutes } from './routes/people.js';

export type { ImportQuota };

export interface AppOptions {
  /** Largest upload accepted, in bytes. */
  readonly maxUploadBytes?: number;
  /** Serves the web UI's files for paths outside /api and /-/ . */
  readonly staticHandler?: (path: string) => Promise<Response | undefined>;
  /** The supervision ledger's clock, light rules and cookie settings. */
  readonly ledger?: LedgerOptions;
  /** Cache public GET answers between writes (default on). */
  readonly cache?: boolean;
  /** The clock (tests move it); the ledger uses it unless `ledger.now` is given. */
  readonly now?: () => Date;
  /** What one account may import through the API in a rolling day. */
  readonly importQuota?: ImportQuota;
  /**
   * Serving over HTTPS (a TLS proxy in front): cookies are marked Secure and
   * browsers are told to keep to HTTPS (HSTS).
   */
  readonly secureCookies?: boolean;
  /**
   * How many proxies in front of the server append to X-Forwarded-For; 0
   * (default): the socket's peer is the client and the header is ignored.
   */
  readonly trustedProxies?: number;
  /** The worker threads that read uploads (default: one pool shared by the process). */
  readonly readers?: ReaderPool;
  /** 票决: when the ballot box writes waiting ballots (see src/votes/ballot-box.ts). */
  readonly votes?: { readonly box?: BoxPolicy };
}

export const DEFAULT_MAX_UPLOAD = 32 * 1024 * 1024;

/** Enough for an office loading its own decades of reports in a day; far from filling a disk. */
export const DEFAULT_IMPORT_QUOTA: ImportQuota = { files: 500, bytes: 512 * 1024 * 1024 };

/** JSON bodies of the API's forms are small; uploads have their own, larger limits. */
const MAX_JSON_BODY = 1024 * 1024;

/** Public report reads (and the liveness answer, whose counts are of report data): the same answer until the next write. */
const CACHED = ['/-/health', '/api/reports', '/api/documents', '/api/targets', '/api/outcomes', '/api/commitments', '/api/search', '/api/check', '/api/compare', '/api/cascade', '/api/rulings', '/api/openapi'];

/**
 * How long a cached read may be served: long, because an answer is served only while the data
 * version it was read at is current (see readCache); the limit only bounds a forgotten entry's life.
 */
const CACHE_TTL_MS = 60_000;

export type App = OpenAPIHono<AppEnv>;

/** The validator's hash, computed in place: WebCrypto's (hono's default) is a round trip through the thread pool per answer. */

export function createApp(repo: Repository, options: AppOptions = {}): App {
  const now = options.ledger?.now ?? options.now ?? (() => new Date());
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const accounts = new AccountStore(repo);
  const auth = makeAuth(accounts, now);
  const secureCookies = options.secureCookies ?? options.ledger?.secureCookies ?? false;
  const address = (c: Context) => clientAddress(c, options.trustedProxies ?? 0);

  const app = new OpenAPIHono<AppEnv>({ getPath: routePath, defaultHook: validationHook });
  app.onError(onError);
  const notFound = notFoundHandler(() => app.routes);
  app.notFound(notFound);

  // Outermost: a hit is the finished answer (security headers, compression and validator included), which no
  // other middleware touches again — under load most reads are hits, and each layer a hit passes costs.
  if (options.cache !== false) app.use('*', readCache({ prefixes: CACHED, version: () => repo.changeToken(), tokenCountsOwnWrites: true, ttlMs: CACHE_TTL_MS }));
  app.use('*', securityHeaders({ https: secureCookies }));
  // Reads carry a validator, so a client that has the answer gets a 304; bodies are compressed.
  app.use('*', finishBody);
  app.use('/api/*', format);
  // Uploads (reports, spreadsheets) set their own limits; every other body is a small JSON form.
  const uploadLimit = bodyLimit({ maxSize: maxUploadBytes, onError: () => {
    throw new TooLarge(`upload too large: the limit is ${maxUploadBytes} bytes`);
  } });
  const formLimit = bodyLimit({ maxSize: MAX_JSON_BODY, onError: () => {
    throw new TooLarge(`the request body is too large: the limit is ${MAX_JSON_BODY} bytes`);
  } });
  app.use('/api/*', async (c, next) => {
    // A GET or HEAD carries no body (a Request built for one has none, whatever the client sent), and
    // asking for it makes the node adapter build that whole Request, with its headers and abort signal:
    // ~5 % of a server's CPU under the mixed load, where most requests are reads.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const upload = c.req.path === '/api/import' || /\/import(-plan)?$|\/(deputies|people)\/import$/.test(c.req.path);
    return (upload ? uploadLimit : formLimit)(c, next);
  });

  app.use('/api/*', refuseNul);

  app.openapi(
    createRoute({
      method: 'get', path: '/-/health', summary: 'Liveness, the store engine and its counts',
      responses: { 200: ok(z.object({ ok: z.literal(true), engine: z.enum(['sqlite', 'postgres']), counts: z.record(z.string(), z.number()) })) },
    }),
    async (c) => c.json({ ok: true as const, engine: repo.engine, counts: await repo.counts() }, 200),
  );
  app.route('/api', reportRoutes({ repo, auth, now, maxUploadBytes, importQuota: options.importQuota ?? DEFAULT_IMPORT_QUOTA, readers: () => options.readers ?? sharedReaderPool() }));
  app.route('/api', withdrawalRoutes({ repo, auth, now }));
  app.route('/api', cascadeRoutes(repo));
  app.route('/api', voteRoutes({ repo, auth, now, box: options.votes?.box, address }));
  const ledger = options.ledger ?? {};
  app.route('/api', accountRoutes({ accounts: new Accounts(accounts, { ttlMs: ledger.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS }), auth, now, secureCookies, address }));
  app.route('/api', peopleRoutes({ store: accounts, auth, now, address }));
  app.route('/api', ledgerRoutes(new Ledger(repo, accounts, now, ledger.lightRules), auth));
  app.route('/api', proposalRoutes(new Proposals(repo, accounts, now), auth));
  app.route('/api', rulingRoutes(new Rulings(repo, now), auth));
  app.openapi(
    createRoute({ method: 'get', path: '/api/openapi.json', summary: 'This document: every route, generated from the routes\' own schemas', responses: { 200: ok(z.record(z.string(), z.unknown())) } }),
    (c) => c.json(openApiDocument(app), 200),
  );


  if (options.staticHandler) {
    const files = options.staticHandler;
    app.get('/check/:place/:year/item/:key', async (c) => (await sharePage(c, repo, files)) ?? notFound(c));
    app.get('*', async (c) => (await files(c.req.path)) ?? notFound(c));
  }
  return app;
}
