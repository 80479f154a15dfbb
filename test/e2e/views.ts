/**
 * Every view of the web app with data behind it, for the suites that walk them all (phone widths,
 * Chinese throughout). Set-up goes through the API: reports of several places (and a long corpus
 * report), a ledger generated from one with tasks under way, a 票决 session with a closed round and
 * one open for rating and another open for choosing, 建议/提案 in each state. Each view names the
 * account that sees it and, when the view needs a step to show everything (a ballot after its code,
 * an expanded row), that step.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, SEEDS, type WebApp } from './browser.js';

export const PASSWORD = 'S3cret-pass!';
/** The ledger's clock: mid-2024, so some tasks are overdue and some proposals late. */
export const CLOCK = new Date('2024-06-10T10:00:00+08:00');
/** A long report (56 000 characters, a few hundred facts): the reader must stay quick on it. */
export const LONG_REPORT = resolve(SEEDS, '..', 'corpus', 'aldohemsn+chinese-political-corpora', 'derived', '1955_国务院政府工作报告.txt');

export type Who = 'visitor' | 'root' | 'agri' | 'boss';

export interface View {
  /** Names the view in messages and screenshots (`phone-{name}.png`). */
  name: string;
  /** The hash route, without `#/`. */
  path: string;
  who: Who;
  /** What shows the view is ready (beyond the first h1). */
  ready?: string;
  /** A step that brings the whole view out (a ballot after its code, an expanded row). */
  act?: (page: Page) => Promise<void>;
}

export interface Seeded {
  views: View[];
  /** The long report's document id. */
  longId: number;
}

/** The answer's body, once it is a success. */
async function ok(p: Promise<{ status: number; body: Record<string, unknown> }>): Promise<Record<string, unknown>> {
  const r = await p;
  expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBeLessThan(300);
  return r.body;
}

