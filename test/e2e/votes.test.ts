/**
 * 票决 in the web UI end to end: set-up through the API (a session, twelve
 * candidates, a roster of six with their codes, the first round opened);
 * then a deputy casts a ballot on the page with a voting code, tries again
 * and is told they have voted; the office closes the round on the session
 * page, sees the tally with its tie, and makes the winners ledger tasks.
 * Screenshots: docs/screenshots/votes-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, screenshot, SKIP_E2E, startWebApp, submitSignIn, type WebApp } from './browser.js';

const PASSWORD = 'S3cret-pass!';

describe.skipIf(SKIP_E2E)('票决 in headless Chromium', () => {
  let app: WebApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let sup: ApiClient;
  let consoleErrors: string[] = [];
  let sessionId = 0;
  let roundId = 0;
  let codes: string[] = [];
  let candidates: { id: number; title: string }[] = [];
  const clock = new Date('2024-01-18T09:30:00+08:00');

  const shot = (name: string) => screenshot(page, name, true);

  beforeAll(async () => {
    app = await startWebApp({ now: () => clock });
    base = app.base;
    await createAdmin(app.repo, 'root', PASSWORD, clock);
    const admin = new ApiClient(base);
    await admin.login('root', PASSWORD);
    expect((await admin.send('POST', '/api/ledger/accounts', { name: 'clerk', password: PASSWORD, role: 'supervisor', unit_id: null })).status).toBe(201);
    sup = new ApiClient(base);
    await sup.login('clerk', PASSWORD);
    const s = await sup.send('POST', '/api/votes/sessions', { jurisdiction: '某某区', year: 2024, title: '2024年区十八届人大三次会议民生实事项目票决', seats: 3 });
    sessionId = (s.body.session as { id: number }).id;
    const list = [
      '新建城区公办幼儿园3所：新增学位1080个', '老旧小区改造51个', '农村公路提档升级200公里', '建设社区养老服务中心10个', '新建口袋公园15个',
      '城区供水管网改造', '新增公共停车泊位3000个', '中小学校食堂改造', '农村饮水安全巩固提升', '残疾人康复服务', '全民健身场地建设', '背街小巷整治',
    ];
    const c = await sup.send('POST', `/api/votes/sessions/${sessionId}/candidates`, { text: list.map((x, i) => `${i + 1}. ${x}`).join('\n') });
    candidates = c.body.items as { id: number; title: string }[];
    const d = await sup.send('POST', `/api/votes/sessions/${sessionId}/deputies`, { text: ['王建国，第一代表团', '李秀英，第一代表团', '张伟，第二代表团', '刘洋，第二代表团', '陈静，第三代表团', '杨帆，第三代表团'].join('\n') });
    codes = (d.body.items as { code: string }[]).map((x) => x.code);
    const r = await sup.send('POST', `/api/votes/sessions/${sessionId}/rounds`, { kind: 'selection' });
    roundId = (r.body.round as { id: number }).id;
    ({ browser, page, consoleErrors } = await openBrowser([{ status: 409, url: /\/api\/votes\/rounds\/\d+\/ballots$/ }]));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('a deputy enters a voting code, chooses up to three and casts a secret ballot', async () => {
    await page.goto(`${base}/#/vote`);
    await page.locator('[data-testid=vote-code]').fill(codes[0].toLowerCase());
    await page.getByRole('button', { name: '进入' }).click();
    await page.locator('[data-testid=ballot]').waitFor();
    await page.getByText('王建国 代表，您好。').waitFor();
    for (const title of ['新建城区公办幼儿园3所', '老旧小区改造51个', '新建口袋公园15个']) await page.getByLabel(new RegExp(title)).check();
    await expect.poll(() => page.locator('[data-testid=choose-count]').textContent()).toBe('最多选择 3 项，已选 3 项。');
    // A fourth is disabled: the ballot cannot choose more than the seats.
    await expect(page.getByLabel(/城区供水管网改造/).isDisabled()).resolves.toBe(true);
    await shot('votes-ballot.png');
    await page.locator('[data-testid=cast]').click();
    await expect.poll(() => page.locator('[data-testid=vote-done]').textContent()).toBe('投票成功，选票已匿名保存。');
    // The same code again: told they have voted, no ballot form.
    await page.locator('[data-testid=vote-code]').fill(codes[0]);
    await page.getByRole('button', { name: '进入' }).click();
    await page.locator('[data-testid=already]').waitFor();
    expect(await page.locator('[data-testid=cast]').count()).toBe(0);
  });

  it('the office closes the round: the tally shows the winners and the tie, the winners become ledger tasks', async () => {
    // Five more deputies vote through the API: 幼儿园 6, 老旧小区 5, 农村公路 3; 养老 and 口袋公园 tie at 2, below the seats.
    const id = (prefix: string) => candidates.find((c) => c.title.startsWith(prefix))!.id;
    const ballots = [
      [id('新建城区公办幼儿园'), id('老旧小区'), id('农村公路')],
      [id('新建城区公办幼儿园'), id('老旧小区'), id('农村公路')],
      [id('新建城区公办幼儿园'), id('老旧小区'), id('建设社区养老')],
      [id('新建城区公办幼儿园'), id('农村公路'), id('建设社区养老')],
      [id('新建城区公办幼儿园'), id('老旧小区'), id('新建口袋公园')],
    ];
    const deputy = new ApiClient(base);
    await deputy.get('/api/ledger/session');
    for (let i = 0; i < ballots.length; i++) {
      const r = await deputy.send('POST', `/api/votes/rounds/${roundId}/ballots`, { code: codes[i + 1], choices: ballots[i] });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    await page.goto(`${base}/#/login`);
    await submitSignIn(page, 'clerk', PASSWORD);
    await page.locator('[data-testid=ledger-account]').waitFor();
    await page.goto(`${base}/#/votes`);
    await page.getByRole('link', { name: '2024年区十八届人大三次会议民生实事项目票决' }).click();
    await page.locator('[data-testid=vote-session-title]').waitFor();
    await expect.poll(() => page.locator('[data-testid=round-1]').textContent()).toContain('已投 6 / 6');
    await page.locator('[data-testid=close-round]').click();
    await page.locator('[data-testid=tally-table]').waitFor();
    await expect.poll(() => page.locator('[data-testid=tally-summary]').textContent()).toBe('收回选票 6 张（代表 6 名，空白票 0 张）；应选 3 项，当选 3 项。');
    const rows = await page.locator('[data-testid=tally-table] tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^1新建城区公办幼儿园3所6100%当选$/);
    expect(rows[1]).toMatch(/^2老旧小区改造51个583\.3%当选$/);
    expect(rows[2]).toMatch(/^3农村公路提档升级200公里350%当选$/);
    await expect.poll(() => page.locator('[data-testid=tie]').textContent()).toBe('得票相同：建设社区养老服务中心10个、新建口袋公园15个（各 2 票），不影响当选结果。');
    expect(rows[3]).toMatch(/^4建设社区养老服务中心10个233\.3%未当选$/);
    expect(rows[4]).toMatch(/^4新建口袋公园15个233\.3%未当选$/);
    await shot('votes-tally.png');
    await page.locator('[data-testid=adopt]').click();
    await expect.poll(() => page.locator('[data-testid=vote-note]').textContent()).toBe('已生成 3 项督办任务（此前已转 0 项）。');
    const tasks = await sup.get<{ items: { title: string; livelihood: boolean }[] }>('/api/ledger/tasks?jurisdiction=某某区&year=2024');
    expect(tasks.items.map((t) => t.title).sort()).toEqual(['农村公路提档升级200公里', '新建城区公办幼儿园3所', '老旧小区改造51个'].sort());
    // A roster file adds deputies and shows their codes once.
    await page.locator('[data-testid=roster-file]').setInputFiles({ name: '补充名单.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF序号,姓名,代表团\n1,周敏,第四代表团\n2,吴刚,第四代表团\n') });
    await page.locator('[data-testid=code]').nth(1).waitFor();
    expect(await page.locator('[data-testid=code]').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid=codes] tr').first().textContent()).toMatch(/^周敏第四代表团[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    // The public results page shows the count, never a ballot.
    await page.goto(`${base}/#/votes/results/${sessionId}`);
    await page.locator('[data-testid=tally-table]').waitFor();
    expect(await page.content()).not.toMatch(/王建国|李秀英/);
  });
  it('at year end the deputies rate the elected projects and the office reads the 满意率', async () => {
    await page.goto(`${base}/#/votes/session/${sessionId}`);
    await page.locator('[data-testid=open-satisfaction]').click();
    await page.locator('[data-testid=round-2]').waitFor();
    // A deputy rates on the page: 满意, 基本满意, 不满意.
    await page.goto(`${base}/#/vote`);
    await page.locator('[data-testid=vote-code]').fill(codes[0]);
    await page.getByRole('button', { name: '进入' }).click();
    await page.locator('[data-testid=ballot]').waitFor();
    const rate = (title: string, label: string) => page.locator('tr', { hasText: title }).getByLabel(label, { exact: true }).check();
    await rate('新建城区公办幼儿园3所', '满意');
    await rate('老旧小区改造51个', '基本满意');
    await rate('农村公路提档升级200公里', '不满意');
    await page.locator('[data-testid=cast]').click();
    await expect.poll(() => page.locator('[data-testid=vote-done]').textContent()).toBe('投票成功，选票已匿名保存。');
    // A second deputy, through the API: 满意 for all three.
    const deputy = new ApiClient(base);
    await deputy.get('/api/ledger/session');
    const round = (await sup.get<{ rounds: { id: number; kind: string }[] }>(`/api/votes/sessions/${sessionId}`)).rounds.find((r) => r.kind === 'satisfaction')!;
    const elected = ['新建城区公办幼儿园3所', '老旧小区改造51个', '农村公路提档升级200公里'].map((t) => candidates.find((c) => c.title === t)!.id);
    const r = await deputy.send('POST', `/api/votes/rounds/${round.id}/ballots`, { code: codes[1], choices: Object.fromEntries(elected.map((id) => [id, 'satisfied'])) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await page.goto(`${base}/#/votes/session/${sessionId}`);
    await page.locator('[data-testid=round-2] [data-testid=close-round]').click();
    await page.locator('[data-testid=satisfaction-table]').waitFor();
    const rows = await page.locator('[data-testid=satisfaction-table] tbody tr').allTextContents();
    // 满意 / 基本满意 / 不满意 / 未评价 / 满意率 (满意 + 基本满意 over ratings)
    expect(rows).toEqual(['新建城区公办幼儿园3所2000100%', '老旧小区改造51个1100100%', '农村公路提档升级200公里101050%']);
  });
});
