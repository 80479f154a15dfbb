/**
 * 建议/提案 in the web UI end to end. Set-up through the API: three units,
 * a supervisor and the 教育局's officer, five items of 某某区 2024 (four
 * assigned, two answered and rated, one overdue, one not assigned). Then in
 * the browser: the officer sees only their unit's items, answers one, meets
 * a conflict when the office changed it meanwhile and submits again; the
 * supervisor records 满意; the figures and the report's one-line summary
 * change accordingly, and visitors see the same figures. The office also
 * registers and imports items of another year. Screenshots:
 * docs/screenshots/proposals-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, screenshot, SKIP_E2E, startWebApp, submitSignIn, type WebApp } from './browser.js';

const PASSWORD = 'S3cret-pass!';

type Item = { id: number; version: number };

describe.skipIf(SKIP_E2E)('建议/提案 in headless Chromium', () => {
  let app: WebApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let sup: ApiClient;
  let consoleErrors: string[] = [];
  const units = { edu: 0, housing: 0, transport: 0 };
  const items: Record<string, Item> = {};
  const clock = new Date('2024-06-10T10:00:00+08:00');

  const shot = (name: string) => screenshot(page, name, true);
  const signIn = async (name: string) => {
    await page.goto(`${base}/#/proposals?signin=1`);
    await submitSignIn(page, name, PASSWORD);
    await page.locator('[data-testid=proposals-account]').waitFor();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.locator('[data-testid=proposals-signin]').waitFor();
  };
  const step = async (name: string, path: string, data: Record<string, unknown>) => {
    const r = await sup.send('POST', `/api/proposals/${items[name].id}/${path}`, { version: items[name].version, ...data });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    items[name] = r.body.proposal as Item;
  };
  const cells = async (selector: string) =>
    page.locator(selector).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())));

  beforeAll(async () => {
    app = await startWebApp({ now: () => clock });
    base = app.base;
    await createAdmin(app.repo, 'root', PASSWORD, clock);
    const admin = new ApiClient(base);
    await admin.login('root', PASSWORD);
    for (const [k, name] of [['edu', '某某区教育局'], ['housing', '某某区住房和城乡建设局'], ['transport', '某某区交通运输局']] as const) {
      const r = await admin.send('POST', '/api/ledger/units', { name });
      units[k] = (r.body.unit as { id: number }).id;
    }
    for (const [name, role, unit_id] of [['clerk', 'supervisor', null], ['jyj', 'unit_officer', units.edu]] as const) {
      expect((await admin.send('POST', '/api/ledger/accounts', { name, password: PASSWORD, role, unit_id })).status).toBe(201);
    }
    sup = new ApiClient(base);
    await sup.login('clerk', PASSWORD);
    const where = { jurisdiction: '某某区', year: 2024 };
    const create = async (key: string, data: Record<string, unknown>) => {
      const r = await sup.send('POST', '/api/proposals', { ...where, ...data });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      items[key] = r.body.proposal as Item;
    };
    // S1: due 06-15, answered in the browser. S2: answered on time, 基本满意.
    await create('S1', { kind: 'suggestion', number: '12', title: '关于增加城区公办幼儿园学位的建议', proposers: ['王建国', '李秀英'], lead_unit_id: units.edu, assist_unit_ids: [units.housing], assigned_at: '2024-03-15' });
    await create('S2', { kind: 'suggestion', number: '7', title: '关于加强农村公路养护的建议', proposers: ['张伟'], lead_unit_id: units.transport, assigned_at: '2024-03-01' });
    // P1: due 06-01, no answer: overdue. P2: due 05-20, answered 06-05 (late), 不满意. P3: not assigned.
    await create('P1', { kind: 'proposal', number: '3', title: '关于加强校园周边交通安全管理的提案', proposers: ['刘洋'], lead_unit_id: units.edu, assigned_at: '2024-03-01' });
    await create('P2', { kind: 'proposal', number: '15', title: '关于老旧小区加装电梯的提案', proposers: ['陈静', '杨帆'], lead_unit_id: units.housing, assigned_at: '2024-02-20' });
    await create('P3', { kind: 'proposal', number: '21', title: '关于发展社区托育服务的提案', proposers: ['赵敏'] });
    await step('S2', 'reply', { text: '已将农村公路养护纳入年度计划。', replied_at: '2024-05-20' });
    await step('S2', 'satisfaction', { satisfaction: 'basically', at: '2024-05-28' });
    await step('P2', 'reply', { text: '已制定加装电梯补助办法。', replied_at: '2024-06-05' });
    await step('P2', 'satisfaction', { satisfaction: 'dissatisfied', at: '2024-06-07' });
    ({ browser, page, consoleErrors } = await openBrowser([{ status: 409, url: /\/api\/proposals\/\d+\/reply$/ }]));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('visitors see the public figures only, with a way to sign in', async () => {
    await page.goto(`${base}/#/proposals`);
    await expect.poll(() => page.locator('[data-testid=stats-summary]').textContent()).toBe('办理人大代表建议2件、政协委员提案3件，办结率40%，满意率50%');
    expect(await page.locator('[data-testid=proposal-table]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=proposals-signin]').textContent()).toBe('登录');
  });

  it('the unit officer sees their unit\u2019s items, answers one and meets a conflict on the way', async () => {
    await signIn('jyj');
    await expect.poll(() => page.locator('[data-testid=proposals-account]').textContent()).toBe('jyj（责任单位联络员）');
    await page.locator('[data-testid=proposal-table]').waitFor();
    // Only the 教育局's two: S1 (within its deadline) and P1 (overdue). The table may show before its rows arrive.
    await expect.poll(() => cells('[data-testid=proposal-row]')).toEqual([
      ['12', '建议', '关于增加城区公办幼儿园学位的建议', '王建国、李秀英', '某某区教育局', '2024-06-15', '办理中', '—'],
      ['3', '提案', '关于加强校园周边交通安全管理的提案', '刘洋', '某某区教育局', '2024-06-01', '逾期未答复', '—'],
    ]);
    await page.getByRole('link', { name: '关于增加城区公办幼儿园学位的建议' }).click();
    await page.locator('[data-testid=reply-form]').waitFor();
    await expect.poll(() => page.locator('[data-testid=proposal-title]').textContent()).toBe('建议第12号 关于增加城区公办幼儿园学位的建议');
    await expect.poll(() => page.locator('[data-testid=proposal-status]').textContent()).toBe('办理中');
    // The officer answers; neither 交办 nor 满意度 is theirs.
    expect(await page.locator('[data-testid=assign-form], [data-testid=rate-form]').count()).toBe(0);
    const answer = '经研究，2024年新建城区公办幼儿园2所，新增学位540个，秋季学期投入使用。';
    await page.locator('[data-testid=reply-text]').fill(answer);
    await shot('proposals-reply.png');

    // Meanwhile the office confirms the assignment: the page's version is stale.
    await step('S1', 'assign', { lead_unit_id: units.edu, assist_unit_ids: [units.housing], assigned_at: '2024-03-15' });
    await page.locator('[data-testid=reply-submit]').click();
    await expect.poll(() => page.locator('[data-testid=notice-conflict]').textContent()).toBe('这件建议/提案已被他人修改（现为第 3 版），页面已重新载入，请核对后再办理。');
    await expect.poll(() => page.locator('[data-testid=proposal-version]').textContent()).toBe('3');
    // What was typed is still there: submit again.
    await expect.poll(() => page.locator('[data-testid=reply-text]').inputValue()).toBe(answer);
    await page.locator('[data-testid=reply-submit]').click();
    await expect.poll(() => page.locator('[data-testid=notice-ok]').textContent()).toBe('答复已提交。');
    await expect.poll(() => page.locator('[data-testid=proposal-reply]').textContent()).toBe(answer);
    await expect.poll(() => page.locator('[data-testid=proposal-status]').textContent()).toBe('按期答复');
    await expect.poll(() => page.locator('[data-testid=proposal-replied-at]').textContent()).toBe('2024-06-10');
    expect(await page.locator('[data-testid=reply-form]').count()).toBe(0);
    expect(await page.locator('[data-testid=proposal-history] li').evaluateAll((l) => l.map((x) => x.getAttribute('data-action')))).toEqual(['create', 'assign', 'reassign', 'reply']);
    await signOut();
  });

  it('the supervisor records the deputies\u2019 satisfaction', async () => {
    await signIn('clerk');
    await page.goto(`${base}/#/proposals/item/${items.S1.id}`);
    await page.locator('[data-testid=rate-form]').waitFor();
    await page.getByLabel('满意', { exact: true }).check();
    await page.locator('[data-testid=rate-submit]').click();
    await expect.poll(() => page.locator('[data-testid=notice-ok]').textContent()).toBe('满意度已记录。');
    await expect.poll(() => page.locator('[data-testid=proposal-satisfaction]').textContent()).toBe('满意（2024-06-10）');
  });

  it('the figures follow: 办结率 60%, 满意率 66.7%, per unit and in total', async () => {
    await page.getByRole('link', { name: '办理统计' }).click();
    await page.locator('[data-testid=stats-table]').waitFor();
    // 5 items, answered S1 S2 P2 → 3/5; rated S1 满意, S2 基本满意, P2 不满意 → 2/3.
    await expect.poll(() => page.locator('[data-testid=stats-summary]').textContent()).toBe('办理人大代表建议2件、政协委员提案3件，办结率60%，满意率66.7%');
    const head = await page.locator('[data-testid=stats-table] th').allTextContents();
    expect(head).toEqual(['承办单位', '件数', '办结', '按期', '逾期答复', '逾期未答复', '办理中', '未交办', '办结率', '按期办结率', '已测评', '满意率', '会办']);
    await expect.poll(() => cells('[data-testid=stats-row]')).toEqual([
      ['某某区教育局', '2', '1', '1', '0', '1', '0', '0', '50%', '50%', '1', '100%', '0'],
      ['某某区住房和城乡建设局', '1', '1', '0', '1', '0', '0', '0', '100%', '0%', '1', '0%', '1'],
      ['某某区交通运输局', '1', '1', '1', '0', '0', '0', '0', '100%', '100%', '1', '100%', '0'],
      ['（未交办）', '1', '0', '0', '0', '0', '0', '1', '0%', '0%', '0', '—', '0'],
      ['合计', '5', '3', '2', '1', '1', '0', '1', '60%', '40%', '3', '66.7%', '—'],
    ]);
    await expect(page.getByRole('link', { name: '下载 XLSX' }).getAttribute('href')).resolves.toBe(`/api/public/proposals/stats.xlsx?jurisdiction=${encodeURIComponent('某某区')}&year=2024`);
    await shot('proposals-stats.png');
    // 提案 only: P1 overdue, P2 late 不满意, P3 not assigned.
    await page.locator('[data-testid=stats-kind]').selectOption('proposal');
    await expect.poll(() => page.locator('[data-testid=stats-summary]').textContent()).toBe('办理政协委员提案3件，办结率33.3%，满意率0%');
  });

  it('the office registers an item and imports a list, with a result per row', async () => {
    await page.goto(`${base}/#/proposals`);
    await page.locator('[data-testid=register-form]').waitFor();
    await page.locator('[data-testid=reg-year]').fill('2023');
    await page.locator('[data-testid=reg-number]').fill('1');
    await page.locator('[data-testid=reg-title]').fill('关于完善城市排水设施的建议');
    await page.locator('[data-testid=reg-proposers]').fill('王建国、张伟');
    await page.locator('[data-testid=reg-submit]').click();
    await expect.poll(() => page.locator('[data-testid=reg-note]').textContent()).toBe('已登记建议第1号。');
    await expect.poll(() => page.locator('[data-testid=pick-year]').inputValue()).toBe('2023');
    // The list moves to 2023, the new item's year.
    await expect.poll(() => cells('[data-testid=proposal-row]')).toEqual([['1', '建议', '关于完善城市排水设施的建议', '王建国、张伟', '—', '—', '未交办', '—']]);

    const csv = '\ufeff编号,标题,领衔人,类型,主办单位,会办单位,交办日期\r\n2,关于加强社区养老服务的建议,陈静,建议,某某区民政局,某某区教育局,2023-03-10\r\n5,,杨帆,提案,,,\r\n';
    await page.locator('[data-testid=import-file]').setInputFiles({ name: '2023年建议清单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-testid=import-result]').waitFor();
    await expect.poll(() => page.locator('[data-testid=import-result] p.ok').textContent()).toBe('新登记 1 件，已登记过 0 件，跳过 1 行。');
    const rows = await cells('[data-testid=import-row]');
    expect(rows[0].slice(0, 6)).toEqual(['2', '2', '关于加强社区养老服务的建议', '新登记', '某某区民政局（新建）（主办）、某某区教育局', '2023-06-10']);
    expect(rows[1].slice(0, 4)).toEqual(['3', '5', '—', '跳过']);
    expect(rows[1][6]).toContain('缺少标题');
    // The imported 建议 joins the list: assigned 2023-03-10, due 06-10, never answered.
    await expect.poll(() => page.locator('[data-testid=proposal-row] td:nth-child(7)').allTextContents()).toEqual(['未交办', '逾期未答复']);
  });
});
