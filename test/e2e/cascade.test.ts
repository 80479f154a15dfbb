/**
 * The target cascade view (层层加码) in headless Chromium, on real reports from
 * ../shared/corpus imported through the API by an administrator: the nation,
 * 河北省, 保定市 and three of its districts/counties for 2022, and the next
 * year's reports of some of them. 保定市's 2023 report is left out on purpose,
 * so in 2023 its districts must show the gap and name the level further up.
 *
 * What each row must say is taken from the API's answer for the same picks
 * (the view's source), so the suite checks the rendering, not the extraction.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { BUCKETS, STEP_STATUSES, VERDICTS, type Cascade, type CascadeNode } from '../../src/cascade/schema.js';
import { ApiClient, openBrowser, screenshot, SKIP_E2E, startWebApp, type WebApp } from './browser.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const GOV = 'yver-sun+gaoyang-towel-resilience/government_reports/';
const COUNTIES = 'yver-sun+gaoyang-towel-resilience/derived/counties/';
const FILES = [
  'aldohemsn+chinese-political-corpora/derived/2022_国务院政府工作报告.txt',
  'aldohemsn+chinese-political-corpora/derived/2023_国务院政府工作报告.txt',
  `${GOV}河北省_2022_report.txt`,
  `${GOV}河北省_2023_report.txt`,
  `${GOV}保定市_2022_report.txt`,
  `${COUNTIES}清苑区_2022.txt`,
  `${COUNTIES}清苑区_2023.txt`,
  `${COUNTIES}满城区_2022.txt`,
  `${COUNTIES}满城区_2023.txt`,
  `${COUNTIES}涞源县_2022.txt`,
].map((f) => join(CORPUS, f));
const PASSWORD = 'S3cret-pass!';

/** The parent of each place, as the administrative map has it. */
const PARENT: Record<string, string | null> = {
  全国: null, 河北省: '全国', 保定市: '河北省', 保定市清苑区: '保定市', 保定市满城区: '保定市', 涞源县: '保定市',
};

/** The codes the API answers with; none may reach a Chinese page as such. */
const CODES = [...STEP_STATUSES, ...BUCKETS, ...VERDICTS, 'no_next_report', 'not_in_scorecard', 'national', 'province', 'prefecture', 'county', 'district'];

/** "+1.5个百分点" / "−1.5个百分点" as the view writes a step in points. */
const pts = (p: number) => `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p)}个百分点`;

