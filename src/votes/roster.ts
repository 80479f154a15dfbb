/**
 * A deputy roster as congress offices keep it: a spreadsheet (CSV or XLSX)
 * or lines pasted from one, with 姓名 and usually 代表团.
 */
export interface RosterEntry {
  name: string;
  delegation: string | null;
}

const NAME = /^(姓名|代表姓名|代表|name)$/i;
const DELEGATION = /^(代表团|所在代表团|团组|代表团组|选区|delegation)$/i;
const clean = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();

/**
 * Rows to entries. A header row (within the first five) names the columns;
 * without one the first column is the name and the second the delegation.
 * A leading 序号 is dropped from a name.
 */
export function rosterFromRows(rows: readonly (readonly string[])[]): RosterEntry[] {
  const headerAt = rows.slice(0, 5).findIndex((r) => r.some((c) => NAME.test(clean(c))));
  const header = headerAt >= 0 ? rows[headerAt].map(clean) : [];
  const nameCol = headerAt >= 0 ? header.findIndex((c) => NAME.test(c)) : 0;
  const delegationCol = headerAt >= 0 ? header.findIndex((c) => DELEGATION.test(c)) : 1;
  const out: RosterEntry[] = [];
  for (const r of rows.slice(headerAt + 1)) {
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
