/**
 * Diagnostics attach to the source, not to exceptions (vfile-style): every
 * repair the reader makes and every doubt it has is a message with a rule id
 * and a place in the original file.
 */
export type Severity = 'info' | 'warning' | 'error';

export interface Diagnostic {
  /** Stable id such as `ingest/gbk-mojibake`; tests and the UI key on it. */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offset in the original file (unit given by the source's `offsetUnit`). */
  readonly offset?: number;
  readonly actual?: string;
  readonly expected?: string;
}

export function diag(
  ruleId: string,
  severity: Severity,
  message: string,
  extra: Partial<Pick<Diagnostic, 'offset' | 'actual' | 'expected'>> = {},
): Diagnostic {
  return { ruleId, severity, message, ...extra };
}

/**
 * Raised when input is unusable; carries the file and a one-line reason.
 * `status` is what it means to an HTTP caller: 422, the bytes cannot be read
 * as a report (413 for a ReadLimitExceeded).
 */
export class UnreadableInputError extends Error {
  override readonly name: string = 'UnreadableInputError';
  readonly status: 413 | 422 = 422;
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly ruleId: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * What a reader refuses to go past (src/ingest/limits.ts). Sizes and counts
 * are of what the file expands to; `nesting` is elements inside elements.
 */
export type ReadLimit =
  | 'file-size'
  | 'archive-entries'
  | 'part-size'
  | 'expanded-size'
  | 'xml-elements'
  | 'paragraphs'
  | 'nesting';

/**
 * Raised while reading, as soon as a limit is passed, before the memory or
 * time it guards is spent. 413 (too large once expanded) for sizes and counts,
 * 422 for nesting, which no real document reaches.
 */
export class ReadLimitExceeded extends UnreadableInputError {
  override readonly name = 'ReadLimitExceeded';
  override readonly status: 413 | 422;
  constructor(
    file: string,
    readonly limit: ReadLimit,
    /** The limit's value; `actual` is how far reading got when it stopped (at least max + 1). */
    readonly max: number,
    readonly actual: number,
    what: string,
  ) {
    super(file, `${what}: over the limit of ${max.toLocaleString('en')} (${limit})`, `ingest/limit-${limit}`);
    this.status = limit === 'nesting' ? 422 : 413;
  }
}
