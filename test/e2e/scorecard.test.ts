/**
 * The scorecard people can quote, in headless Chromium: the meter and its sentence, a promise opened
 * by its URL (the hash route and the server's path form with its preview), the basis line in
 * Chinese, the years side by side, and a reviewer's ruling seen by an anonymous reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, screenshot, SEEDS, SKIP_E2E, startWebApp, submitSignIn, type WebApp } from './browser.js';

const PASSWORD = 'S3cret-pass!';
/** Four consecutive years of one province: three scorecards side by side. */
const HEBEI = join(SEEDS, '..', 'corpus', 'yver-sun+gaoyang-towel-resilience', 'government_reports');
const PLACE = '四平市';
const Q = `jurisdiction=${encodeURIComponent(PLACE)}&year=2023`;

interface Item {
  key: string;
  source: 'target' | 'commitment';
  commitment: string;
  verdict: string;
  plan_span: { start: number; end: number };
  evidence?: { text: string };
  reason: { code: string; text: string; text_en: string };
}
interface Card {
  items: Item[];
  counts: Record<string, number>;
}

const keyOf = (i: Item) => i.key;

describe.skipIf(SKIP_E2E)('a scorecard people can quote', () => {
  let app: WebApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];
  let card: Card;

  beforeAll(async () => {
    app = await startWebApp();
    base = app.base;
    await createAdmin(app.repo, 'root', PASSWORD);
    const root = new ApiClient(base);
    await root.login('root', PASSWORD);
    for (const f of ['000_a1392cf4c794e201.txt', '004_7053f82eff3fb455.txt']) expect((await root.upload(f, readFileSync(join(SEEDS, f)))).status).toBe(201);
    for (const y of [2021, 2022, 2023, 2024]) expect((await root.upload(`河北省_${y}_report.txt`, readFileSync(join(HEBEI, `河北省_${y}_report.txt`)))).status).toBe(201);
    card = (await root.get<Card>(`/api/check?${Q}`)) as Card;
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('draws the meter and says the year in one quotable Chinese sentence, with its English equivalent', async () => {
    await page.goto(`${base}/#/check/${encodeURIComponent(PLACE)}/2023`);
    await page.locator('[data-testid=meter-chart] svg').waitFor();
    const targets = card.items.filter((i) => i.source === 'target');
    const line = (await page.locator('[data-testid=summary-line]').textContent())!;
    expect(line).toContain(`2023年主要预期目标${targets.length}项：`);
    const met = targets.filter((i) => i.verdict === 'met').length;
    if (met) expect(line).toContain(`已完成${met}项`);
    expect(line).toContain(`承诺事项${card.items.length - targets.length}项：`);
    // every count the chart labels is one of the tallies
    const labels = await page.locator('[data-testid=meter-chart] svg text').allTextContents();
    expect(labels).toContain('主要预期目标');
    expect(labels).toContain('已完成');
    await screenshot(page, 'scorecard-meter.png');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('[data-testid=summary-line]').textContent()).toContain(`Main targets for 2023, ${targets.length}:`);
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: '承诺核对' }).waitFor();
  });

  it('opens a promise by its URL, expanded with both passages and the basis in Chinese', async () => {
    const item = card.items.find((i) => i.verdict === 'missed' && i.evidence)!;
    expect(item).toBeDefined();
    await page.goto(`${base}/#/check/${encodeURIComponent(PLACE)}/2023/item/${encodeURIComponent(keyOf(item))}`);
    await page.reload();
    const detail = page.locator(`[data-testid=check-detail][data-key="${keyOf(item)}"]`);
    await detail.waitFor();
    const text = (await detail.textContent())!;
    expect(text).toContain(item.commitment);
    expect(text).toContain(item.evidence!.text);
    expect(await detail.locator('[data-testid=basis]').textContent()).toMatch(/^依据：目标/);
    await expect.poll(() => page.title()).toContain(item.commitment.slice(0, 10));
    // no English rule text anywhere on the Chinese page
    const body = (await page.locator('main').textContent())!;
    for (const i of card.items) expect(body).not.toContain(i.reason.text_en);
    expect(body).not.toMatch(/tolerance|at least|Target /);
  });

  it('serves the path form of a promise with its title and preview, then shows it', async () => {
    const item = card.items.find((i) => i.verdict === 'met')!;
    const path = `/check/${encodeURIComponent(PLACE)}/2023/item/${encodeURIComponent(keyOf(item))}`;
    const html = await (await fetch(base + path)).text();
    expect(html).toContain('<meta property="og:title"');
    expect(html).toMatch(new RegExp(`<title>[^<]*${item.commitment.slice(0, 8)}`));
    await page.goto(base + path);
    await page.locator(`[data-testid=check-detail][data-key="${keyOf(item)}"]`).waitFor();
    expect(page.url()).toContain(`#/check/`);
  });

  it('puts the years side by side: a row per indicator, a badge per promise linking to it', async () => {
    await page.goto(`${base}/#/check/${encodeURIComponent('河北省')}/years`);
    await page.locator('[data-testid=years-table] [data-testid=years-row]').first().waitFor();
    const head = await page.locator('[data-testid=years-table] thead th').allTextContents();
    expect(head.slice(1)).toEqual(['2021年', '2022年', '2023年']);
    const gdp = page.locator('[data-testid=years-row]', { hasText: '地区生产总值' }).first();
    expect(await gdp.locator('[data-testid=year-verdict]').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'scorecard-years.png', true);
    // a badge opens its promise
    await gdp.locator('[data-testid=year-verdict]').first().click();
    await page.locator('[data-testid=check-detail]').waitFor();
    expect(page.url()).toMatch(/#\/check\/.+\/2021\/item\//);
  });

  it('lets a reviewer rule with a reason and other evidence, says when someone else saved first, and shows the ruling to everyone', async () => {
    const root = new ApiClient(base);
    await root.login('root', PASSWORD);
    for (const name of ['wang', 'li']) expect((await root.send('POST', '/api/ledger/accounts', { name, password: PASSWORD, role: 'reviewer', unit_id: null })).status).toBe(201);
    const item = card.items.find((i) => i.verdict === 'not_reported' && i.source === 'target') ?? card.items.find((i) => i.verdict === 'not_reported')!;
    const url = `${base}/#/check/${encodeURIComponent(PLACE)}/2023/item/${encodeURIComponent(item.key)}`;

    // The reviewer signs in and opens the promise by its link.
    const reviewer = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const rp = await reviewer.newPage();
    rp.on('console', (m) => m.type() === 'error' && !/status of 409/.test(m.text()) && consoleErrors.push(m.text()));
    await rp.goto(`${base}/#/login`);
    await submitSignIn(rp, 'wang', PASSWORD);
    await rp.waitForURL((u) => !u.hash.startsWith('#/login'));
    await rp.goto(url);
    const form = rp.locator('[data-testid=ruling-form]');
    await form.waitFor();
    await form.locator('[data-testid=ruling-verdict]').selectOption('partly_met');
    // changing the machine's verdict needs a reason
    expect(await form.locator('[data-testid=ruling-save]').isDisabled()).toBe(true);
    await form.locator('[data-testid=ruling-reason-input]').fill('复盘只报告了部分指标，其余未见');
    // other evidence: a passage selected in the review report's text
    await form.locator('[data-testid=ruling-pick]').click();
    const box = form.locator('[data-testid=picker-text]');
    await box.waitFor();
    const passage = await box.evaluate((el) => {
      const node = el.firstChild!;
      const text = node.textContent!;
      const from = text.indexOf('。', 200) + 1;
      const to = text.indexOf('。', from) + 1;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return text.slice(from, to).trim();
    });
    await form.locator('[data-testid=picker-use]').click();
    expect(await form.locator('[data-testid=ruling-evidence]').textContent()).toBe(passage);
    await form.locator('[data-testid=ruling-save]').click();
    const line = rp.locator('[data-testid=check-detail] [data-testid=ruling-line]');
    await expect.poll(() => line.textContent()).toContain('复核结论：部分完成（wang');

    // The API keeps the passage at the offsets of the review report's text.
    const ruled = (await root.get<Card>(`/api/check?${Q}`)).items.find((i) => i.key === item.key) as Item & { ruling: { version: number; evidence?: { text: string } } };
    expect(ruled.ruling.evidence?.text).toBe(passage);

    // Someone else saves first: the reviewer's next save is refused and says so.
    const li = new ApiClient(base);
    await li.login('li', PASSWORD);
    expect((await li.send('PUT', `/api/rulings/${item.key}`, { jurisdiction: PLACE, year: 2023, verdict: 'missed', reason: '复核后认定未完成', version: ruled.ruling.version })).status).toBe(200);
    await form.locator('[data-testid=ruling-reason-input]').fill('补充说明');
    await form.locator('[data-testid=ruling-save]').click();
    await rp.locator('[data-testid=ruling-stale]').waitFor();
    expect(await rp.locator('[data-testid=ruling-stale]').textContent()).toContain('他人已先保存');
    await rp.locator('[data-testid=ruling-stale] button').click();
    await expect.poll(() => rp.locator('[data-testid=check-detail] [data-testid=ruling-line]').textContent()).toContain('复核结论：未完成（li');
    await rp.locator('[data-testid=ruling-history] summary').click();
    expect(await rp.locator('[data-testid=ruling-history-entry]').count()).toBe(2);
    await reviewer.close();

    // An anonymous reader sees the ruling and who signed it, and no form.
    await page.goto(url);
    await page.reload();
    const detail = page.locator(`[data-testid=check-detail][data-key="${item.key}"]`);
    await detail.waitFor();
    expect(await detail.locator('[data-testid=ruling-line]').textContent()).toContain('复核结论：未完成（li');
    expect(await detail.locator('[data-testid=ruling-reason]').textContent()).toBe('复核后认定未完成');
    expect(await page.locator('[data-testid=ruling-form]').count()).toBe(0);
    expect(await page.locator(`[data-testid=check-row][data-key="${item.key}"] [data-testid=verdict-source]`).textContent()).toBe('已复核');
    expect(await page.locator('[data-testid=check-row] [data-testid=verdict-source]', { hasText: '机器初判' }).count()).toBe(card.items.length - 1);
    expect(await page.locator('[data-testid=reviewed-share]').textContent()).toContain(`已人工复核 1/${card.items.length} 项`);
    expect(await page.locator('[data-testid=summary-line]').textContent()).toContain('其中1项经人工复核');
    await page.locator('[data-testid=meter]').scrollIntoViewIfNeeded();
    await screenshot(page, 'scorecard-ruled.png');
  });
});
