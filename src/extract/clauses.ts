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

/**
 * The marks that end a clause: ，,；;。！!？?：: (full- and half-width). The splitters
 * below test every character of every passage, so they compare char codes
 * instead of running a regex per character.
 */
function isClauseStop(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || isSentenceStop(c) || c === 0xff1a || c === 0x3a;
}

/** The marks that end a sentence: 。！!？?. */
function isSentenceStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f;
}

/** A mark before a line break that makes the break a sentence end: 。！？!?：:；;. */
function isLineEndingStop(c: number): boolean {
  return isSentenceStop(c) || c === 0xff1a || c === 0x3a || c === 0xff1b || c === 0x3b;
}

/**
 * Longer than any clause of a report (the corpus's longest is 269 characters).
 * A run that long without clause punctuation is a list run together or junk,
 * and reading a clause looks at its text once per figure: left out, it keeps
 * parsing linear (145 KB of figures joined by 、 took 6 s, issue 15).
 */
export const MAX_CLAUSE = 1000;

/** Clauses of `text`, except those longer than MAX_CLAUSE. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++; // （ (
    else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--; // ） )
    // a line break inside a paragraph is a cut line (a hyperlinked word, a figure split from
    // its unit), not a clause boundary, unless a mark ends the line
    else if (depth === 0 && (isClauseStop(c) || (c === 0x0a && i > 0 && isClauseStop(text.charCodeAt(i - 1))))) {
      if (i > last && i - last <= MAX_CLAUSE) out.push({ start: last, end: i, text: text.slice(last, i), stop: text[i] });
      last = i + 1;
    }
  }
  if (last < text.length && text.length - last <= MAX_CLAUSE) out.push({ start: last, end: text.length, text: text.slice(last), stop: '' });
  return out;
}

/** Sentences: split at 。！？ and line ends. */
export function splitSentences(text: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a line break ends a sentence after a mark that ends one, or at the start of the text
    if (isSentenceStop(c) || (c === 0x0a && (i === 0 || isLineEndingStop(text.charCodeAt(i - 1))))) {
      if (i > last) out.push({ start: last, end: i + 1, text: text.slice(last, i + 1), stop: text[i] });
      last = i + 1;
    }
  }
  if (last < text.length) out.push({ start: last, end: text.length, text: text.slice(last), stop: '' });
  return out;
}
