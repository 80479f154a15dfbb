/**
 * Where a query occurs in a stored text, for one page of search hits: how
 * often (non-overlapping, left to right) and a snippet for each of the first
 * few occurrences. Offsets are the text's own as JavaScript counts them
 * (UTF-16 units).
 */
import type { Snippet } from './types.js';

/** Characters of context either side of a snippet's match. */
export const SNIPPET_CONTEXT = 30;

export interface Occurrences {
  readonly matches: number;
  readonly snippets: Snippet[];
}

export function occurrencesIn(text: string, q: string, keep: number): Occurrences {
  if (q.length === 0) return { matches: 0, snippets: [] };
  const at = findAll(text, q);
  return { matches: at.length, snippets: at.slice(0, keep).map((p) => snippetAt(text, p, q.length)) };
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
