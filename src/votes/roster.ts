/**
 * A deputy roster as congress offices keep it: a spreadsheet (CSV or XLSX,
 * read by src/tables) or lines pasted from one, with 姓名 and usually 代表团.
 */
import { findHeader } from '../tables/header.js';
import { TableFileError } from '../tables/read.js';

export interface RosterEntry {
  name: string;
  delegation: string | null;
}

type RosterColumn = 'name' | 'delegation';

/** Header texts offices use (after normHeader: no spaces, colons or brackets). */
const HEADERS: Record<string, RosterColumn> = {
  姓名: 'name', 代表姓名: 'name', 代表: 'name', name: 'name', Name: 'name', NAME: 'name',
  代表团: 'delegation', 所在代表团: 'delegation', 团组: 'delegation', 代表团组: 'delegation', 选区: 'delegation', delegation: 'delegation', Delegation: 'delegation',
};

const clean = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();

/** The header row among the first five, or undefined when the rows have none (then columns go by position). */
function headerOf(rows: readonly (readonly string[])[]) {
  try {
    return findHeader(rows, HEADERS, 'name', '姓名', 5);
  } catch (e) {
    if (e instanceof TableFileError) return undefined;
    throw e;
  }
}

/**
 * Rows to entries. A header row (within the first five) names the columns;
 * without one the first column is the name and the second the delegation.
 * A leading 序号 is dropped from a name.
 */
export function rosterFromRows(rows: readonly (readonly string[])[]): RosterEntry[] {
  const header = headerOf(rows);
  const nameCol = header ? header.col('name') : 0;
  const delegationCol = header ? header.col('delegation') : 1;
  const out: RosterEntry[] = [];
  for (const r of rows.slice(header ? header.at + 1 : 0)) {
    const name = clean(r[nameCol]).replace(/^\d+[.、\s]*/, '');
    if (!name) continue;
    out.push({ name: name.slice(0, 50), delegation: delegationCol >= 0 ? clean(r[delegationCol]) || null : null });
  }
  return out;
}

/** Lines pasted from a spreadsheet: cells split by tabs or commas. */
export function parseRoster(text: string): RosterEntry[] {
  return rosterFromRows(text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.split(/\t|,|，/)));
}
