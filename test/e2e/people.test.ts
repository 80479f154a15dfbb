/**
 * 人员与单位 in the web UI end to end (headless Chromium on a real server):
 * an administrator adds a unit and an account, disables the account (it can
 * no longer sign in), enables it, and gives out a one-time reset code with
 * which the account's owner sets a new password on #/reset.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { ApiClient, openBrowser, screenshot, SKIP_E2E, startWebApp, submitSignIn, type WebApp } from './browser.js';

const PASSWORD = 'S3cret-pass!';
const NEW_PASSWORD = 'Brand-new-passw0rd';

describe.skipIf(SKIP_E2E)('people and units pages in headless Chromium', () => {
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[] = [];
  let code = '';

  /** The status of a sign-in from a fresh client. */
  const signIn = async (name: string, password: string) => {
    const c = new ApiClient(app.base);
    await c.get('/api/ledger/session');
    return (await c.send('POST', '/api/ledger/login', { name, password })).status;
  };
  const row = () => page.locator('[data-testid=account-row][data-name=wang]');

  beforeAll(async () => {
    app = await startWebApp();
    await createAdmin(app.repo, 'root', PASSWORD);
    ({ browser, context, page, consoleErrors } = await openBrowser([{ status: 401, url: /\/api\/ledger\/login$/ }]));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(consoleErrors).toEqual([]);
  });

  it('adds a unit and an account', async () => {
    await page.goto(`${app.base}/#/people`);
    await page.locator('[data-testid=login-form]').waitFor();
    await submitSignIn(page, 'root', PASSWORD);
    await page.locator('[data-testid=unit-form]').waitFor();
    await page.locator('[data-testid=unit-name]').fill('市住房和城乡建设局');
    await page.locator('[data-testid=unit-form] button[type=submit]').click();
    await page.locator('[data-testid=unit-row] input[value=市住房和城乡建设局]').waitFor();

    await page.locator('[data-testid=account-name]').fill('wang');
    await page.locator('[data-testid=account-password]').fill(PASSWORD);
    await page.locator('[data-testid=account-role]').selectOption('unit_officer');
    const unit = await page.locator('[data-testid=account-unit] option', { hasText: '市住房和城乡建设局' }).getAttribute('value');
    await page.locator('[data-testid=account-unit]').selectOption(unit!);
    await page.locator('[data-testid=account-add]').click();
    await row().waitFor();
    await expect.poll(() => row().locator('[data-testid=account-state]').textContent()).toBe('正常');
    expect(await signIn('wang', PASSWORD)).toBe(200);
  });

  it('disables the account (it cannot sign in) and enables it again', async () => {
    await row().locator('[data-testid=account-toggle]').click();
    await row().locator('[data-testid=account-state]', { hasText: '已停用' }).waitFor();
    expect(await signIn('wang', PASSWORD)).toBe(401);
    await screenshot(page, 'people.png', true);
    await row().locator('[data-testid=account-toggle]').click();
    await row().locator('[data-testid=account-state]', { hasText: '正常' }).waitFor();
    expect(await signIn('wang', PASSWORD)).toBe(200);
  });

  it('gives out a one-time reset code, with which the owner sets a new password', async () => {
    await row().locator('[data-testid=account-reset]').click();
    const shown = await row().locator('[data-testid=reset-code]').textContent();
    code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(shown ?? '')?.[0] ?? '';
    expect(code).not.toBe('');

    const owner = await context.browser()!.newContext({ locale: 'zh-CN' });
    const p = await owner.newPage();
    await p.goto(`${app.base}/#/login`);
    await p.getByRole('link', { name: '有重置码？设置新密码' }).click();
    await p.locator('[data-testid=reset-form]').waitFor();
    await p.locator('[data-testid=reset-name]').fill('wang');
    await p.locator('[data-testid=reset-code-input]').fill(code.toLowerCase());
    await p.locator('[data-testid=reset-password]').fill(NEW_PASSWORD);
    await p.getByRole('button', { name: '设置新密码' }).click();
    await p.locator('[data-testid=reset-done]').waitFor();
    await owner.close();
    expect(await signIn('wang', PASSWORD)).toBe(401);
    expect(await signIn('wang', NEW_PASSWORD)).toBe(200);
  });
});