/** The data behind every view, and the views. */
export async function seedViews(app: WebApp): Promise<Seeded> {
  const { base, repo } = app;
  await createAdmin(repo, 'root', PASSWORD, CLOCK);
  const root = new ApiClient(base);
  await root.login('root', PASSWORD);

  // Reports: 四平市 2020, 2023 and 2024 (a scorecard), 阜新市, 苏州市, 梧州市, 苏州市相城区, and the long one.
  const docs: Record<string, number> = {};
  for (const f of ['000_a1392cf4c794e201.txt', '004_7053f82eff3fb455.txt', '001_401dacb1b1eb60f9.txt', '002_f086ca982607086c.txt', '003_02169182387663be.txt']) {
    const body = await ok(root.upload(f, readFileSync(join(SEEDS, f))));
    docs[f] = (body.documentIds as number[])[0];
  }
  const long = await ok(root.upload('1955_国务院政府工作报告.txt', readFileSync(LONG_REPORT)));
  const longId = (long.documentIds as number[])[0];
  const siping2023 = docs['000_a1392cf4c794e201.txt'];

  // Units and accounts.
  const units: Record<string, number> = {};
  for (const name of ['四平市农业农村局', '四平市发展和改革委员会', '四平市商务局']) {
    units[name] = ((await ok(root.send('POST', '/api/ledger/units', { name, parent_id: null }))).unit as { id: number }).id;
  }
  await ok(root.send('POST', '/api/ledger/accounts', { name: 'agri', password: PASSWORD, role: 'unit_officer', unit_id: units['四平市农业农村局'] }));
  // A leader reads the ledger and gives 批示; he edits nothing.
  await ok(root.send('POST', '/api/ledger/accounts', { name: 'boss', password: PASSWORD, role: 'leader', unit_id: null }));
  const agri = new ApiClient(base);
  await agri.login('agri', PASSWORD);

  // The ledger: generated from 四平市 2023; three tasks under way, one of them overdue, one with progress.
  await ok(root.send('POST', '/api/ledger/generate', { document_id: siping2023 }));
  const tasks = (await root.get<{ items: { id: number; version: number }[] }>('/api/ledger/tasks?jurisdiction=四平市&year=2023')).items;
  const plan: [number, string, string, string[]][] = [
    [0, '四平市农业农村局', '2024-12-31', []],
    [1, '四平市发展和改革委员会', '2024-05-31', ['accept']],
    [2, '四平市商务局', '2024-12-31', ['accept', 'start', 'request_completion', 'review', 'close']],
  ];
  for (const [i, unit, deadline, steps] of plan) {
    const id = tasks[i].id;
    let version = ((await ok(root.send('PUT', `/api/ledger/tasks/${id}`, { version: tasks[i].version, lead_unit_id: units[unit], lead_leader: '王副市长', deadline, internal_note: '按季度报送' }))).task as { version: number }).version;
    for (const action of ['assign', ...steps]) {
      version = ((await ok(root.send('POST', `/api/ledger/tasks/${id}/actions/${action}`, { version, note: '请按时办理' }))).task as { version: number }).version;
    }
    if (i === 0) {
      version = ((await ok(agri.send('POST', `/api/ledger/tasks/${id}/actions/accept`, { version }))).task as { version: number }).version;
      await ok(agri.send('POST', `/api/ledger/tasks/${id}/progress`, { version, report_date: '2024-06-01', narrative: '春播完成，粮食播种面积稳定', figure: 40, evidence: [] }));
      await ok(root.send('POST', `/api/ledger/tasks/${id}/urge`, { text: '请加快进度' }));
    }
  }
  const firstTask = tasks[0].id;

  // 票决: one session with a closed selection round and a satisfaction round open; another with choosing open.
  const session = async (title: string, seats: number, candidates: string[], deputies: string[]) => {
    const id = ((await ok(root.send('POST', '/api/votes/sessions', { jurisdiction: '某某区', year: 2024, title, seats }))).session as { id: number }).id;
    const c = (await ok(root.send('POST', `/api/votes/sessions/${id}/candidates`, { text: candidates.join('\n') }))).items as { id: number }[];
    const codes = ((await ok(root.send('POST', `/api/votes/sessions/${id}/deputies`, { text: deputies.join('\n') }))).items as { code: string }[]).map((d) => d.code);
    const round = ((await ok(root.send('POST', `/api/votes/sessions/${id}/rounds`, { kind: 'selection' }))).round as { id: number }).id;
    return { id, candidates: c.map((x) => x.id), codes, round };
  };
  const rated = await session('2024年区人大三次会议民生实事项目票决', 2, ['新建城区公办幼儿园3所：新增学位1080个', '老旧小区改造51个', '农村公路提档升级200公里'], ['王建国，第一代表团', '李秀英，第一代表团', '张伟，第二代表团']);
  const deputy = new ApiClient(base);
  await deputy.get('/api/ledger/session');
  for (const code of rated.codes.slice(0, 2)) await ok(deputy.send('POST', `/api/votes/rounds/${rated.round}/ballots`, { code, choices: rated.candidates.slice(0, 2) }));
  await ok(root.send('POST', `/api/votes/rounds/${rated.round}/close`, {}));
  await ok(root.send('POST', `/api/votes/sessions/${rated.id}/rounds`, { kind: 'satisfaction' }));
  const choosing = await session('2025年区人大一次会议民生实事项目票决', 3, ['城区供水管网改造', '新增公共停车泊位3000个', '中小学校食堂改造', '农村饮水安全巩固提升', '残疾人康复服务'], ['刘洋，第二代表团', '陈静，第三代表团']);

  // 建议/提案: answered and rated, overdue, not assigned.
  const proposal = async (data: Record<string, unknown>) => (await ok(root.send('POST', '/api/proposals', { jurisdiction: '四平市', year: 2024, ...data }))).proposal as { id: number; version: number };
  const answered = await proposal({ kind: 'suggestion', number: '12', title: '关于增加城区公办幼儿园学位的建议', proposers: ['王建国', '李秀英'], lead_unit_id: units['四平市农业农村局'], assist_unit_ids: [units['四平市商务局']], assigned_at: '2024-03-15' });
  const replied = (await ok(agri.send('POST', `/api/proposals/${answered.id}/reply`, { version: answered.version, text: '已纳入年度计划。', replied_at: '2024-05-20' }))).proposal as { version: number };
  await ok(root.send('POST', `/api/proposals/${answered.id}/satisfaction`, { version: replied.version, satisfaction: 'basically', at: '2024-05-28' }));
  await proposal({ kind: 'proposal', number: '3', title: '关于加强校园周边交通安全管理的提案', proposers: ['刘洋'], lead_unit_id: units['四平市发展和改革委员会'], assigned_at: '2024-02-01' });
  await proposal({ kind: 'proposal', number: '21', title: '关于发展社区托育服务的提案', proposers: ['赵敏'] });

  const enterCode = (code: string) => async (page: Page) => {
    await page.locator('[data-testid=vote-code]').fill(code);
    await page.locator('[data-testid=ballot-enter]').click();
    await page.locator('[data-testid=ballot]').waitFor();
  };
  const place = encodeURIComponent('四平市');
  const card = await root.get<{ items: { key: string; evidence?: unknown }[] }>(`/api/check?jurisdiction=${place}&year=2023`);
  const checkItem = encodeURIComponent((card.items.find((i) => i.evidence) ?? card.items[0]).key);
  const views: View[] = [
    { name: 'library', path: 'library', who: 'visitor', ready: '[data-testid=reports] tbody tr' },
    { name: 'library-import', path: 'library', who: 'root', ready: '[data-testid=dropzone]' },
    { name: 'reader', path: `report/${siping2023}`, who: 'visitor', ready: '[data-testid=doc-text] mark' },
    {
      name: 'reader-fact',
      path: `report/${siping2023}`,
      who: 'visitor',
      ready: '[data-testid=doc-text] mark',
      act: async (page) => {
        await page.locator('mark[data-kind=target]').first().click();
        await page.locator('[data-testid=fact-detail]').waitFor();
      },
    },
    { name: 'reader-long', path: `report/${longId}`, who: 'visitor', ready: '[data-testid=doc-text] mark' },
    {
      name: 'check',
      path: `check?place=${place}&year=2023`,
      who: 'visitor',
      ready: '[data-testid=check-headline]',
      act: async (page) => {
        await page.locator('[data-testid=check-row]').first().click();
        await page.locator('[data-testid=check-detail]').waitFor();
      },
    },
    { name: 'check-meter', path: `check/${place}/2023`, who: 'visitor', ready: '[data-testid=meter-chart] svg' },
    { name: 'check-item', path: `check/${place}/2023/item/${checkItem}`, who: 'visitor', ready: '[data-testid=check-detail]' },
    { name: 'check-years', path: `check/${place}/years`, who: 'visitor', ready: '[data-testid=years-table] [data-testid=years-row]' },
    { name: 'compare', path: 'compare?indicator=gdp', who: 'visitor', ready: '[data-testid=compare-table] tbody tr' },
    { name: 'search', path: `search?q=${encodeURIComponent('项目')}`, who: 'visitor', ready: '[data-testid=hits] mark' },
    { name: 'login', path: 'login', who: 'visitor', ready: '[data-testid=login-form]' },
    { name: 'password-reset', path: 'reset', who: 'visitor', ready: '[data-testid=reset-form]' },
    { name: 'people', path: 'people', who: 'root', ready: '[data-testid=account-row]' },
    { name: 'reader-withdraw', path: `report/${siping2023}`, who: 'root', ready: '[data-testid=withdraw-open]', act: async (page) => {
      await page.locator('[data-testid=withdraw-open]').click();
      await page.locator('[data-testid=withdraw-dependents] li').first().waitFor();
    } },
    { name: 'ledger', path: `ledger?place=${place}&year=2023`, who: 'root', ready: '[data-testid=task-row]' },
    { name: 'ledger-task', path: `ledger/task/${firstTask}`, who: 'root', ready: '[data-testid=timeline-entry]' },
    { name: 'ledger-dashboard', path: `ledger/dashboard?place=${place}&year=2023`, who: 'root', ready: '[data-testid=dashboard-table] tbody tr' },
    { name: 'ledger-mine', path: 'ledger/mine', who: 'agri', ready: '[data-testid=task-row]' },
    { name: 'ledger-task-unit', path: `ledger/task/${firstTask}`, who: 'agri', ready: '[data-testid=progress-list]' },
    { name: 'ledger-task-leader', path: `ledger/task/${firstTask}`, who: 'boss', ready: '[data-testid=workflow]' },
    { name: 'votes', path: 'votes', who: 'root', ready: '[data-testid=vote-sessions] tbody tr' },
    { name: 'votes-public', path: 'votes', who: 'visitor', ready: '[data-testid=vote-sessions] tbody tr' },
    { name: 'votes-session', path: `votes/session/${rated.id}`, who: 'root', ready: '[data-testid=tally-table]' },
    { name: 'votes-results', path: `votes/results/${rated.id}`, who: 'visitor', ready: '[data-testid=tally-table]' },
    { name: 'ballot', path: 'vote', who: 'visitor', ready: '[data-testid=vote-code]' },
    { name: 'ballot-choose', path: 'vote', who: 'visitor', ready: '[data-testid=vote-code]', act: enterCode(choosing.codes[0]) },
    { name: 'ballot-rate', path: 'vote', who: 'visitor', ready: '[data-testid=vote-code]', act: enterCode(rated.codes[2]) },
    { name: 'proposals', path: `proposals?place=${place}&year=2024`, who: 'root', ready: '[data-testid=proposal-row]' },
    { name: 'proposals-item', path: `proposals/item/${answered.id}`, who: 'root', ready: '[data-testid=proposal-history] li' },
    { name: 'proposals-stats', path: 'proposals/stats', who: 'visitor', ready: '[data-testid=stats-table]' },
    { name: 'proposals-public', path: 'proposals', who: 'visitor', ready: '[data-testid=stats-table]' },
    { name: 'not-found', path: 'report/9999', who: 'visitor', ready: '[role=alert]' },
    { name: 'check-unknown', path: `check?place=${encodeURIComponent('火星市')}&year=2023`, who: 'visitor', ready: '[role=alert]' },
  ];
  return { views, longId };
}

