/** What the 票决 route modules share: their dependencies, the readers' roles and the success envelope. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Role } from '../../accounts/roles.js';
import type { Repository } from '../../store/repository.js';
import type { BoxPolicy } from '../../votes/ballot-box.js';
import type { Auth } from '../middleware/auth.js';

export interface VoteDeps {
  readonly repo: Repository;
  readonly auth: Auth;
  readonly now: () => Date;
  /** The client's address, for the wrong-code limit (the socket's peer unless proxies are trusted). */
  readonly address: (c: Context) => string;
  /** When the ballot box writes waiting ballots (default: ten waiting, or five seconds). */
  readonly box?: BoxPolicy;
}

/** Who may read a session's running state (leaders follow it; unit officers have no part in it). */
export const READ: Role[] = ['admin', 'supervisor', 'leader'];

/** `{ ok: true, …shape }`: the success envelope. */
export const okEnvelope = <T extends z.ZodRawShape>(shape: T) => z.object({ ok: z.literal(true), ...shape });
