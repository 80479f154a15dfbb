/**
 * A list of 建议/提案 from a spreadsheet (CSV in UTF-8 or GBK, or XLSX, read
 * by the 分工方案 reader): 编号, 标题, 领衔人, 类型, 主办单位, 会办单位, 交办日期
 * under the names the congress and CPPCC offices use. Bad rows are reported
 * and never stop the others; the rows that pass go in one transaction.
 */
import { findHeader, normHeader, splitList } from '../tables/header.js';
import { TableFileError } from '../tables/read.js';
import { registerMany, type ImportItem } from './register.js';
import { isIsoDate, type ProposalKind } from './rules.js';
import type { ProposalColumn, ProposalImportResult, ProposalImportRow } from './schema.js';
import type { Actor, ProposalStore } from './store.js';

export type { ProposalColumn, ProposalImportResult, ProposalImportRow };

const HEADERS: Record<string, ProposalColumn> = {
  编号: 'number', 案号: 'number', 建议号: 'number', 提案号: 'number', 建议编号: 'number', 提案编号: 'number', 序号: 'seq',
  标题: 'title', 案由: 'title', 题目: 'title', 建议标题: 'title', 提案标题: 'title', 建议题目: 'title', 提案题目: 'title', 建议名称: 'title', 提案名称: 'title',
  领衔人: 'proposers', 提出人: 'proposers', 代表: 'proposers', 委员: 'proposers', 提案人: 'proposers', 建议人: 'proposers',
  领衔代表: 'proposers', 领衔委员: 'proposers', 代表姓名: 'proposers', 委员姓名: 'proposers', 提出者: 'proposers',
  类型: 'kind', 类别: 'kind',
  主办单位: 'lead', 承办单位: 'lead', 主办部门: 'lead', 承办部门: 'lead', 主办: 'lead',
  会办单位: 'assist', 协办单位: 'assist', 会办部门: 'assist', 协办部门: 'assist', 会办: 'assist', 协办: 'assist',
  交办日期: 'assigned', 交办时间: 'assigned',
  立案日期: 'received', 立案时间: 'received', 提出日期: 'received', 提交日期: 'received', 收到日期: 'received',
};

export function proposalColumn(cell: string): ProposalColumn | undefined {
  return HEADERS[normHeader(cell)];
}

/** 建议 / 代表建议 / 人大代表建议 → suggestion; 提案 / 政协提案 → proposal. */
export function kindOf(cell: string): ProposalKind | undefined {
  const c = normHeader(cell);
  if (/^(suggestion|proposal)$/i.test(c)) return c.toLowerCase() as ProposalKind;
  const s = c.includes('建议');
  const p = c.includes('提案');
  return s === p ? undefined : s ? 'suggestion' : 'proposal';
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** 2023-03-01, 2023/3/1, 2023.3.1, 2023年3月1日, or an Excel day number; undefined when unreadable. */
export function dateCell(cell: string): string | undefined {
  const c = cell.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(c);
  if (m) {
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  // A date cell stored as a number (days since 1899-12-30).
  if (/^\d{5}$/.test(c)) return new Date(EXCEL_EPOCH + Number(c) * 86_400_000).toISOString().slice(0, 10);
  return undefined;
}

export const splitNames = (s: string) => s.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean);

export async function importProposals(
  store: ProposalStore, table: string[][], where: { jurisdiction: string; year: number; kind?: ProposalKind }, by: Actor, filename: string,
): Promise<ProposalImportResult> {
  const { at: headerAt, columns, problems, col, cols } = findHeader(table, HEADERS, 'title', '标题 (标题, 案由 or 题目)');
  // A 序号 is the number only when the file has no 编号 / 案号.
  const numberCol = col('number') >= 0 ? col('number') : col('seq');
  const titleCol = col('title');
  const kindCol = col('kind');
  const assignedCol = col('assigned');
  const receivedCol = col('received');
  if (numberCol < 0) throw new TableFileError('no 编号 column (编号, 案号 or 序号)');
  if (kindCol < 0 && !where.kind) throw new TableFileError('no 类型 column: give the kind of the whole file (kind=suggestion or kind=proposal)');

  const rows: ProposalImportRow[] = [];
  const items: { item: ImportItem; out: ProposalImportRow }[] = [];
  const seen = new Set<string>();
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => !c.trim())) continue;
    const cell = (c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
    const r: ProposalImportRow = {
      row: i + 1, number: cell(numberCol), title: cell(titleCol).replace(/\s+/g, ' '), kind: null, status: 'skipped', id: null,
      proposers: cols('proposers').flatMap((c) => splitNames(cell(c))), lead_unit: null, assist_units: [], assigned_at: null, reply_deadline: null, problems: [],
    };
    rows.push(r);
    if (!r.number) r.problems.push('缺少编号，本行未导入');
    if (!r.title) r.problems.push('缺少标题，本行未导入');
    const kindText = cell(kindCol);
    if (kindText) {
      r.kind = kindOf(kindText) ?? null;
      if (!r.kind) r.problems.push(`类型「${kindText}」无法识别（应为建议或提案）${where.kind ? '' : '，本行未导入'}`);
    }
    r.kind ??= where.kind ?? null;
    if (!r.kind && !kindText) r.problems.push('缺少类型，本行未导入');
    if (!r.number || !r.title || !r.kind) continue;
    const key = `${r.kind}/${r.number}`;
    if (seen.has(key)) {
      r.problems.push(`编号 ${r.number} 在文件中重复出现，本行未导入`);
      continue;
    }
    seen.add(key);
    const leadNames = cols('lead').flatMap((c) => splitList(cell(c)));
    if (leadNames.length > 1) r.problems.push(`主办单位不止一个：${leadNames[0]} 主办，${leadNames.slice(1).join('、')} 作为会办`);
    const assistNames = [...leadNames.slice(1), ...cols('assist').flatMap((c) => splitList(cell(c)))];
    const date = (c: number, label: string) => {
      const text = cell(c);
      if (!text) return undefined;
      const d = dateCell(text);
      if (!d) r.problems.push(`${label}「${text}」无法识别`);
      return d;
    };
    const assigned = date(assignedCol, '交办日期');
    const received = date(receivedCol, '立案日期');
    items.push({
      item: {
        row: r.row, jurisdiction: where.jurisdiction, year: where.year, kind: r.kind, number: r.number, title: r.title, proposers: r.proposers,
        received_at: received, lead_unit: leadNames[0], assist_units: assistNames, assigned_at: assigned,
      },
      out: r,
    });
  }
  if (rows.length === 0) problems.push('表头下没有数据行');

  const done = await registerMany(store, items.map((x) => x.item), by, `import ${filename}`);
  done.rows.forEach((d, k) => {
    const r = items[k].out;
    Object.assign(r, { status: d.status, id: d.id, lead_unit: d.lead_unit, assist_units: d.assist_units, assigned_at: d.assigned_at, reply_deadline: d.reply_deadline });
    r.problems.push(...d.problems);
  });
  return {
    columns, problems, created_units: done.created_units, rows,
    created: rows.filter((r) => r.status === 'created').length,
    existing: rows.filter((r) => r.status === 'existing').length,
    skipped: rows.filter((r) => r.status === 'skipped').length,
  };
}