/** The views that fail on purpose (an unknown report, a place with no report): their 404s are expected. */
const EXPECTED_404 = /\/api\/(documents\/9999|check\?)/;

/** One browser context per account and language, signed in through the sign-in page. */
export class Accounts {
  private readonly contexts = new Map<string, BrowserContext>();
  /** Console and page errors other than the expected 404s. */
  readonly consoleErrors: string[] = [];
  constructor(
    private readonly browser: Browser,
    private readonly base: string,
    private readonly viewport: { width: number; height: number },
  ) {}

  private watch(page: Page): Page {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location().url;
      if (msg.text().includes('status of 404') && EXPECTED_404.test(url)) return;
      this.consoleErrors.push(`${msg.text()} (${url})`);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`page error: ${e.message}`));
    return page;
  }

  async page(who: Who, lang: 'zh' | 'en'): Promise<Page> {
    const key = `${who}|${lang}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = await this.browser.newContext({ viewport: this.viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: this.viewport.width < 800, isMobile: this.viewport.width < 800 });
      await context.addInitScript((l) => localStorage.setItem('luoshi.lang', l), lang);
      this.contexts.set(key, context);
      if (who !== 'visitor') {
        const page = await context.newPage();
        await page.goto(`${this.base}/#/login`);
        // By the keyboard: the button's name depends on the language.
        await page.locator('[data-testid=login-name]').fill(who);
        await page.locator('[data-testid=login-password]').fill(PASSWORD);
        await page.locator('[data-testid=login-password]').press('Enter');
        await page.waitForURL(/#\/ledger/);
        await page.close();
      }
    }
    return this.watch(await context.newPage());
  }

  async close(): Promise<void> {
    for (const c of this.contexts.values()) await c.close();
  }
}

/** Opens a view and waits until it shows what it should (and its step, if any, is done). */
export async function openView(page: Page, base: string, view: View): Promise<void> {
  await page.goto(`${base}/#/${view.path}`);
  await page.locator('main h1, main [role=alert]').first().waitFor();
  if (view.ready) await page.locator(view.ready).first().waitFor();
  if (view.act) await view.act(page);
}
