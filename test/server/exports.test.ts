/**
 * Every export read back as a spreadsheet user opens it (exceljs): Chinese
 * headers and values by default, English with ?lang=en, numbers as numbers,
 * rates as percent cells, verdict and light colours, an autofilter and a
 * frozen header, file names with place and year, no server paths; the
 * ledger's 台账 as CSV (never JSON) with 分管领导 and 进展情况.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { col, toCsv, toXlsx } from '../../src/export/table.js';
import { VERDICT_COLOURS, VERDICT_LABELS } from '../../src/vocab.js';
import type { AppResponse } from '../helpers/in-process.js';
import { body, text, type Client } from '../ledger/client.js';
import { addAccount, addUnits, admin, PLAN_2023, REVIEW_2024, signedIn, upload, world, type World } from '../ledger/fixtures.js';
import type { StoreName } from '../store/stores.js';

async function sheetOf(r: AppResponse): Promise<ExcelJS.Worksheet> {
  expect(r.status, typeof r.body === 'string' ? r.body : '').toBe(200);
  expect(r.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.body as Uint8Array) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
/** The column's cells below the header. */
const column = (ws: ExcelJS.Worksheet, name: string) => {
  const i = headerOf(ws).indexOf(name) + 1;
  expect(i, `column ${name}`).toBeGreaterThan(0);
  const cells: ExcelJS.Cell[] = [];
  for (let r = 2; r <= ws.rowCount; r++) cells.push(ws.getRow(r).getCell(i));
  return cells;
};
/** The name a download is saved under (RFC 5987), and its ASCII fallback. */
const fileName = (r: AppResponse) => {
  const d = r.headers['content-disposition'] ?? '';
  return { utf8: decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(d)?.[1] ?? ''), ascii: /filename="([^"]*)"/.exec(d)?.[1] ?? '' };
};

const STORE: StoreName = 'sqlite';

async function twoYears(): Promise<{ w: World; root: Client }> {
  const w = await world(STORE, '2024-03-01T09:00:00+08:00');
  const root = await admin(w);
  await upload(root, PLAN_2023);
  await upload(root, REVIEW_2024);
  return { w, root };
}

