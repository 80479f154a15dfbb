/**
 * Errors the domain raises, each knowing what it means to a caller: an HTTP
 * status and a stable code the web app (and any client) can translate. The
 * server maps them in one place (src/server/errors.ts); the CLI prints the
 * message. Subclasses name the kind, not the feature: a missing task and a
 * missing 票决 session are both `NotFound`.
 */

import { say, type Msg } from './messages.js';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** What an error says: a sentence of the catalogue (src/messages.ts) with its values, or (not yet catalogued) an English sentence. */
export type Text = string | Msg;

export abstract class DomainError extends Error {
  /** The catalogued sentence, worded in the reader's language by the server and the CLI; `message` is its English. */
  readonly msg?: Msg;
  constructor(
    readonly status: number,
    /** Stable, lower_snake_case: clients branch and translate on it, never on the message. */
    readonly code: string,
    message: Text,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(typeof message === 'string' ? message : say(message, 'en'));
    if (typeof message !== 'string') this.msg = message;
    // The subclass's name (BadRequest, Conflict…) in logs and stack traces.
    this.name = new.target.name;
  }
}

/** 400: the request itself is malformed (syntax, unknown parameters). */
export class BadRequest extends DomainError {
  constructor(message: Text, errors: readonly FieldProblem[] = [], code = 'bad_request') {
    super(400, code, message, errors);
  }
}

/** 401: nobody is signed in. */
export class Unauthenticated extends DomainError {
  constructor(message: Text) {
    super(401, 'unauthenticated', message);
  }
}

/** 403: signed in (or not), but this account may not do this. */
export class Forbidden extends DomainError {
  constructor(message: Text, code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFound extends DomainError {
  constructor(message: Text, code = 'not_found') {
    super(404, code, message);
  }
}

/** 409: the request clashes with the current state (a duplicate, a step the state does not allow). */
export class Conflict extends DomainError {
  constructor(message: Text, code = 'conflict', errors: readonly FieldProblem[] = []) {
    super(409, code, message, errors);
  }
}

/** 413: the input is larger than a limit, before or after expansion. */
export class TooLarge extends DomainError {
  constructor(message: Text) {
    super(413, 'too_large', message);
  }
}

/** 422: well-formed, but the content cannot be used (unknown unit, an unreadable file, a date before another). */
export class InvalidInput extends DomainError {
  constructor(message: Text, errors: readonly FieldProblem[] = [], code = 'invalid_input') {
    super(422, code, message, errors);
  }
}

/** 429: too many attempts or too much volume; try again after `retryAfter` seconds when known. */
export class TooMany extends DomainError {
  constructor(
    message: Text,
    readonly retryAfter?: number,
    code = 'too_many',
  ) {
    super(429, code, message);
  }
}

/** 503: the server cannot take this now (its readers are all busy); try again shortly. */
export class Unavailable extends DomainError {
  constructor(message: Text) {
    super(503, 'busy', message);
  }
}

/**
 * 409 on a versioned record: someone changed it since the caller read it.
 * `current` is the record as it is now (in the shape the caller reads), so a
 * client can show it and let the user apply the change again.
 */
export class StaleVersion extends DomainError {
  constructor(
    message: Text,
    readonly current: unknown,
  ) {
    super(409, 'stale_version', message);
  }
}