describe.skipIf(SKIP_E2E)('the target cascade view in headless Chromium', () => {
  let app: WebApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];

  const cascadeOf = async (query: string): Promise<Cascade> => (await fetch(`${base}/api/cascade?${query}`)).json() as Promise<Cascade>;
  const row = (place: string) => page.locator(`[data-testid=chain-row][data-place="${place}"]`);
  const chainPlaces = () => page.locator('[data-testid=chain-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-place')));
  /** Waits until the view shows the answer for these picks (not the one before them). */
  const shown = (indicator: string, year: number, root = '全国') =>
    page.locator(`[data-testid=cascade-result][data-indicator="${indicator}"][data-year="${year}"][data-root="${root}"]`).waitFor();
  const open = async (indicator: string, year: number) => {
    await page.goto(`${base}/#/cascade?indicator=${indicator}&year=${year}`);
    await shown(indicator, year);
  };

  beforeAll(async () => {
    app = await startWebApp();
    base = app.base;
    await createAdmin(app.repo, 'root', PASSWORD);
    const admin = new ApiClient(base);
    await admin.login('root', PASSWORD);
    for (const file of FILES) {
      const res = await admin.upload(basename(file), readFileSync(file));
      expect(res.status, file).toBe(201);
      expect(res.body.status, file).toBe('imported');
    }
    // The one failure provoked on purpose: a place to start from that is no place.
    ({ browser, page, consoleErrors } = await openBrowser([{ status: 422, url: /\/api\/cascade/ }]));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('is reached from the header, keeps the picks in the URL, and shows the chain 全国 → 河北省 → 保定市 → its districts and counties', async () => {
    await page.goto(`${base}/#/library`);
    await page.getByRole('link', { name: '层层加码' }).click();
    await page.locator('h1', { hasText: '层层加码' }).waitFor();
    await page.locator('[data-testid=cascade-indicator]').selectOption('gdp');
    await page.locator('[data-testid=cascade-year]').selectOption('2022');
    await shown('gdp', 2022);
    expect(page.url()).toContain('indicator=gdp');
    expect(page.url()).toContain('year=2022');
    await expect(page.title()).resolves.toBe('层层加码 · 落实');

    const api = await cascadeOf('indicator=gdp&year=2022');
    const places = await chainPlaces();
    expect(places).toEqual(api.nodes.map((n) => n.place));
    expect(new Set(places)).toEqual(new Set(Object.keys(PARENT)));
    // Tree order: every place after its parent.
    for (const [i, place] of places.entries()) if (PARENT[place!]) expect(places.indexOf(PARENT[place!]), place!).toBeLessThan(i);

    // Each target as its report states it, each step in points against the level above, with the parent named.
    let compared = 0;
    for (const n of api.nodes) {
      const step = (await row(n.place).locator('[data-testid=step]').textContent()) ?? '';
      if (n.target?.value != null) expect(await row(n.place).locator('[data-testid=target]').textContent()).toContain(String(n.target.value));
      if (n.step.status === 'raised' || n.step.status === 'lowered') {
        compared++;
        expect(step, n.place).toContain(pts(n.step.points!));
        expect(step, n.place).toContain(`较${n.parent}`);
      }
      if (n.step.status === 'same') {
        compared++;
        expect(step, n.place).toContain('持平');
      }
    }
    expect(compared).toBeGreaterThan(0);

    // Where the next report is stored, the verdict links to that place's scorecard.
    const checked = api.nodes.find((n) => n.check)!;
    const verdict = row(checked.place).locator('[data-testid=verdict]');
    expect(await verdict.textContent()).toBe({ met: '已完成', missed: '未完成', not_reported: '未提及', not_comparable: '不可比', needs_review: '待核实', partly_met: '部分完成' }[checked.check!.verdict]);
    expect(decodeURIComponent((await verdict.getAttribute('href'))!)).toBe(`#/check?place=${checked.place}&year=2022`);
    const unchecked = api.nodes.find((n) => n.unchecked === 'no_next_report')!;
    expect(await row(unchecked.place).locator('[data-testid=check]').textContent()).toBe('次年报告未入库');

    const text = await page.locator('main').innerText();
    for (const code of CODES) expect(text, code).not.toMatch(new RegExp(`\\b${code}\\b`));
  });

  it('flags a level that sets a lower target than its parent, and only those', async () => {
    await open('general_budget_revenue', 2022);
    const api = await cascadeOf('indicator=general_budget_revenue&year=2022');
    const lowered = api.nodes.filter((n) => n.lower_than_parent);
    expect(lowered.length).toBeGreaterThan(0);
    for (const n of api.nodes) {
      await expect(row(n.place).locator('[data-testid=lower-flag]').count(), n.place).resolves.toBe(n.lower_than_parent ? 1 : 0);
    }
    for (const n of lowered) {
      expect(await row(n.place).locator('[data-testid=lower-flag]').textContent()).toBe('低于上级');
      expect(await row(n.place).locator('[data-testid=step]').textContent()).toContain(pts(n.step.points!));
    }
    await screenshot(page, 'cascade.png', true);
  });

  it('shows a missing report as a gap and compares with the level further up only as such', async () => {
    await open('gdp', 2023);
    const api = await cascadeOf('indicator=gdp&year=2023');
    const gap = api.nodes.find((n) => n.report === null)!;
    expect(gap.place).toBe('保定市');
    expect(await row(gap.place).locator('[data-testid=gap]').textContent()).toBe('本年报告未入库');
    const under = api.nodes.filter((n) => n.parent === gap.place);
    expect(under.length).toBeGreaterThan(0);
    for (const n of under) {
      const step = (await row(n.place).locator('[data-testid=step]').textContent()) ?? '';
      expect(step).toContain(`上级报告未入库（${gap.place}）`);
      const further = n.ancestor_step!;
      expect(await row(n.place).locator('[data-testid=ancestor]').textContent()).toContain(`越级对比${further.against}：${pts(further.points!)}`);
    }
    // The chart of 保定市's places draws the level further up as their reference, labelled as such.
    await page.locator('[data-testid=cascade-group]').selectOption(gap.place);
    const province = api.nodes.find((n) => n.place === under[0].ancestor_step!.against)!;
    await page.locator('[data-testid=side-chart] svg text', { hasText: `${province.place}目标` }).waitFor();
    expect(await page.locator('[data-testid=reference]').textContent()).toContain('越级参考');
    await screenshot(page, 'cascade-gap.png', true);
  });

  it('draws one level side by side with the parent\'s target as a reference line', async () => {
    await open('gdp', 2022);
    const api = await cascadeOf('indicator=gdp&year=2022');
    const parent = await page.locator('[data-testid=cascade-group]').inputValue();
    const p = api.nodes.find((n) => n.place === parent)!;
    const children = api.nodes.filter((n) => n.parent === parent && n.target?.unit === '%');
    expect(children.length).toBeGreaterThan(1);
    const chart = page.locator('[data-testid=side-chart] svg');
    await chart.waitFor();
    const labels = await chart.locator('text').allTextContents();
    // The reference line: a dashed line labelled with the parent's target.
    expect(labels).toContain(`${parent}目标 ${p.target!.value}%${{ about: '左右', at_least: '以上', at_most: '以内' }[p.target!.qualifier as string] ?? ''}`);
    expect(await chart.locator('path[stroke-dasharray]').count()).toBeGreaterThan(0);
    // One bar per place under it with a target in per cent, named on the axis.
    for (const c of children) expect(labels.some((l) => c.place.endsWith(l) && l.length > 1), c.place).toBe(true);
    expect(page.url()).not.toContain('parent=');
    await page.locator('[data-testid=cascade-group]').selectOption(parent);
    expect(decodeURIComponent(page.url())).toContain(`parent=${parent}`);
  });

  it('words the summary in Chinese, and in English as the API does', async () => {
    await open('gdp', 2022);
    const api = await cascadeOf('indicator=gdp&year=2022');
    const rows = api.summary.filter((r) => r.places > 0);
    const lines = page.locator('[data-testid=summary-line]');
    expect(await lines.count()).toBe(rows.length);
    for (const [i, r] of rows.entries()) {
      const text = (await lines.nth(i).textContent()) ?? '';
      if (r.met + r.missed > 0) expect(text).toContain(`${r.met + r.missed}个中${r.missed}个未完成`);
      expect(text).not.toMatch(/[a-z]/);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Target cascade' }).waitFor();
    expect(await lines.allTextContents()).toEqual(rows.map((r) => r.line));
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: '层层加码' }).waitFor();
  });

  it('starts the tree at a chosen place and downloads that part as CSV', async () => {
    await open('gdp', 2022);
    await page.locator('[data-testid=cascade-root]').selectOption('保定市');
    await shown('gdp', 2022, '保定市');
    expect(decodeURIComponent(page.url())).toContain('root=保定市');
    const api = await cascadeOf(`indicator=gdp&year=2022&root=${encodeURIComponent('保定市')}`);
    expect(await chainPlaces()).toEqual(api.nodes.map((n: CascadeNode) => n.place));
    expect(api.nodes.every((n) => n.path.includes('保定市'))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toContain('place');
    expect(csv.length).toBe(api.nodes.length + 1);
  });

  it('says so when the place to start from is not a place, and keeps the picks', async () => {
    await page.goto(`${base}/#/cascade?indicator=gdp&year=2022&root=${encodeURIComponent('不存在之地')}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('不存在之地');
    expect(await page.locator('[data-testid=chain-row]').count()).toBe(0);
    expect(await page.locator('[data-testid=cascade-year]').inputValue()).toBe('2022');
  });
});
