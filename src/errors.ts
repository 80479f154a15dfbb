/**
 * Errors the domain raises, each knowing what it means to a caller: an HTTP
 * status and a stable code the web app (and any client) can translate. The
 * server maps them in one place (src/server/errors.ts); the CLI prints the
 * message. Subclasses name the kind, not the feature: a missing task and a
 * missing 票决 session are both `NotFound`.
 */

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Stable, lower_snake_case: clients branch and translate on it, never on the message. */
  abstract readonly code: string;
  constructor(
    message: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** 400: the request itself is malformed (syntax, unknown parameters). */
export class BadRequest extends DomainError {
  override readonly name: string = 'BadRequest';
  readonly status = 400;
  constructor(
    message: string,
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
    message: string,
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
    message: string,
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
    message: string,
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
    message: string,
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
    message: string,
    readonly current: unknown,
  ) {
    super(message);
  }
}
