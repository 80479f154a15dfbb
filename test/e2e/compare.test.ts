/**
 * The compare view with nine places: filters (place search, level, years) narrow the table and the
 * chart; the chart draws a handful of places as small multiples, never more than six; the table's
 * 差距 is filled wherever a row has both a target and an outcome, and says outcome minus target.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, SEEDS, SKIP_E2E, startWebApp, type WebApp } from './browser.js';
import { PASSWORD } from './views.js';

const PROVINCES = resolve(SEEDS, '..', 'corpus', 'alexzhu0+government_report_rag', 'derived');

interface Row {
  jurisdiction: string;
  level: string | null;
  year: number;
  target_value: number | null;
  outcome_value: number | null;
}

describe.skipIf(SKIP_E2E)('the compare view', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];
  let all: Row[] = [];

  const rows = () => page.locator('[data-testid=compare-row]');
  const cells = (testId: string) => page.locator(`[data-testid=compare-row] [data-testid=${testId}]`).allTextContents();
  const places = async () => [...new Set(await page.locator('[data-testid=compare-row] td:first-child').allTextContents())];
  /** Waits until the table shows what `ok` expects of its places. */
  async function until(ok: (places: string[]) => boolean) {
    await expect.poll(async () => ok(await places()), { timeout: 10_000 }).toBe(true);
  }

  beforeAll(async () => {
    app = await startWebApp();
    await createAdmin(app.repo, 'root', PASSWORD);
    const root = new ApiClient(app.base);
    await root.login('root', PASSWORD);
    for (const f of ['000_a1392cf4c794e201.txt', '004_7053f82eff3fb455.txt', '001_401dacb1b1eb60f9.txt', '002_f086ca982607086c.txt', '003_02169182387663be.txt']) {
      expect((await root.upload(f, readFileSync(join(SEEDS, f)))).status).toBe(201);
    }
    for (const f of ['2025年上海市政府工作报告.txt', '2025年吉林省政府工作报告.txt', '2025年江苏省政府工作报告.txt', '2025年浙江省政府工作报告.txt']) {
      expect((await root.upload(f, readFileSync(join(PROVINCES, f)))).status).toBe(201);
    }
    all = ((await (await fetch(`${app.base}/api/compare?indicator=gdp`)).json()) as { items: Row[] }).items;
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('draws a handful of places as small multiples and fills 差距 wherever both figures exist', async () => {
    const everyPlace = new Set(all.map((r) => r.jurisdiction));
    expect(everyPlace.size).toBeGreaterThan(6);
    await page.goto(`${app.base}/#/compare?indicator=gdp`);
    await rows().first().waitFor();
    await page.locator('[data-testid=compare-panel] canvas').first().waitFor();
    const panels = await page.locator('[data-testid=compare-panel]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-place')));
    expect(panels.length).toBeGreaterThan(0);
    expect(panels.length).toBeLessThanOrEqual(4);
    // The places drawn first are those with both figures; 四平市 has a 2023 target and its outcome.
    expect(panels).toContain('四平市');

    // Every row of every place: 差距 is filled where target and outcome are both stated, and only there.
    await page.locator('[data-testid=compare-all]').click();
    await until((p) => p.length === everyPlace.size);
    const both = await rows().evaluateAll((rs) => rs.map((r) => r.getAttribute('data-both') === 'true'));
    const gaps = await cells('gap');
    expect(both.filter(Boolean).length).toBe(all.filter((r) => r.target_value !== null && r.outcome_value !== null).length);
    expect(both.filter(Boolean).length).toBeGreaterThan(0);
    both.forEach((b, i) => expect(gaps[i] !== '—', `row ${i}: ${gaps[i]}`).toBe(b));
    // 四平市 2023: the gap is the outcome the 2024 report gives minus the 2023 target, in percentage points.
    const siping = all.find((r) => r.jurisdiction === '四平市' && r.year === 2023 && r.target_value !== null && r.outcome_value !== null)!;
    const gap = Math.round((siping.outcome_value! - siping.target_value!) * 1000) / 1000;
    const i = (await rows().evaluateAll((rs) => rs.map((r) => r.textContent ?? ''))).findIndex((t) => t.startsWith('四平市2023'));
    expect(gaps[i]).toBe(`${gap > 0 ? '+' : ''}${gap}个百分点`);
  });

  it('adds places up to six and no more', async () => {
    await page.goto(`${app.base}/#/compare?indicator=gdp`);
    await page.locator('[data-testid=compare-panel]').first().waitFor();
    for (let n = await page.locator('[data-testid=compare-panel]').count(); n < 6; n++) {
      const option = await page.locator('[data-testid=compare-add] option').nth(1).getAttribute('value');
      await page.locator('[data-testid=compare-add]').selectOption(option!);
      await expect.poll(() => page.locator('[data-testid=compare-panel]').count()).toBe(n + 1);
    }
    expect(await page.locator('[data-testid=compare-add]').count()).toBe(0);
    await page.locator('[data-testid=compare-places]', { hasText: '最多同时显示 6 个地区' }).waitFor();
    // A place taken out of the chart leaves it.
    await page.locator('[data-testid=compare-places] button').first().click();
    await expect.poll(() => page.locator('[data-testid=compare-panel]').count()).toBe(5);
  });

  it('narrows by place search, level and years', async () => {
    await page.goto(`${app.base}/#/compare?indicator=gdp&all=1`);
    await rows().first().waitFor();
    await page.locator('[data-testid=compare-q]').fill('四平');
    await until((p) => p.length === 1 && p[0] === '四平市');
    expect(await page.locator('[data-testid=compare-panel]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-place')))).toEqual(['四平市']);

    await page.locator('[data-testid=compare-q]').fill('');
    await page.locator('[data-testid=compare-level]').selectOption('province');
    const provinces = new Set(all.filter((r) => r.level === 'province').map((r) => r.jurisdiction));
    await until((p) => p.length === provinces.size && p.every((x) => provinces.has(x)));

    await page.locator('[data-testid=compare-level]').selectOption('');
    await page.locator('[data-testid=compare-from]').selectOption('2023');
    await page.locator('[data-testid=compare-to]').selectOption('2024');
    await expect.poll(async () => [...new Set(await page.locator('[data-testid=compare-row] td:nth-child(2)').allTextContents())].sort()).toEqual(['2023', '2024']);
    expect(page.url()).toContain('from=2023');
  });
});
