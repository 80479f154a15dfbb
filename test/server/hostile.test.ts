/**
 * Hostile uploads against a real server process (issue 15 item 3): each file
 * is generated here, sent as an administrator would send it, and must be
 * answered with a clear refusal (413/422) or read in bounded time, while the
 * server keeps answering everyone else. Reading runs in worker threads with
 * a time and memory budget, so no upload holds the request thread.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { openStore } from '../../src/store/open.js';
import { candidateCommas, conjunctSubject, docxDeepNesting, docxLyingSize, docxManyEntries, docxManyParagraphs, docxManyRuns, docxWithDtd, htmlUnclosedNesting, oneLineText } from '../helpers/hostile.js';
import { serveProcess, type ServeProcess } from '../helpers/serve-process.js';

const PASSWORD = 'S3cret-pass!';

/** A cookie-keeping client for a real server. */
class Remote {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  private keep(res: Response): Response {
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    }
    return res;
  }
  headers(type: string): Record<string, string> {
    // A new connection per request: generating a hostile file takes seconds, and a kept-alive
    // socket left idle meanwhile may be closed just as the next upload starts on it.
    return { connection: 'close', 'content-type': type, cookie: [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '), 'x-csrf-token': this.cookies.get('luoshi_csrf') ?? '' };
  }
  async send(method: string, path: string, body: Uint8Array | string, type: string): Promise<{ status: number; json: { error?: { code: string; message: string } } & Record<string, unknown>; ms: number }> {
    const t0 = Date.now();
    const res = this.keep(await fetch(this.base + path, { method, headers: this.headers(type), body: typeof body === 'string' ? body : new Uint8Array(body) }));
    return { status: res.status, json: await res.json(), ms: Date.now() - t0 };
  }
  async login(): Promise<void> {
    this.keep(await fetch(this.base + '/api/ledger/session'));
    const r = await this.send('POST', '/api/ledger/login', JSON.stringify({ name: 'root', password: PASSWORD }), 'application/json');
    if (r.status !== 200) throw new Error(`login: ${JSON.stringify(r.json)}`);
  }
}

describe('hostile uploads to a real server', () => {
  let srv: ServeProcess;
  let dir: string;
  let root: Remote;
  const health = async () => (await fetch(`${srv.base}/-/health`)).status;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luoshi-hostile-'));
    const db = join(dir, 'h.db');
    const repo = await openStore({ db, env: {} });
    await createAdmin(repo, 'root', PASSWORD);
    await repo.close();
    srv = await serveProcess([], { LUOSHI_DB: db });
    root = new Remote(srv.base);
    await root.login();
  }, 120_000);
  afterAll(async () => {
    await srv?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (name: string, bytes: Uint8Array) => root.send('POST', `/api/import?filename=${encodeURIComponent(name)}`, bytes, 'application/octet-stream');

  it.each([
    ['a .docx that expands to millions of paragraphs', 'bomb.docx', () => docxManyParagraphs(5_000_000), [413]],
    ['a .docx of millions of runs', 'runs.docx', () => docxManyRuns(13_000_000), [413]],
    ['a .docx whose zip headers lie about their size', 'lies.docx', () => docxLyingSize(20_000_000), [413, 422]],
    ['a .docx with tens of thousands of entries', 'entries.docx', async () => docxManyEntries(60_000), [413]],
    ['a .docx with a DTD', 'dtd.docx', async () => docxWithDtd(), [422]],
    ['a .docx nested 100,000 deep', 'deep.docx', () => docxDeepNesting(100_000), [422]],
  ])('refuses %s with a reason, and keeps answering', async (_what, name, make, statuses) => {
    const r = await upload(name, await make());
    expect(statuses, JSON.stringify(r.json)).toContain(r.status);
    expect(r.json.error?.message).toBeTruthy();
    expect(srv.alive(), srv.stderr()).toBe(true);
    expect(await health()).toBe(200);
  }, 120_000);

  it('reads 1.8 MB of unclosed nested HTML and a long one-line text in bounded time, answering others meanwhile', async () => {
    const pending = upload('nested.html', htmlUnclosedNesting(1_800_000));
    // The request thread stays free while a worker reads.
    const t0 = Date.now();
    expect(await health()).toBe(200);
    const healthMs = Date.now() - t0;
    const r = await pending;
    expect([201, 200, 422]).toContain(r.status);
    const line = await upload('line.txt', oneLineText('新建高标准农田10万亩，', 8 * 1024 * 1024));
    expect([201, 200, 413, 422]).toContain(line.status);
    expect(srv.alive()).toBe(true);
    // Not a timing assertion on the reader: a hang guard that the health answer did not wait for the upload.
    expect(healthMs).toBeLessThan(r.ms + 1000);
  }, 180_000);

  it('keeps a vote candidate list of 200,000 commas and a crafted conjunct text to seconds', async () => {
    const session = (await root.send('POST', '/api/votes/sessions', JSON.stringify({ jurisdiction: '甲市', year: 2026, title: '测试', seats: 3 }), 'application/json')).json.session as { id: number };
    const list = await root.send('POST', `/api/votes/sessions/${session.id}/candidates`, JSON.stringify({ text: candidateCommas(200_000) }), 'application/json');
    expect([201, 400, 413, 422]).toContain(list.status);
    const conj = await upload('conj.txt', Buffer.from(`各位代表：\n一、2025年工作回顾\n${conjunctSubject(96_000)}\n二、2026年工作安排\n`));
    expect([201, 200, 422]).toContain(conj.status);
    expect(srv.alive()).toBe(true);
    expect(await health()).toBe(200);
  }, 180_000);

  it('refuses a roster spreadsheet with a cell far beyond any real table', async () => {
    const session = (await root.send('POST', '/api/votes/sessions', JSON.stringify({ jurisdiction: '乙市', year: 2026, title: '名册', seats: 3 }), 'application/json')).json.session as { id: number };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.getCell('A1').value = '姓名';
    ws.getCell('A2').value = '张三';
    ws.getCell('XFD1048576').value = 'x';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await root.send('POST', `/api/votes/sessions/${session.id}/deputies/import?filename=roster.xlsx`, bytes, 'application/octet-stream');
    expect(r.status).toBe(413);
    expect(await health()).toBe(200);
  }, 60_000);
});
