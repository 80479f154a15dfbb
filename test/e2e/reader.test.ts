/**
 * The reader: a report's headings read as headings (no Markdown `##` marks), a fact is located by its
 * paragraph (第N段, counted in the document's own text) besides its offsets, processing notes are
 * worded for a reader with the rule id kept for experts, and a long corpus report stays quick. The
 * render times go to the test log (they are measured, not asserted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, SEEDS, SKIP_E2E, startWebApp, type WebApp } from './browser.js';
import { LONG_REPORT, PASSWORD } from './views.js';

interface Doc {
  text: string;
  facts: { id: number; fact: string; start: number; end: number; source_start: number; source_end: number }[];
}

describe.skipIf(SKIP_E2E)('the reader', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];
  let seedId = 0;
  let longId = 0;

  const doc = async (id: number) => ((await (await fetch(`${app.base}/api/documents/${id}`)).json()) as { document: Doc }).document;

  /** Milliseconds from setting the hash until `selector` shows, measured in the page. */
  async function timed(hash: string, selector: string): Promise<number> {
    await page.evaluate((h) => {
      (window as unknown as { t0: number }).t0 = performance.now();
      location.hash = h;
    }, hash);
    await page.locator(selector).first().waitFor();
    return page.evaluate(() => performance.now() - (window as unknown as { t0: number }).t0);
  }

  beforeAll(async () => {
    app = await startWebApp();
    await createAdmin(app.repo, 'root', PASSWORD);
    const root = new ApiClient(app.base);
    await root.login('root', PASSWORD);
    seedId = ((await root.upload('000_a1392cf4c794e201.txt', readFileSync(join(SEEDS, '000_a1392cf4c794e201.txt')))).body.documentIds as number[])[0];
    longId = ((await root.upload('1955_国务院政府工作报告.txt', readFileSync(LONG_REPORT))).body.documentIds as number[])[0];
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('renders headings as headings, without their Markdown marks, and numbers the paragraphs in order', async () => {
    const d = await doc(seedId);
    await page.goto(`${app.base}/#/report/${seedId}`);
    await page.locator('[data-testid=doc-text] mark').first().waitFor();
    const headings = await page.locator('[data-testid=doc-text] .doc-h').allTextContents();
    const paragraphs = await page.locator('[data-testid=doc-text] p.para').evaluateAll((ps) => ps.map((p) => ({ n: Number(p.getAttribute('data-para')), text: p.textContent ?? '' })));
    // The file's Markdown headings (# 政府工作报告(摘要), ## 二、…) show as headings, marks gone.
    const marked = d.text.split('\n').filter((l) => /^\s*#/.test(l)).map((l) => l.replace(/^\s*#+\s*/, ''));
    expect(marked.length).toBeGreaterThan(1);
    for (const m of marked) expect(headings).toContain(m);
    expect([...headings, ...paragraphs.map((p) => p.text)].filter((x) => x.trimStart().startsWith('#'))).toEqual([]);
    expect(await page.locator('[data-testid=doc-text] h2, [data-testid=doc-text] h3').count()).toBeGreaterThan(1);
    // Every line with words is a heading or a paragraph; paragraphs are numbered 1, 2, 3… in reading order.
    expect(headings.length + paragraphs.length).toBe(d.text.split('\n').filter((l) => l.trim()).length);
    expect(paragraphs.map((p) => p.n)).toEqual(paragraphs.map((_, i) => i + 1));
  });

  it('downloads the file the report was read from, byte for byte', async () => {
    await page.goto(`${app.base}/#/report/${seedId}`);
    const link = page.getByRole('link', { name: '下载原文件' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('000_a1392cf4c794e201.txt');
    const got = readFileSync((await download.path())!);
    expect(got.equals(readFileSync(join(SEEDS, '000_a1392cf4c794e201.txt')))).toBe(true);
  });

  it('locates a fact by its paragraph (第N段) besides its offsets', async () => {
    const d = await doc(seedId);
    for (const fact of [d.facts[2], d.facts[d.facts.length - 1]]) {
      await page.goto(`${app.base}/#/report/${seedId}?fact=${fact.id}`);
      const place = (await page.locator('[data-testid=fact-place]').textContent()) ?? '';
      const n = Number(/第 (\d+) 段/.exec(place)?.[1]);
      expect(place).toContain(`${fact.start}–${fact.end}`);
      // The paragraph so numbered is the line of the document text that holds the fact.
      const lineStart = d.text.lastIndexOf('\n', fact.start - 1) + 1;
      const lineEnd = d.text.indexOf('\n', fact.start);
      const line = d.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      await expect.poll(() => page.locator(`[data-testid=doc-text] p.para[data-para="${n}"]`).textContent()).toBe(line);
      await expect(page.locator(`p.para[data-para="${n}"] mark[data-fact-id="${fact.id}"]`).count()).resolves.toBeGreaterThan(0);
      await expect.poll(() => page.locator('[data-testid=fact-detail]').textContent()).toContain(`原文件第 ${fact.source_start}–${fact.source_end} 字节`);
    }
  });

  it('words processing notes for a reader and keeps the rule id under the technical details', async () => {
    await page.goto(`${app.base}/#/report/${seedId}`);
    const notes = page.locator('[data-testid=warnings] li').first();
    await expect(notes.innerText()).resolves.toMatch(/^注意 删去了一段重复的文字，保留第一次出现的：/);
    expect(await notes.locator('details').isVisible()).toBe(true);
    expect(await notes.locator('details code').isVisible()).toBe(false);
    await notes.locator('details summary').click();
    await expect.poll(() => notes.locator('details code').textContent()).toBe('ingest/repeated-paragraph');
  });

  it('stays quick on a long corpus report (times in the log)', async () => {
    const long = await doc(longId);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    // In the page: from the click to the frame after the answer is drawn (React renders a click's update at once).
    const afterClick = (selector: string) =>
      page.evaluate(async (selector) => {
        const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        const el = document.querySelector(selector) as HTMLElement;
        el.scrollIntoView({ block: 'center' });
        await frame();
        const t0 = performance.now();
        el.click();
        await frame();
        return performance.now() - t0;
      }, selector);
    const open: number[] = [];
    const select: number[] = [];
    const hide: number[] = [];
    for (let round = 0; round < 5; round++) {
      await page.goto(`${app.base}/#/library`);
      await page.locator('h1').first().waitFor();
      open.push(await timed(`#/report/${longId}`, '[data-testid=doc-text] mark'));
      const fact = long.facts[Math.floor(((round + 1) * long.facts.length) / 6)];
      select.push(await afterClick(`mark[data-fact-id="${fact.id}"]`));
      await page.locator('[data-testid=fact-detail]').waitFor();
      hide.push(await afterClick('.legend input'));
    }
    process.stdout.write(
      `\nreader, long report (${long.text.length} characters, ${long.facts.length} facts), median of 5: open ${Math.round(median(open))} ms, select a fact ${Math.round(median(select))} ms, hide a kind ${Math.round(median(hide))} ms\n`,
    );
    expect(await page.locator('[data-testid=doc-text] mark').count()).toBeGreaterThan(0);
  });
});
