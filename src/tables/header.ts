/**
 * Finding a table's header row and its columns by the names offices give
 * them. Each feature keeps its synonyms as data (a record from a header's
 * text to a column); this module does the finding the same way for all.
 */
import { TableFileError } from './read.js';

/** Header text without spaces, quotes, colons, brackets and required-field stars. */
export const normHeader = (s: string) => s.replace(/[\s\u3000"“”*＊:：()（）]/g, '');

export interface Header<C extends string> {
  /** Index of the header row (a title row may come before it). */
  readonly at: number;
  /** Each header cell's text and the column it was read as (null: not recognised). */
  readonly columns: Record<string, C | null>;
  /** One line per header cell that was not recognised. */
  readonly problems: string[];
  /** Indexes of every cell read as `column`. */
  cols(column: C): number[];
  /** Index of the first cell read as `column`, or -1. */
  col(column: C): number;
}

/**
 * The first row among the first `lookahead` that has a cell for `required`,
 * read with `synonyms`; a TableFileError naming `requiredNames` when none has.
 */
export function findHeader<C extends string>(table: readonly (readonly string[])[], synonyms: Readonly<Record<string, C>>, required: NoInfer<C>, requiredNames: string, lookahead = 10): Header<C> {
  const of = (cell: string): C | undefined => synonyms[normHeader(cell)];
  const at = table.slice(0, lookahead).findIndex((r) => r.some((c) => of(c) === required));
  if (at < 0) throw new TableFileError(`no ${requiredNames} column in the first rows`);
  const header = table[at];
  const columns: Record<string, C | null> = {};
  const problems: string[] = [];
  header.forEach((h, i) => {
    if (!h.trim()) return;
    const c = of(h) ?? null;
    columns[h.trim()] = c;
    if (!c) problems.push(`第${i + 1}列「${h.trim()}」无法识别，已忽略`);
  });
  const cols = (c: C) => header.map((h, i) => (of(h) === c ? i : -1)).filter((i) => i >= 0);
  return { at, columns, problems, cols, col: (c) => cols(c)[0] ?? -1 };
}

/** A cell listing several units or names: split on the separators people type. */
export const splitList = (s: string) => s.split(/[、,，;；/／\n]+|\s{2,}/).map((x) => x.trim()).filter(Boolean);
