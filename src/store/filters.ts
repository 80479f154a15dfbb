/**
 * The WHERE clause of a document filter, shared by the repository and the
 * engines' search (which must filter inside the index query to page it).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Level } from '../vocab.js';
import type { Database } from './schema.js';

export interface DocumentFilter {
  jurisdiction?: string;
  level?: Level;
  yearFrom?: number;
  yearTo?: number;
}

/** The columns a document filter reads: `documents as d`, or a selection of them under that name. */
export type FilterableAsD = { d: Pick<Database['documents'], 'jurisdiction' | 'level' | 'report_year'> };

/** The WHERE clause of a document filter, over `documents as d` (or rows of it selected as `d`). */
export function documentFilter(f: DocumentFilter) {
  return (eb: ExpressionBuilder<FilterableAsD, 'd'>) => {
    const conds: Expression<SqlBool>[] = [];
    // SQLite has no default LIKE escape character; name it for both engines.
    if (f.jurisdiction) conds.push(sql<SqlBool>`d.jurisdiction like ${`%${escapeLike(f.jurisdiction)}%`} escape '\\'`);
    if (f.level) conds.push(eb('d.level', '=', f.level));
    if (f.yearFrom !== undefined) conds.push(eb('d.report_year', '>=', f.yearFrom));
    if (f.yearTo !== undefined) conds.push(eb('d.report_year', '<=', f.yearTo));
    return eb.and(conds);
  };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

