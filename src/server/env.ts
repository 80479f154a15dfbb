/**
 * What every route and middleware of the app shares: the hono environment
 * (per-request variables) and the services a route module is built from.
 */
import type { Session } from '../accounts/store.js';
import type { Lang } from '../vocab.js';

/** The forms a list answers in: `/api/x`, `/api/x.csv`, `/api/x.xlsx` (or `?_format=`). */
export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface AppEnv {
  Variables: {
    format: Format;
    /** The language of an export's headers and values (`?lang=en`); unset means Chinese. */
    lang?: Lang;
  };
}

/** Variables a route sees after the `auth.need()` middleware. */
export interface SignedIn {
  Variables: {
    session: Session;
  };
}
