/**
 * Where a query occurs in a stored text, for one page of search hits: how
 * often (non-overlapping, left to right) and a snippet for each of the first
 * few occurrences. Offsets are the text's own as JavaScript counts them
 * (UTF-16 units), whichever form the text arrives in.
 *
 * The text may arrive as its UTF-8 bytes: making a JavaScript string of a
 * report (tens of kilobytes of three-byte characters) costs far more than
 * finding a query in it, and a page of hits needs only the few stretches
 * around its snippets. UTF-8 is self-synchronising, so the query's bytes
 * match exactly where its characters do.
 */
import type { Snippet } from './types.js';

/** Characters of context either side of a snippet's match. */
export const SNIPPET_CONTEXT = 30;

export interface Occurrences {
  readonly matches: number;
  readonly snippets: Snippet[];
}

export function occurrencesIn(text: string | Uint8Array, q: string, keep: number): Occurrences {
  if (q.length === 0) return { matches: 0, snippets: [] };
  if (typeof text === 'string') return inString(text, q, keep);
  const buf = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const qb = exactUtf8(q);
  return qb ? inUtf8(buf, q, qb, keep) : inString(buf.toString('utf8'), q, keep);
}

/** A string's UTF-8, if it has an exact one: a lone surrogate has none (compare as strings then). */
export function exactUtf8(q: string): Buffer | undefined {
  const bytes = Buffer.from(q, 'utf8');
  return bytes.toString('utf8') === q ? bytes : undefined;
}

/** Where `q` starts in `text`, each occurrence after the previous one's end. */
export function findAll(text: string, q: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) out.push(at);
  return out;
}

export function snippetAt(text: string, at: number, len: number): Snippet {
  return { start: at, end: at + len, before: text.slice(Math.max(0, at - SNIPPET_CONTEXT), at), match: text.slice(at, at + len), after: text.slice(at + len, at + len + SNIPPET_CONTEXT) };
}

function inString(text: string, q: string, keep: number): Occurrences {
  const at = findAll(text, q);
  return { matches: at.length, snippets: at.slice(0, keep).map((p) => snippetAt(text, p, q.length)) };
}

const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/** UTF-16 units of the UTF-8 bytes [from, to): one per character, two for one of four bytes. */
function utf16Units(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (!isContinuation(b)) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

function inUtf8(buf: Buffer, q: string, qb: Buffer, keep: number): Occurrences {
  // A UTF-16 unit takes at most three bytes, so this many bytes (less a cut character) hold the context.
  const window = 3 * SNIPPET_CONTEXT + 3;
  let matches = 0;
  const snippets: Snippet[] = [];
  let units = 0; // UTF-16 offset of byte `counted`
  let counted = 0;
  for (let i = buf.indexOf(qb); i >= 0; i = buf.indexOf(qb, i + qb.length)) {
    matches++;
    if (snippets.length >= keep) continue;
    units += utf16Units(buf, counted, i);
    counted = i;
    let from = Math.max(0, i - window);
    while (from < i && isContinuation(buf[from])) from++;
    const end = i + qb.length;
    // A character cut at the window's end decodes as U+FFFD after the context, never inside it.
    const after = buf.toString('utf8', end, Math.min(buf.length, end + window)).slice(0, SNIPPET_CONTEXT);
    snippets.push({ start: units, end: units + q.length, match: q, before: buf.toString('utf8', from, i).slice(-SNIPPET_CONTEXT), after });
  }
  return { matches, snippets };
}
