/**
 * Every view on a phone: 390×844 (and the 360–414 px of WeChat's in-app browser), in Chinese and in
 * English. No view may scroll sideways (`document.documentElement.scrollWidth <= innerWidth`); the
 * header collapses behind a menu button; tables become cards; the ballot has no office navigation and
 * touch targets a finger can hit. Screenshots: docs/screenshots/phone-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, SKIP_E2E, startWebApp, type WebApp } from './browser.js';
import { Accounts, CLOCK, openView, seedViews, type View } from './views.js';

const PHONE = { width: 390, height: 844 };
/** WeChat's in-app browser on the phones people carry, narrowest to widest. */
const WECHAT = [360, 414];
/** The views whose phone screenshots document the layout. */
const SHOTS = ['library', 'reader-fact', 'check', 'compare', 'ledger', 'ledger-task', 'ballot-choose', 'ballot-rate', 'proposals-stats', 'votes-results'];
/** Fingers need about 44 CSS px (Apple's and Google's guidance alike). */
const TOUCH = 44;

/** The page's width against the window's, and what sticks out when it is wider. */
function measure(page: Page, screen: number) {
  return page.evaluate((screen) => {
    const inner = Math.min(window.innerWidth, screen);
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > inner + 1 && out.length < 4) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}(${Math.round(r.right)})`);
    }
    return { scroll: document.documentElement.scrollWidth, inner, out };
  }, screen);
}

describe.skipIf(SKIP_E2E)('every view on a phone', () => {
  let app: WebApp;
  let browser: Browser;
  let views: View[];
  let accounts: Accounts;
  const widths: string[] = [];

  beforeAll(async () => {
    app = await startWebApp({ now: () => CLOCK });
    ({ views } = await seedViews(app));
    ({ browser } = await openBrowser());
    accounts = new Accounts(browser, app.base, PHONE);
  });

  afterAll(async () => {
    process.stdout.write(`\nphone widths (scrollWidth/innerWidth):\n${widths.join('\n')}\n`);
    await accounts?.close();
    await browser?.close();
    await app?.close();
    expect(accounts?.consoleErrors ?? []).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`opens every view at 390 px and at WeChat's 360–414 px in ${lang} without sideways scrolling`, { timeout: 600_000 }, async () => {
      const wide: string[] = [];
      for (const view of views) {
        const page = await accounts.page(view.who, lang);
        await openView(page, app.base, view);
        const line: string[] = [];
        for (const width of [PHONE.width, ...WECHAT]) {
          await page.setViewportSize({ width, height: PHONE.height });
          const m = await measure(page, width);
          line.push(`${width}:${m.scroll}`);
          // A phone browser zooms out to show a page wider than the screen (innerWidth grows with it): measure against the screen.
          if (m.scroll > m.inner) wide.push(`${lang} ${view.name} at ${width}: ${m.scroll} px (${m.out.join(', ')})`);
        }
        widths.push(`  ${lang} ${view.name.padEnd(18)} ${line.join('  ')}`);
        // The page title names the view in the page's language.
        expect(await page.title(), view.name).toMatch(lang === 'zh' ? / · 落实$/ : / · Luoshi$/);
        if (lang === 'zh' && SHOTS.includes(view.name)) {
          await page.setViewportSize(PHONE);
          await page.evaluate(() => window.scrollTo(0, 0));
          await screenshot(page, `phone-${view.name}.png`);
        }
        await page.close();
      }
      expect(wide).toEqual([]);
      // Thirty-odd views, five widths each: a walk, not a single page.
    });
  }

  it('collapses the header behind a menu button that opens the sections, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await accounts.page('visitor', lang);
      await openView(page, app.base, views.find((v) => v.name === 'library')!);
      const nav = page.locator('header.top nav');
      expect(await nav.isVisible()).toBe(false);
      await page.locator('[data-testid=menu]').click();
      await nav.getByRole('link').first().waitFor();
      expect(await nav.getByRole('link').count()).toBe(8);
      expect((await measure(page, PHONE.width)).scroll).toBeLessThanOrEqual(PHONE.width);
      if (lang === 'zh') await screenshot(page, 'phone-menu.png');
      // A section chosen from the menu closes it.
      await nav.getByRole('link').nth(1).click();
      await page.waitForURL(/#\/check/);
      await nav.waitFor({ state: 'hidden' });
      await page.close();
    }
  });

  it('in English the sections never cover the 中文 button, from phone to desktop widths', async () => {
    const page = await accounts.page('visitor', 'en');
    await openView(page, app.base, views.find((v) => v.name === 'library')!);
    for (const width of [390, 640, 800, 1024, 1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      const button = page.locator('header.top button.lang');
      const box = (await button.boundingBox())!;
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? '', [box.x + box.width / 2, box.y + box.height / 2]);
      expect(hit, `at ${width} px`).toBe('中文');
      expect(box.x + box.width, `at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.close();
  });

  it('shows tables as cards, one labelled field per line', async () => {
    const page = await accounts.page('root', 'zh');
    await openView(page, app.base, views.find((v) => v.name === 'ledger')!);
    expect(await page.locator('[data-testid=task-table] thead').first().isVisible()).toBe(false);
    const cell = page.locator('[data-testid=task-row]').first().locator('td').nth(1);
    const label = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"任务"');
    await page.close();
  });

  it('gives the ballot no office navigation and touch targets a finger can hit', async () => {
    for (const name of ['ballot-choose', 'ballot-rate']) {
      const page = await accounts.page('visitor', 'zh');
      await openView(page, app.base, views.find((v) => v.name === name)!);
      expect(await page.locator('header.top nav').count()).toBe(0);
      expect(await page.locator('[data-testid=menu]').count()).toBe(0);
      expect(await page.locator('.subnav').count()).toBe(0);
      const targets = page.locator('[data-testid=ballot] label:has(input), [data-testid=cast]');
      const heights = await targets.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
      expect(heights.length).toBeGreaterThan(2);
      expect(heights.filter((h) => h < TOUCH), name).toEqual([]);
      await page.close();
    }
  });
});