describe('the sheet writer', () => {
  it('neutralises formulas in CSV text cells and keeps numbers as numbers', () => {
    const rows = [{ t: '=HYPERLINK("x")', n: -5, p: 0.5 }, { t: '@SUM(A1)', n: 1.25, p: null }];
    const cols = [col<(typeof rows)[number]>('t', '文字', 'text'), col<(typeof rows)[number]>('n', '数', 'n', { type: 'number' }), col<(typeof rows)[number]>('p', '率', 'rate', { type: 'percent' })];
    const lines = toCsv(rows, cols).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toEqual(['文字,数,率', `"'=HYPERLINK(""x"")",-5,50%`, "'@SUM(A1),1.25,"]);
    expect(toCsv(rows, cols, { lang: 'en' }).split('\r\n')[0]).toBe('\ufefftext,n,rate');
  });

  it('writes XLSX with typed cells, percent format, fills, a frozen header and an autofilter', async () => {
    const rows = [{ v: 'met', n: 3, p: 0.875 }, { v: 'missed', n: 4, p: 0 }];
    type R = (typeof rows)[number];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(rows, [col<R>('v', '结论', 'verdict', { labels: VERDICT_LABELS, fills: VERDICT_COLOURS }), col<R>('n', '数', 'n', { type: 'number' }), col<R>('p', '率', 'rate', { type: 'percent' })], { sheet: '核对' })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('核对')!;
    expect(headerOf(ws)).toEqual(['结论', '数', '率']);
    expect(ws.getCell('A2').value).toBe('已完成');
    expect(ws.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FF' + VERDICT_COLOURS.met } });
    expect(ws.getCell('A3').fill).toMatchObject({ fgColor: { argb: 'FF' + VERDICT_COLOURS.missed } });
    expect(ws.getCell('B2').value).toBe(3);
    expect(ws.getCell('C2').value).toBe(0.875);
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:C1');
  });
});

describe('API exports on sqlite', () => {
  it('the scorecard: Chinese headers and verdict names, verdict colours, numbers, percents, a name with place and year', async () => {
    const { root } = await twoYears();
    const r = await root.get('/api/check.xlsx?jurisdiction=四平市&year=2023');
    const ws = await sheetOf(r);
    expect(headerOf(ws)).toEqual(expect.arrayContaining(['来源', '承诺', '指标', '目标值', '限定', '结论', '把握程度', '实绩值', '次年报告原文', '判定理由']));
    const verdicts = column(ws, '结论');
    const names = Object.values(VERDICT_LABELS).map((l) => l[0]);
    expect(verdicts.length).toBeGreaterThan(5);
    for (const c of verdicts) {
      expect(names).toContain(c.value);
      const code = Object.entries(VERDICT_LABELS).find(([, l]) => l[0] === c.value)![0] as keyof typeof VERDICT_COLOURS;
      expect(c.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF' + VERDICT_COLOURS[code] } });
    }
    for (const c of column(ws, '把握程度')) {
      expect(typeof c.value).toBe('number');
      expect(c.numFmt).toBe('0.0%');
    }
    expect(column(ws, '目标值').some((c) => typeof c.value === 'number')).toBe(true);
    for (const c of column(ws, '目标值')) expect(['number', 'object'].includes(typeof c.value) || c.value === '').toBe(true);
    // Indicators by their Chinese names, never a code like grain_output.
    for (const c of column(ws, '指标')) expect(String(c.value ?? '')).not.toMatch(/^[a-z_]+$/);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(fileName(r)).toEqual({ utf8: '四平市_2023_承诺核对.xlsx', ascii: '____2023_____.xlsx' });

    const en = await root.get('/api/check.csv?jurisdiction=四平市&year=2023&lang=en');
    expect(en.headers['content-type']).toMatch(/text\/csv/);
    const lines = text(en).replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['source', 'headline', 'commitment']);
    expect(text(en)).toMatch(/,(met|missed|not reported|not comparable|needs review),/i);
    expect(fileName(en).utf8).toBe('四平市_2023_scorecard.csv');
  });

  it('facts and reports: codes by their Chinese names, figures as numbers, no server paths', async () => {
    const { w, root } = await twoYears();
    const t = await sheetOf(await root.get('/api/targets.xlsx?jurisdiction=四平市&year=2023'));
    expect(headerOf(t)).toEqual(expect.arrayContaining(['编号', '报告编号', '地区', '层级', '类别', '指标', '指标类型', '数值', '单位', '限定', '原文']));
    expect(new Set(column(t, '类别').map((c) => c.value))).toEqual(new Set(['目标']));
    expect(new Set(column(t, '层级').map((c) => c.value))).toEqual(new Set(['地市级']));
    for (const c of column(t, '限定')) expect(['确数', '约数（左右）', '下限（以上）', '上限（以内）', '区间', null, '']).toContain(c.value);
    for (const c of column(t, '指标类型')) expect(['增速', '总量', '定性表述']).toContain(c.value);
    expect(column(t, '数值').filter((c) => c.value !== null && c.value !== '').every((c) => typeof c.value === 'number')).toBe(true);
    expect(column(t, '编号').every((c) => typeof c.value === 'number')).toBe(true);

    // A report stored under the path it was imported from shows only its base name.
    await w.store.repo.db.updateTable('sources').set({ file_name: '/srv/luoshi/uploads/四平市2023.txt' }).execute();
    const r = await root.get('/api/reports.xlsx');
    const ws = await sheetOf(r);
    expect(column(ws, '文件名').map((c) => c.value)).toContain('四平市2023.txt');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('/srv/');
    expect(column(ws, '报告年份').every((c) => typeof c.value === 'number')).toBe(true);
    expect(fileName(r).utf8).toBe('报告库.xlsx');
    const csv = text(await root.get('/api/reports.csv?jurisdiction=四平市&lang=en'));
    expect(csv.split('\r\n')[0]).toBe('\ufeffid,jurisdiction,province,level,report_year,review_year,date,doc_type,script,n_targets,n_outcomes,n_commitments,duplicates,file_name,part');
    expect(csv).not.toContain('/srv/');
  });

  it('the ledger as a 台账: tasks.csv is CSV with 分管领导 and 进展情况, drafts without a light, lights as fills', async () => {
    const w = await world(STORE, '2023-02-01T09:00:00+08:00');
    const root = await admin(w);
    const [documentId] = await upload(root, PLAN_2023);
    await addUnits(w, [['四平市农业农村局', null]]);
    await addAccount(w, 'agri', 'unit_officer', '四平市农业农村局');
    const officer = await signedIn(w, 'agri', '10.0.0.3');
    expect((await root.post('/api/ledger/generate', { document_id: documentId })).status).toBe(201);
    const list = body(await root.get('/api/ledger/tasks?jurisdiction=四平市&year=2023&_limit=1000')).items as { id: number; version: number; light: string | null; state: string }[];
    // Nothing is asked of anyone in a draft: no light, not green.
    expect(list.every((t) => t.state === 'draft' && t.light === null)).toBe(true);

    const [a, b] = list;
    let r = await root.put(`/api/ledger/tasks/${a.id}`, { version: a.version, lead_unit_id: w.units['四平市农业农村局'], lead_leader: '张副市长', deadline: '2023-03-01' });
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task.lead_leader).toBe('张副市长');
    r = await root.post(`/api/ledger/tasks/${a.id}/actions/assign`, { version: body(r).task.version });
    expect(r.status, text(r)).toBe(200);
    r = await officer.post(`/api/ledger/tasks/${a.id}/actions/accept`, { version: body(r).task.version });
    expect(r.status, text(r)).toBe(200);
    for (const [date, words] of [['2023-02-20', '已完成选址'], ['2023-02-10', '正在调研']] as const) {
      r = await officer.post(`/api/ledger/tasks/${a.id}/progress`, { report_date: date, narrative: words, figure: 60 });
      expect(r.status, text(r)).toBe(201);
    }
    // 进展情况 is the latest report by date, not the last one written, and not the bare figure.
    expect(body(r).task.progress_text).toBe('已完成选址');

    w.at('2023-03-05T09:00:00+08:00');
    const csv = await root.get('/api/ledger/tasks.csv?jurisdiction=四平市&year=2023');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = text(csv).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,任务编号,任务,牵头单位,分管领导,责任单位,时间节点,进展情况,状态,亮灯');
    const rowA = lines.find((l) => l.split(',')[1] === String(a.id))!;
    expect(rowA).toContain(',四平市农业农村局,张副市长,');
    expect(rowA).toContain(',已完成选址,办理中,红灯');
    const rowB = lines.find((l) => l.split(',')[1] === String(b.id))!;
    expect(rowB.endsWith(',草稿,')).toBe(true);
    expect(fileName(csv).utf8).toBe('四平市_2023_督办台账.csv');

    const ws = await sheetOf(await root.get('/api/ledger/tasks.xlsx?jurisdiction=四平市&year=2023'));
    const lights = column(ws, '亮灯');
    const red = lights.find((c) => c.value === '红灯')!;
    expect(red.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(lights.filter((c) => c.value === null || c.value === '').every((c) => c.fill === undefined || c.fill.type !== 'pattern')).toBe(true);
    expect(column(ws, '任务编号').every((c) => typeof c.value === 'number')).toBe(true);

    // The same columns in English.
    const en = text(await root.get('/api/ledger/tasks.csv?jurisdiction=四平市&year=2023&lang=en'));
    expect(en.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('no.,task id,task,lead unit,leader in charge,responsible units,deadline,progress,state,light');
    // The public never sees 进展情况 drawn from internal reports.
    const pub = body(await root.get('/api/public/ledger/tasks?jurisdiction=四平市&year=2023'));
    expect(pub.items[0]).not.toHaveProperty('progress_text');
  });

  it('reads 分管领导 from a 分工方案 table', async () => {
    const w = await world(STORE, '2023-02-01T09:00:00+08:00');
    const root = await admin(w);
    const csv = '\ufeff序号,重点任务,牵头单位,分管市领导,时间节点\r\n1,建设数字乡村示范点20个,四平市农业农村局,李四,2023年10月31日\r\n2,新建城市公园3个,四平市住建局,,年内\r\n';
    const r = await w.app({ method: 'POST', url: `/api/ledger/import-plan?filename=plan.csv&jurisdiction=${encodeURIComponent('四平市')}&year=2023`, headers: root.headers(true), body: Buffer.from(csv) });
    expect(r.status, text(r)).toBe(200);
    const res = body(r);
    expect(res.columns).toMatchObject({ 分管市领导: 'leader' });
    expect(res.rows.map((x: { lead_leader: string | null }) => x.lead_leader)).toEqual(['李四', null]);
    const tasks = body(await root.get('/api/ledger/tasks?jurisdiction=四平市&year=2023')).items as { title: string; lead_leader: string | null }[];
    expect(tasks.find((t) => t.title.includes('数字乡村'))?.lead_leader).toBe('李四');
    expect(tasks.find((t) => t.title.includes('城市公园'))?.lead_leader).toBeNull();
  });
});
