/**
 * The web UI end to end: a real server on a temporary SQLite database, the
 * built UI from web/dist, headless Debian Chromium driven by playwright-core.
 * Screenshots of each view go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, screenshot, SEEDS, SKIP_E2E, startWebApp, submitSignIn, type WebApp } from './browser.js';

const SEED_2023 = '000_a1392cf4c794e201.txt';
const SEED_2024 = '004_7053f82eff3fb455.txt';
const PASSWORD = 'S3cret-pass!';


describe.skipIf(SKIP_E2E)('web UI in headless Chromium', () => {
  let app: WebApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  /** Console errors the app did not expect; network failures of deliberate bad uploads are expected. */
  let consoleErrors: string[] = [];
  let importer: ApiClient;

  const api = async <T>(path: string): Promise<T> => (await fetch(base + path)).json() as Promise<T>;
  const shot = (name: string, fullPage = false) => screenshot(page, name, fullPage);

  /** Drops files on the upload area the way a browser drag-and-drop does. */
  async function drop(files: { name: string; bytes: Buffer }[]) {
    const dt = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: 'text/plain' }));
      }
      return transfer;
    }, files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })));
    await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
  }

  const uploadRow = (name: string) => page.locator('[data-testid=upload-row]', { has: page.locator('.fname', { hasText: name }) });

  beforeAll(async () => {
    app = await startWebApp();
    base = app.base;
    await createAdmin(app.repo, 'root', PASSWORD);
    importer = new ApiClient(base);
    await importer.login('root', PASSWORD);
    ({ browser, page, consoleErrors } = await openBrowser([{ status: 422, url: /\/api\/import/ }]));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('asks for an account that may import, then imports a report by drag and drop and shows the API message for bad files', async () => {
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('报告库');
    await page.locator('[data-testid=import-locked]').waitFor();
    expect(await page.locator('[data-testid=dropzone]').count()).toBe(0);
    await page.locator('[data-testid=import-sign-in]').click();
    await submitSignIn(page, 'root', PASSWORD);
    await page.locator('[data-testid=dropzone]').waitFor();
    const seed = readFileSync(join(SEEDS, SEED_2023));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
    await drop([
      { name: SEED_2023, bytes: seed },
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
      { name: 'scan.pdf', bytes: pdf },
    ]);
    await uploadRow(SEED_2023).locator('.status', { hasText: '已导入' }).waitFor();
    // A bad file is refused in a Chinese sentence; the API's own message stays under 详情.
    for (const [name, bytes, sentence] of [['empty.txt', Buffer.alloc(0), '文件是空的'], ['scan.pdf', pdf, '这是 PDF 文件']] as const) {
      const res = await importer.upload(name, bytes);
      const message = (res.body as { error: { message: string } }).error.message;
      expect(res.status).toBe(422);
      const status = uploadRow(name).locator('.status', { hasText: `导入失败：${sentence}` });
      await status.waitFor();
      await expect.poll(() => status.locator('details').textContent()).toContain(message);
    }
    await page.locator('[data-testid=reports] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=reports] tbody tr').count()).toBe(1);
    await shot('import.png');
  });

  it('opens the report, shows its warnings, and a clicked target shows its fields and byte offsets', async () => {
    await uploadRow(SEED_2023).getByRole('link').first().click();
    await page.locator('h1', { hasText: '四平市 2023年 政府工作报告' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=warnings]').textContent()).toContain('ingest/repeated-paragraph');
    const mark = page.locator('mark[data-kind=target]').first();
    const id = Number(await mark.getAttribute('data-fact-id'));
    await mark.click();
    const detail = page.locator('[data-testid=fact-detail]');
    await detail.waitFor();
    const doc = await api<{ document: { text: string; facts: { id: number; text: string; start: number; end: number; source_start: number; source_end: number }[] } }>(`/api/documents/1`);
    const fact = doc.document.facts.find((f) => f.id === id)!;
    const shown = await detail.textContent();
    expect(shown).toContain('目标');
    expect(shown).toContain(`${fact.source_start}–${fact.source_end} (byte)`);
    expect(shown).toContain(`${fact.start}–${fact.end}`);
    expect(page.url()).toContain(`fact=${id}`);
    // the highlight covers exactly the fact's own characters of the document text
    const marked = (await page.locator(`mark[data-fact-id="${id}"]`).allTextContents()).join('');
    expect(doc.document.text.slice(fact.start, fact.end)).toContain(marked);
    await shot('reader.png');
  });

  it('imports the next year with the file chooser and shows the 四平市 2023 scorecard', async () => {
    await page.goto(`${base}/#/library`);
    await page.locator('[data-testid=file-input]').setInputFiles(join(SEEDS, SEED_2024));
    await uploadRow(SEED_2024).locator('.status', { hasText: '已导入' }).waitFor();
    await page.locator('[data-testid=reports] tbody tr').nth(1).waitFor();
    await shot('library.png');

    await page.getByRole('link', { name: '核对' }).click();
    await page.locator('[data-testid=check-place]').selectOption('四平市');
    await page.locator('[data-testid=check-year]').selectOption('2023');
    await page.locator('[data-testid=check-headline]').waitFor();
    expect(page.url()).toContain('year=2023');
    const card = await api<{ items: { headline: boolean; commitment: string; evidence?: { text: string } }[] }>(`/api/check?jurisdiction=${encodeURIComponent('四平市')}&year=2023`);
    const first = card.items.find((i) => i.headline)!;
    const row = page.locator('[data-testid=check-headline] [data-testid=check-row]').first();
    await expect.poll(() => row.textContent()).toContain(first.commitment);
    await row.click();
    const detail = page.locator('[data-testid=check-detail]');
    await detail.waitFor();
    const text = await detail.textContent();
    expect(text).toContain(first.commitment);
    if (first.evidence) expect(text).toContain(first.evidence.text);
    await shot('scorecard.png');
    // the promise opens in its report, marked at its place
    await detail.getByRole('link').first().click();
    await page.locator('[data-testid=doc-text] .focus').first().waitFor();
    expect((await page.locator('[data-testid=doc-text] .focus').allTextContents()).join('')).toBe(first.commitment);
    await page.goBack();
    await page.locator('[data-testid=check-headline]').waitFor();
    // filter by verdict
    await page.locator('[data-testid=filter-met]').click();
    const verdicts = await page.locator('[data-testid=check-row] .verdict').allTextContents();
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts)).toEqual(new Set(['已完成']));
    await page.locator('[data-testid=filter-met]').click();
  });

  it('compares GDP targets and outcomes in a chart and a table', async () => {
    await page.goto(`${base}/#/compare?indicator=gdp`);
    await page.locator('[data-testid=compare-table] tbody tr').first().waitFor();
    await page.locator('[data-testid=chart] canvas').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=compare-table]').textContent()).toContain('四平市');
    await shot('compare.png');
  });

  it('searches with highlighted snippets', async () => {
    await page.goto(`${base}/#/search`);
    await page.locator('[data-testid=search-q]').fill('项目');
    await page.getByRole('button', { name: '检索' }).click();
    await page.locator('[data-testid=hits] mark').first().waitFor();
    expect(await page.locator('[data-testid=hits] mark').first().textContent()).toBe('项目');
    expect(page.url()).toContain(encodeURIComponent('项目'));
    await shot('search.png');
  });

  it('switches to English, keeps it after a reload, and downloads the scorecard CSV', async () => {
    await page.goto(`${base}/#/check?place=${encodeURIComponent('四平市')}&year=2023`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Scorecard' }).waitFor();
    await page.reload();
    await page.locator('h1', { hasText: 'Scorecard' }).waitFor();
    await page.locator('[data-testid=check-headline]').waitFor();
    expect(await page.locator('.verdict-filter').textContent()).toContain('Not reported');
    await page.locator('[data-testid=check-row]').first().click();
    await shot('scorecard-en.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('四平市_2023_scorecard.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('verdict');
    expect(csv).toContain('地区生产总值');
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: '承诺核对' }).waitFor();
  });

  it('shows <script> and <img onerror> in a report as text and runs nothing', async () => {
    const evil = '测试段落<script>window.__pwned=1</script>与<img src=x onerror="window.__pwned=2">结束。';
    const lines = readFileSync(join(SEEDS, '001_401dacb1b1eb60f9.txt'), 'utf8').split('\n');
    lines.splice(3, 0, evil);
    await page.goto(`${base}/#/library`);
    await drop([{ name: 'evil.txt', bytes: Buffer.from(lines.join('\n')) }]);
    await uploadRow('evil.txt').getByRole('link').first().click();
    await page.locator('[data-testid=doc-text]').waitFor();
    await page.getByText('<script>window.__pwned=1</script>', { exact: false }).first().waitFor();
    expect(await page.locator('[data-testid=doc-text]').textContent()).toContain(evil);
    expect(await page.locator('[data-testid=doc-text] img, [data-testid=doc-text] script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
