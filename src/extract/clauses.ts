/**
 * Cutting a passage into sentences and clauses: the units the indicator
 * grammar (items.ts) and the review's observations read one at a time.
 */

/** A stretch of text between clause punctuation. */
export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The punctuation that ends it. */
  readonly stop: string;
}

const CLAUSE_STOP = /[，,；;。！!？?\n：:]/g;

/**
 * Longer than any clause of a report (the corpus's longest is 269 characters).
 * A run that long without clause punctuation is a list run together or junk,
 * and reading a clause looks at its text once per figure: left out, it keeps
 * parsing linear (145 KB of figures joined by 、 took 6 s, issue 15).
 */
const MAX_CLAUSE = 1000;

/** Clauses of `text`, except those longer than MAX_CLAUSE. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    // a line break inside a paragraph is a cut line (a hyperlinked word, a figure split from
    // its unit), not a clause boundary, unless a mark ends the line
    else if (depth === 0 && (/[，,；;。！!？?：:]/.test(c) || (c === '\n' && /[，,；;。！!？?：:]/.test(text[i - 1] ?? '')))) {
      if (i > last && i - last <= MAX_CLAUSE) out.push({ start: last, end: i, text: text.slice(last, i), stop: c });
      last = i + 1;
    }
  }
  if (last < text.length && text.length - last <= MAX_CLAUSE) out.push({ start: last, end: text.length, text: text.slice(last), stop: '' });
  void CLAUSE_STOP;
  return out;
}

/** Sentences: split at 。！？ and line ends. */
export function splitSentences(text: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/[。！!？?]/.test(c) || (c === '\n' && /[。！？!?：:；;]/.test(text[i - 1] ?? '。'))) {
      if (i > last) out.push({ start: last, end: i + 1, text: text.slice(last, i + 1), stop: c });
      last = i + 1;
    }
  }
  if (last < text.length) out.push({ start: last, end: text.length, text: text.slice(last), stop: '' });
  return out;
}
