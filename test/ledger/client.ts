/** An in-process browser for the ledger API: keeps cookies and sends the CSRF header. */
import type { App, AppResponse } from '../helpers/in-process.js';

export type { App };

export const text = (r: AppResponse) => (typeof r.body === 'string' ? r.body : Buffer.from(r.body).toString('utf8'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const body = (r: AppResponse): any => JSON.parse(text(r));

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: App, readonly ip = '10.0.0.1') {}

  private store(res: AppResponse): AppResponse {
    // One Set-Cookie per line (the in-process adapter joins several with newlines).
    for (const set of (res.headers['set-cookie'] ?? '').split('\n').filter(Boolean)) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      const value = decodeURIComponent(pair.slice(eq + 1));
      if (value === '' || /Max-Age=0/.test(set)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return res;
  }

  headers(csrf = true): Record<string, string> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const token = this.cookies.get('luoshi_csrf');
    if (csrf && token) h['x-csrf-token'] = token;
    return h;
  }

  async get(url: string): Promise<AppResponse> {
    return this.store(await this.app({ method: 'GET', url, headers: this.headers(false) }));
  }

  async send(method: 'POST' | 'PUT', url: string, data: unknown = {}, opts: { csrf?: boolean } = {}): Promise<AppResponse> {
    return this.store(await this.app({ method, url, headers: { ...this.headers(opts.csrf ?? true), 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(data)) }));
  }

  post(url: string, data: unknown = {}, opts: { csrf?: boolean } = {}) {
    return this.send('POST', url, data, opts);
  }

  put(url: string, data: unknown = {}, opts: { csrf?: boolean } = {}) {
    return this.send('PUT', url, data, opts);
  }

  /** POST /api/import with raw bytes, as the signed-in account (with the CSRF header unless told not to). */
  async upload(filename: string, bytes: Uint8Array, opts: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<AppResponse> {
    return this.store(await this.app({ method: 'POST', url: `/api/import?filename=${encodeURIComponent(filename)}`, headers: { ...this.headers(opts.csrf ?? true), 'content-type': 'application/octet-stream', ...opts.headers }, body: bytes }));
  }

  async delete(url: string, opts: { csrf?: boolean } = {}): Promise<AppResponse> {
    return this.store(await this.app({ method: 'DELETE', url, headers: this.headers(opts.csrf ?? true) }));
  }

  async login(name: string, password: string): Promise<AppResponse> {
    if (!this.cookies.has('luoshi_csrf')) await this.get('/api/ledger/session');
    return this.post('/api/ledger/login', { name, password });
  }
}
