/**
 * The browser every end-to-end suite drives: Debian's Chromium (never a
 * downloaded one), with the flags this closed network needs, and a record
 * of console errors so a suite can fail on any it did not expect.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.LUOSHI_CHROMIUM ?? '/usr/bin/chromium';

/** A console error a suite provokes on purpose: an HTTP status on a URL. */
export interface ExpectedError {
  readonly status: number;
  readonly url: RegExp;
}

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console and page errors not listed as expected. */
  readonly consoleErrors: string[];
}

export async function openBrowser(expected: ExpectedError[] = []): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-zenhei`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location().url;
    const planned = expected.some((e) => msg.text().includes(`status of ${e.status}`) && e.url.test(url));
    if (!planned) consoleErrors.push(`${msg.text()} (${url})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  return { browser, context, page, consoleErrors };
}
