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
  abstract readonly status: number;
  /** Stable, lower_snake_case: clients branch and translate on it, never on the message. */
  abstract readonly code: string;
  /** The catalogued sentence, worded in the reader's language by the server and the CLI; `message` is its English. */
  readonly msg?: Msg;
  constructor(
    message: Text,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(typeof message === 'string' ? message : say(message, 'en'));
    if (typeof message !== 'string') this.msg = message;
  }
}

/** 400: the request itself is malformed (syntax, unknown parameters). */
export class BadRequest extends DomainError {
  override readonly name: string = 'BadRequest';
  readonly status = 400;
  constructor(
    message: Text,
    errors: readonly FieldProblem[] = [],
    readonly code: string = 'bad_request',
  ) {
    super(message, errors);
  }
}

/** 401: nobody is signed in. */
export class Unauthenticated extends DomainError {
  override readonly name: string = 'Unauthenticated';
  readonly status = 401;
  readonly code = 'unauthenticated';
}

/** 403: signed in (or not), but this account may not do this. */
export class Forbidden extends DomainError {
  override readonly name: string = 'Forbidden';
  readonly status = 403;
  constructor(
    message: Text,
    readonly code: string = 'forbidden',
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  override readonly name: string = 'NotFound';
  readonly status = 404;
  readonly code: string = 'not_found';
}

/** 409: the request clashes with the current state (a duplicate, a step the state does not allow). */
export class Conflict extends DomainError {
  override readonly name: string = 'Conflict';
  readonly status = 409;
  constructor(
    message: Text,
    readonly code: string = 'conflict',
    errors: readonly FieldProblem[] = [],
  ) {
    super(message, errors);
  }
}

/** 413: the input is larger than a limit, before or after expansion. */
export class TooLarge extends DomainError {
  override readonly name: string = 'TooLarge';
  readonly status = 413;
  readonly code = 'too_large';
}

/** 422: well-formed, but the content cannot be used (unknown unit, an unreadable file, a date before another). */
export class InvalidInput extends DomainError {
  override readonly name: string = 'InvalidInput';
  readonly status = 422;
  constructor(
    message: Text,
    errors: readonly FieldProblem[] = [],
    readonly code: string = 'invalid_input',
  ) {
    super(message, errors);
  }
}

/** 429: too many attempts or too much volume; try again after `retryAfter` seconds when known. */
export class TooMany extends DomainError {
  override readonly name: string = 'TooMany';
  readonly status = 429;
  constructor(
    message: Text,
    readonly retryAfter?: number,
    readonly code: string = 'too_many',
  ) {
    super(message);
  }
}

/** 503: the server cannot take this now (its readers are all busy); try again shortly. */
export class Unavailable extends DomainError {
  override readonly name: string = 'Unavailable';
  readonly status = 503;
  readonly code = 'busy';
}

/**
 * 409 on a versioned record: someone changed it since the caller read it.
 * `current` is the record as it is now (in the shape the caller reads), so a
 * client can show it and let the user apply the change again.
 */
export class StaleVersion extends DomainError {
  override readonly name: string = 'StaleVersion';
  readonly status = 409;
  readonly code = 'stale_version';
  constructor(
    message: Text,
    readonly current: unknown,
  ) {
    super(message);
  }
}
