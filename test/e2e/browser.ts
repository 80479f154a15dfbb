/**
 * The browser every end-to-end suite drives: Debian's Chromium (never a
 * downloaded one), with the flags this closed network needs, and a record
 * of console errors so a suite can fail on any it did not expect.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, staticFiles } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open.js';
import type { Repository } from '../../src/store/repository.js';

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
  // Users read times in China time; so does the browser here, whatever the machine's zone.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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

/** A screenshot into docs/screenshots; a full page is taken from the top (the header is sticky). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name), fullPage });
}

/** Fills and sends the sign-in form the page shows; the caller waits for what signing in leads to. */
export async function submitSignIn(page: Page, name: string, password: string): Promise<void> {
  await page.locator('[data-testid=login-name]').fill(name);
  await page.locator('[data-testid=login-password]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

// --- the app under test ----------------------------------------------------

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'web', 'dist');
export const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
export const SHOTS = join(ROOT, 'docs', 'screenshots');

/** Outside CI a missing build skips the suites (with a message); in CI they run and fail. */
export const MISSING_DIST = !existsSync(join(DIST, 'index.html'));
export const SKIP_E2E = MISSING_DIST && !process.env.CI;
if (SKIP_E2E) process.stderr.write('test/e2e: SKIPPED — web/dist is missing; run `npm run build:web` (in CI this test runs and fails instead)\n');

export interface WebApp {
  readonly repo: Repository;
  readonly base: string;
  close(): Promise<void>;
}

/** A real server on a temporary SQLite database serving the built UI. */
export async function startWebApp(options: { now?: () => Date } = {}): Promise<WebApp> {
  if (MISSING_DIST) throw new Error('web/dist is missing: run `npm run build:web` before the e2e tests');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-e2e-'));
  const repo = await openStore({ db: join(dir, 'e2e.db'), env: {} });
  const server = await startServer(repo, 0, '127.0.0.1', { staticHandler: staticFiles(DIST), ...(options.now ? { now: options.now } : {}) });
  return {
    repo,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((ok) => server.close(ok));
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cookie-keeping API client for the set-up, the way a browser talks to the ledger. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  private keep(res: Response): Response {
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    }
    return res;
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const csrf = this.cookies.get('luoshi_csrf');
    if (csrf) h['x-csrf-token'] = csrf;
    return h;
  }

  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    return (await this.keep(await fetch(this.base + path, { headers: this.headers() })).json()) as T;
  }

  async send(method: 'POST' | 'PUT', path: string, data: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = this.keep(await fetch(this.base + path, { method, headers: this.headers(), body: JSON.stringify(data) }));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** POST /api/import with the file's bytes, as the signed-in account. */
  async upload(filename: string, bytes: Uint8Array): Promise<{ status: number; body: Record<string, unknown> }> {
    const headers = { ...this.headers(), 'content-type': 'application/octet-stream' };
    const res = this.keep(await fetch(`${this.base}/api/import?filename=${encodeURIComponent(filename)}`, { method: 'POST', headers, body: new Uint8Array(bytes) }));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async login(name: string, password: string): Promise<void> {
    await this.get('/api/ledger/session');
    const r = await this.send('POST', '/api/ledger/login', { name, password });
    if (r.status !== 200) throw new Error(`login ${name}: ${JSON.stringify(r.body)}`);
  }
}
