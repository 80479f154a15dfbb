/**
 * The 督办 ledger in the web UI end to end: a real server on a temporary
 * SQLite database (its clock fixed in 2023), the built UI from web/dist,
 * headless Debian Chromium driven by playwright-core. Set-up (a report, the
 * first administrator, units, a supervisor and a unit officer) goes through
 * the API; everything after goes through the pages. Screenshots go to
 * docs/screenshots/ledger-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, openBrowser, screenshot, SEEDS, SKIP_E2E, startWebApp, submitSignIn, type WebApp } from './browser.js';
import { createAdmin } from '../../src/accounts/admin.js';
import type { Repository } from '../../src/store/repository.js';

const SEED_2023 = '000_a1392cf4c794e201.txt';
const PASSWORD = 'S3cret-pass!';
const GRAIN = '粮食产量达到95亿斤';

describe.skipIf(SKIP_E2E)('督办 ledger in headless Chromium', () => {
  let app: WebApp;
  let repo: Repository;
  let base: string;
  let browser: Browser;
  let page: Page;
  let supApi: ApiClient;
  const clock = new Date('2023-06-15T10:00:00+08:00');
  const units: Record<string, number> = {};
  let taskId = 0;
  /** Console errors the app did not expect; the deliberate wrong password (401) and stale save (409) are expected. */
  let consoleErrors: string[] = [];

  const shot = (name: string, fullPage = false) => screenshot(page, name, fullPage);

  const login = (name: string, password = PASSWORD) => submitSignIn(page, name, password);

  async function logout() {
    await page.locator('[data-testid=logout]').click();
    await page.locator('[data-testid=login-form]').waitFor();
  }

  beforeAll(async () => {
    app = await startWebApp({ now: () => clock });
    ({ repo, base } = app);

    // Set-up through the API: the report, the first administrator (the CLI's helper), units and accounts.
    await createAdmin(repo, 'root', PASSWORD, clock);
    const admin = new ApiClient(base);
    await admin.login('root', PASSWORD);
    const imported = await admin.upload(SEED_2023, readFileSync(join(SEEDS, SEED_2023)));
    expect(imported.status).toBe(201);
    for (const name of ['四平市农业农村局', '四平市发展和改革委员会', '四平市商务局']) {
      const r = await admin.send('POST', '/api/ledger/units', { name, parent_id: null });
      expect(r.status).toBe(201);
      units[name] = (r.body.unit as { id: number }).id;
    }
    for (const [name, role, unit] of [['sup', 'supervisor', null], ['agri', 'unit_officer', units['四平市农业农村局']]] as const) {
      const r = await admin.send('POST', '/api/ledger/accounts', { name, password: PASSWORD, role, unit_id: unit });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    supApi = new ApiClient(base);
    await supApi.login('sup', PASSWORD);

    ({ browser, page, consoleErrors } = await openBrowser([
      { status: 401, url: /\/api\/ledger\/login$/ },
      { status: 409, url: /\/api\/ledger\/tasks\/\d+$/ },
    ]));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('shows 督办 in the nav; the ledger asks to sign in; a wrong password is refused, the right one signs in', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: '督办' }).click();
    await page.locator('[data-testid=login-form]').waitFor();
    await login('sup', 'wrong-password!');
    await page.getByRole('alert').filter({ hasText: '账号或密码不正确' }).waitFor();
    await login('sup');
    await page.locator('h1', { hasText: '重点工作任务台账' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=ledger-account]').textContent()).toBe('sup（督查人员）');
  });

  it('generates the ledger from the stored report and shows it grouped by lead unit with lights', async () => {
    await page.locator('[data-testid=generate-report] option', { hasText: '四平市 2023' }).waitFor({ state: 'attached' });
    const value = await page.locator('[data-testid=generate-report] option', { hasText: '四平市 2023' }).getAttribute('value');
    await page.locator('[data-testid=generate-report]').selectOption(value!);
    await page.locator('[data-testid=generate]').click();
    const result = page.locator('[data-testid=generate-result]');
    await result.waitFor();
    const all = await supApi.get<{ total: number; items: { id: number; title: string }[] }>('/api/ledger/tasks?jurisdiction=四平市&year=2023');
    expect(all.total).toBeGreaterThan(20);
    await expect.poll(() => result.textContent()).toBe(`已生成 ${all.total} 项任务，跳过已有的 0 项。`);
    await page.locator('[data-testid=task-row]').first().waitFor();
    expect(await page.locator('[data-testid=task-row]').count()).toBe(all.total);
    expect(page.url()).toContain('year=2023');
    // filters: by state
    await page.locator('[data-testid=filter-state]').selectOption('assigned');
    await page.locator('p', { hasText: '共 0 项任务' }).waitFor();
    await page.locator('[data-testid=filter-state]').selectOption('');
    await page.locator('[data-testid=task-row]').nth(all.total - 1).waitFor();
    taskId = all.items.find((x) => x.title.includes(GRAIN))!.id;
    // the monthly progress table
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=progress-xlsx]').click()]);
    expect(download.suggestedFilename()).toBe('四平市_2023_进展情况表.xlsx');
    expect(await page.locator('[data-testid=progress-html]').getAttribute('href')).toContain('/api/ledger/progress-table.html?');
  });

  it('opens a task: fields, source sentence, timeline; assigns a unit and 交办; a stale save shows the current version', async () => {
    await page.locator(`[data-testid=task-row][data-task-id="${taskId}"] a`).click();
    await page.locator('[data-testid=task-page]').waitFor();
    await expect.poll(() => page.locator('[data-testid=task-title]').textContent()).toContain(GRAIN);
    await expect.poll(() => page.locator('[data-testid=task-source]').textContent()).toContain(GRAIN);
    await expect.poll(() => page.locator('[data-testid=task-state]').textContent()).toBe('草稿');
    await page.locator('[data-testid=timeline-entry]').first().waitFor();
    const before = await page.locator('[data-testid=timeline-entry]').count();

    await page.locator('[data-testid=edit-lead]').selectOption(String(units['四平市农业农村局']));
    await page.locator('[data-testid=edit-deadline]').fill('2023-10-31');
    await page.locator('[data-testid=save]').click();
    await page.locator('[data-testid=notice-ok]', { hasText: '已保存（版本 2）' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=task-lead]').textContent()).toBe('四平市农业农村局');

    await page.locator('[data-testid=action-note]').fill('请农业农村局牵头办理');
    await page.locator('button[data-action=assign]').click();
    await page.locator('[data-testid=task-state]', { hasText: '已交办' }).waitFor();
    await page.locator('[data-testid=timeline-entry][data-action=assign]').waitFor();
    expect(await page.locator('[data-testid=timeline-entry]').count()).toBeGreaterThan(before);
    await expect.poll(() => page.locator('[data-testid=timeline]').textContent()).toContain('请农业农村局牵头办理');

    // Someone else changes the task meanwhile: the page's save answers 409 and shows the current version.
    const changed = await supApi.send('PUT', `/api/ledger/tasks/${taskId}`, { version: 3, internal_note: '另一位督查人员的修改' });
    expect(changed.status).toBe(200);
    await page.locator('[data-testid=edit-unit-note]').fill('过时的修改');
    await page.locator('[data-testid=save]').click();
    await page.locator('[data-testid=notice-conflict]', { hasText: '当前版本为 4' }).waitFor();
    await page.locator('[data-testid=task-version]', { hasText: '4' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('ledger-task.png', true);

    // the source sentence opens in the report, marked at its offsets
    await page.locator('[data-testid=task-source-link]').click();
    await page.locator('[data-testid=doc-text] .focus').first().waitFor();
    expect((await page.locator('[data-testid=doc-text] .focus').allTextContents()).join('')).toContain(GRAIN);
    await page.goBack();
    await page.locator('[data-testid=task-page]').waitFor();
  });

  it('the unit officer sees the task under 我的任务, signs for it and reports progress', async () => {
    await logout();
    await login('agri');
    await page.locator('[data-testid=ledger-account]', { hasText: 'agri' }).waitFor();
    await page.getByRole('link', { name: '我的任务' }).click();
    await page.locator('h1', { hasText: '我的任务' }).waitFor();
    await page.locator('[data-testid=task-row]').first().waitFor();
    expect(await page.locator('[data-testid=task-row]').count()).toBe(1);
    await page.locator(`[data-testid=task-row][data-task-id="${taskId}"] a`).click();
    await page.locator('button[data-action=accept]').click();
    await page.locator('[data-testid=task-state]', { hasText: '已签收' }).waitFor();
    await page.locator('[data-testid=progress-date]').fill('2023-06-15');
    await page.locator('[data-testid=progress-narrative]').fill('春播完成，粮食播种面积稳定');
    await page.locator('[data-testid=progress-figure]').fill('40');
    await page.locator('[data-testid=progress-submit]').click();
    await page.locator('[data-testid=task-state]', { hasText: '办理中' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=progress-list]').textContent()).toContain('春播完成');
    await page.locator('[data-testid=timeline-entry][data-action=accept]').waitFor();
    // a unit officer may not 交办 or generate
    expect(await page.locator('button[data-action=assign]').count()).toBe(0);
  });

  it('the supervisor sees the board and the dashboard with its chart and rates', async () => {
    // More of the ledger under way (through the API): tasks of three units, one overdue, one due soon, one closed.
    const all = await supApi.get<{ items: { id: number; title: string }[] }>('/api/ledger/tasks?jurisdiction=四平市&year=2023&state=draft');
    const plan: [string, string, string[]][] = [
      ['四平市发展和改革委员会', '2023-12-31', []],
      ['四平市发展和改革委员会', '2023-05-31', []],
      ['四平市发展和改革委员会', '2023-12-31', ['accept', 'start', 'request_completion', 'review', 'close']],
      ['四平市商务局', '2023-06-20', ['accept']],
      ['四平市商务局', '2023-12-31', ['accept', 'start']],
      ['四平市农业农村局', '2023-12-31', []],
    ];
    for (const [i, [unit, deadline, steps]] of plan.entries()) {
      const id = all.items[i].id;
      let r = await supApi.send('PUT', `/api/ledger/tasks/${id}`, { version: 1, lead_unit_id: units[unit], deadline });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      let version = (r.body.task as { version: number }).version;
      for (const action of ['assign', ...steps]) {
        r = await supApi.send('POST', `/api/ledger/tasks/${id}/actions/${action}`, { version });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        version = (r.body.task as { version: number }).version;
      }
    }
    await logout();
    await login('sup');
    await page.locator('[data-testid=task-row]').first().waitFor();
    await page.locator('[data-testid=unit-group] h2', { hasText: '四平市农业农村局' }).waitFor();
    await page.locator('[data-testid=filter-unit]').selectOption(String(units['四平市农业农村局']));
    await page.locator('p', { hasText: '共 2 项任务' }).waitFor();
    await expect.poll(() => page.locator(`[data-testid=task-row][data-task-id="${taskId}"] .light`).textContent()).toBe('绿灯');
    await page.locator('[data-testid=filter-unit]').selectOption('');
    await page.locator('[data-testid=filter-light]').selectOption('red');
    await page.locator('p', { hasText: '共 1 项任务' }).waitFor();
    await page.locator('[data-testid=filter-light]').selectOption('');
    await page.locator('[data-testid=filter-unit]').selectOption('');
    await page.locator('[data-testid=task-row]').nth(5).waitFor();
    await shot('ledger-board.png');

    await page.getByRole('link', { name: '督办看板' }).click();
    await page.locator('h1', { hasText: '督办看板' }).waitFor();
    await page.locator('[data-testid=chart] canvas').first().waitFor();
    await page.locator('[data-testid=dashboard-table] tbody tr').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=dashboard-table]').textContent()).toContain('四平市农业农村局');
    await expect.poll(() => page.locator('[data-testid=dashboard-stats]').textContent()).toContain('任务总数');
    const dash = await supApi.get<{ totals: { total: number }; units: { closed: number }[] }>('/api/ledger/dashboard?jurisdiction=四平市&year=2023');
    expect(dash.totals.total).toBe(7);
    expect(dash.units.reduce((n, u) => n + u.closed, 0)).toBe(1);
    await expect.poll(() => page.locator('[data-testid=completion-rate]').textContent()).toBe('14.3%');
    await shot('ledger-dashboard.png');

    // English labels exist for the new pages too
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Supervision dashboard' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: '督办看板' }).waitFor();
  });

  it("the supervisor sets a task's year-end state and draws the 完成情况报告 as a Word file", async () => {
    await page.goto(`${base}/#/ledger/task/${taskId}`);
    await page.locator('[data-testid=year-end-form]').waitFor();
    await page.locator('[data-testid=year-end-state]').selectOption('ongoing');
    await page.locator('[data-testid=year-end-reason]').fill('秋粮统计尚未完成');
    await page.locator('[data-testid=year-end-deadline]').fill('2024-03-31');
    await page.locator('[data-testid=year-end-submit]').click();
    await page.locator('[data-testid=timeline-entry][data-action=year_end]').waitFor();
    await page.goto(`${base}/#/ledger?place=${encodeURIComponent('四平市')}&year=2023`);
    await page.locator('[data-testid=draft-docx]').waitFor();
    expect(await page.locator('[data-testid=draft-html]').getAttribute('href')).toContain('/api/ledger/draft-review.html?');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=draft-docx]').click()]);
    expect(download.suggestedFilename()).toMatch(/^draft-review-2023-\d+\.docx$/);
    const text = (await mammoth.extractRawText({ path: await download.path() })).value;
    expect(text).toContain('关于2023年政府工作报告重点任务完成情况的报告');
    expect(text).toContain('（推进中）：秋粮统计尚未完成，计划于2024年3月31日前完成。');
  });

  it('a task with more reports than its page lists at first shows the latest and, asked, all of them', async () => {
    // Set-up through the API: a task of the officer's unit, assigned and signed for, with 21 reports.
    const agriApi = new ApiClient(base);
    await agriApi.login('agri', PASSWORD);
    const made = await supApi.send('POST', '/api/ledger/tasks', { jurisdiction: '四平市', year: 2023, title: '每月报送高标准农田建设进度', deadline_phrase: '年底前' });
    expect(made.status).toBe(201);
    let task = made.body.task as { id: number; version: number };
    const step = async (api: ApiClient, method: 'POST' | 'PUT', path: string, data: Record<string, unknown>) => {
      const r = await api.send(method, `/api/ledger/tasks/${task.id}${path}`, { version: task.version, ...data });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      task = r.body.task as typeof task;
    };
    await step(supApi, 'PUT', '', { lead_unit_id: units['四平市农业农村局'] });
    await step(supApi, 'POST', '/actions/assign', {});
    await step(agriApi, 'POST', '/actions/accept', {});
    for (let i = 1; i <= 21; i++) await step(agriApi, 'POST', '/progress', { report_date: `2023-06-${String(i).padStart(2, '0')}`, narrative: `第${i}次月报` });

    await page.goto(`${base}/#/ledger/task/${task.id}`);
    const items = page.locator('[data-testid=progress-list] li');
    await page.locator('[data-testid=progress-more]').waitFor();
    expect(await items.count()).toBe(20);
    expect(await items.first().textContent()).toContain('第2次月报');
    await page.locator('[data-testid=progress-more] button').click();
    await expect.poll(() => items.count()).toBe(21);
    expect(await items.first().textContent()).toContain('第1次月报');
    expect(await page.locator('[data-testid=progress-more]').count()).toBe(0);
  });

  it('the supervisor imports a 分工方案 CSV through the picker and sees the per-row result', async () => {
    const drafts = await supApi.get<{ items: { id: number; title: string; source: { sentence: string | null } }[] }>('/api/ledger/tasks?jurisdiction=四平市&year=2023&state=draft');
    const target = drafts.items.filter((x) => x.source.sentence && x.title.length >= 12).at(-1)!;
    const csv = `序号,重点任务,牵头部门,完成时限\r\n1,${target.title},四平市商务局,9月底前\r\n2,开展全市营商环境专项督查行动,四平市商务局,下周\r\n`;
    await page.goto(`${base}/#/ledger?place=${encodeURIComponent('四平市')}&year=2023`);
    await page.locator('[data-testid=import-plan-file]').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('[data-testid=import-plan-result]').waitFor();
    const rows = page.locator('[data-testid=import-plan-row]');
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(0).getAttribute('data-status')).resolves.toBe('matched');
    await expect.poll(() => rows.nth(0).textContent()).toContain(`#${target.id}`);
    await expect(rows.nth(1).getAttribute('data-status')).resolves.toBe('created');
    await expect.poll(() => rows.nth(1).textContent()).toContain('下周');
    const t = await supApi.get<{ task: { deadline: string } }>(`/api/ledger/tasks/${target.id}`);
    expect(t.task.deadline).toBe('2023-09-30');
    await shot('ledger-import-plan.png');
  });
});
