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

/** Raised when input is unusable; carries the file and a one-line reason. */
export class UnreadableInputError extends Error {
  override readonly name = 'UnreadableInputError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly ruleId: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
