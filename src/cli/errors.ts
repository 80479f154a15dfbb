/**
 * How a command ends when it cannot do its job: one line `luoshi: …` on
 * stderr, with --json also `{ "ok": false, "error": { status, code, message } }`
 * on stdout, and an exit code: 2 when the command line itself is wrong (the
 * API's 400), 1 when the work failed (nothing found, unreadable input…).
 */
import { BadRequest, DomainError } from '../errors.js';
import { say } from '../messages.js';
import { cliLanguage } from './locale.js';

/** The command line cannot be run as given: an unknown or invalid option, a missing one. */
export class UsageError extends BadRequest {
  override readonly name = 'UsageError';
  constructor(message: string, option?: string) {
    super(message, option ? [{ field: option, message }] : [], 'invalid_option');
  }
}

export interface Failure {
  readonly exit: 1 | 2;
  readonly status?: number;
  readonly code: string;
  readonly message: string;
}

/**
 * What an error means to the caller. Domain errors say it themselves; two
 * errors of lower layers that predate them are known by name, and the
 * system's errors by their errno code. Anything else is a defect: the caller
 * gets its stack.
 */
export function failureOf(e: unknown): Failure {
  // A catalogued sentence in the locale's language (src/messages.ts); one not yet catalogued as written.
  if (e instanceof DomainError) return { exit: e.status === 400 ? 2 : 1, status: e.status, code: e.code, message: e.msg ? say(e.msg, cliLanguage()) : e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'ReportNotFound') return { exit: 1, status: 404, code: 'not_found', message: err.message };
  if (err.name === 'StoreError') return { exit: 1, code: 'store', message: err.message };
  // The system refused (a file that cannot be written, a port in use): its own message says what and where.
  const errno = (err as NodeJS.ErrnoException).code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return { exit: 1, code: errno.toLowerCase(), message: err.message };
  return { exit: 1, status: 500, code: 'internal', message: err.stack ?? err.message };
}
