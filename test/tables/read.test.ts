import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findHeader, splitList } from '../../src/tables/header.js';
import { readTable, TableFileError } from '../../src/tables/read.js';
import { TooLarge } from '../../src/errors.js';

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('s'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a table', () => {
  it('reads CSV in UTF-8 (with a BOM) and GBK, with quoted commas, doubled quotes and line breaks in cells', async () => {
    const csv = '\ufeff任务,牵头单位\r\n"新建农田10万亩，年内完成",农业农村局\r\n"说""明""",a\nb\n"两行\n文字",x\n';
    expect(await readTable(Buffer.from(csv), 'a.csv')).toEqual([['任务', '牵头单位'], ['新建农田10万亩，年内完成', '农业农村局'], ['说"明"', 'a'], ['b'], ['两行\n文字', 'x']]);
    expect(await readTable(iconv.encode('任务,单位\n修路,交通局\n', 'gbk'), 'g.csv')).toEqual([['任务', '单位'], ['修路', '交通局']]);
  });

  it('reads XLSX cells by their column, leaving gaps empty', async () => {
    const bytes = await xlsx((ws) => {
      ws.getCell('A1').value = '姓名';
      ws.getCell('C1').value = '代表团';
      ws.getCell('A2').value = '张三';
      ws.getCell('C2').value = '城区';
    });
    expect(await readTable(bytes, 'r.xlsx')).toEqual([['姓名', '', '代表团'], ['张三', '', '城区']]);
  });

  it('refuses a sheet with a cell far beyond any real table, without walking the empty cells before it', async () => {
    const farRow = await xlsx((ws) => {
      ws.getCell('A1').value = '姓名';
      ws.getCell('A1000000').value = 'x';
    });
    await expect(readTable(farRow, 'far.xlsx')).rejects.toBeInstanceOf(TooLarge);
    const farColumn = await xlsx((ws) => {
      ws.getCell('A1').value = '姓名';
      ws.getCell('XFD1').value = 'x';
    });
    await expect(readTable(farColumn, 'wide.xlsx')).rejects.toBeInstanceOf(TooLarge);
    await expect(readTable(Buffer.from('a\n'.repeat(30)), 'long.csv', { rows: 10, columns: 5 })).rejects.toBeInstanceOf(TooLarge);
  });

  it('says what is wrong with a file that is not a table', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004 not really a zip'), 'x.xlsx')).rejects.toBeInstanceOf(TableFileError);
  });
});

describe('finding a header', () => {
  const SYN = { 任务: 'task', 工作任务: 'task', 牵头单位: 'lead', 责任单位: 'resp' } as const;
  it('skips a title row, reads synonyms ignoring spaces, stars and brackets, and reports unknown columns', () => {
    const h = findHeader([['2024年重点工作分工方案'], ['序号', '*工作 任务', '牵头单位（盖章）', '责任单位', '备注']], SYN, 'task', '任务');
    expect(h.at).toBe(1);
    expect(h.col('task')).toBe(1);
    expect(h.cols('resp')).toEqual([3]);
    expect(h.col('lead')).toBe(-1);
    expect(h.problems).toHaveLength(3);
  });

  it('fails with the column it looked for', () => {
    expect(() => findHeader([['a', 'b']], SYN, 'task', '任务')).toThrow(/任务/);
  });

  it('splits a list of units on the separators people type', () => {
    expect(splitList('发改委、财政局，交通局;  住建局/水利局')).toEqual(['发改委', '财政局', '交通局', '住建局', '水利局']);
  });
});
