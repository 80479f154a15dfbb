/**
 * The 督办 ledger's sub-app: tasks and their steps (tasks.ts) and the views
 * of a whole ledger (views.ts), and the draft review (draft.ts), over one
 * `Ledger` service.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { LightRules } from '../../../ledger/lights.js';
import type { Ledger } from '../../../ledger/service.js';
import type { AppEnv } from '../../env.js';
import type { Auth } from '../../middleware/auth.js';
import { DraftReviews } from '../../../draft/service.js';
import { draftRoutes } from './draft.js';
import { taskRoutes } from './tasks.js';
import { viewRoutes } from './views.js';

/** The ledger's settings, and the accounts' (it was the first feature to need them). */
export interface LedgerOptions {
  /** The clock (tests move it). */
  readonly now?: () => Date;
  readonly lightRules?: Partial<LightRules>;
  /** Mark cookies Secure (serving over HTTPS); also `AppOptions.secureCookies`. */
  readonly secureCookies?: boolean;
  readonly sessionTtlMs?: number;
}

export function ledgerRoutes(ledger: Ledger, auth: Auth): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.route('/', taskRoutes(ledger, auth));
  app.route('/', viewRoutes(ledger, auth));
  app.route('/', draftRoutes(new DraftReviews(ledger), auth));
  return app;
}
