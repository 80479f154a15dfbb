/**
 * A small HTTP client for the API benches (no dependency): one request with
 * a JSON body, the answer's status, cookies and body; and a browser that
 * keeps the session and CSRF cookies and sends the CSRF header on writes,
 * as the web UI does, over node:http (set-up) or a plain socket of its own
 * (bench/wire.ts: the load, where the client's CPU counts). Loopback only.
 */
import http from 'node:http';
import { headerValues, requestBytes, Wire } from './wire.js';

export interface Answer {
  status: number;
  setCookies: string[];
  readonly text: string;
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  timeoutMs?: number;
}

export function call(base: URL, agent: http.Agent, c: Call): Promise<Answer> {
  return new Promise((ok, fail) => {
    const body = c.json === undefined ? undefined : Buffer.from(JSON.stringify(c.json));
    const headers: Record<string, string> = { ...c.headers };
    if (body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(body.length);
    }
    const req = http.request({ host: base.hostname, port: base.port, method: c.method, path: c.path, headers, agent, timeout: c.timeoutMs ?? 10000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('error', fail);
      res.on('end', () => {
        const sc = res.headers['set-cookie'];
        ok({ status: res.statusCode ?? 0, setCookies: sc ? (Array.isArray(sc) ? sc : [sc]) : [], text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(body);
  });
}

/** Cookies and the CSRF header of one signed-in (or anonymous) browser; `ip` goes in X-Forwarded-For. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** How long an answer may take (the load's 10 s; set-up requests such as a roster of thousands are given longer). */
  timeoutMs = 10000;
  constructor(readonly base: URL, readonly via: http.Agent | Wire, readonly ip: string) {}

  headers(write: boolean): Record<string, string> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const csrf = this.cookies.get('luoshi_csrf');
    if (write && csrf) h['x-csrf-token'] = csrf;
    return h;
  }

  async send(method: Call['method'], path: string, json?: unknown): Promise<Answer> {
    const headers = this.headers(method !== 'GET');
    const a = this.via instanceof Wire ? await this.overWire(this.via, method, path, headers, json) : await call(this.base, this.via, { method, path, json, headers, timeoutMs: this.timeoutMs });
    for (const set of a.setCookies) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      const value = decodeURIComponent(pair.slice(eq + 1));
      if (value === '' || /Max-Age=0/i.test(set)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return a;
  }

  private async overWire(wire: Wire, method: Call['method'], path: string, headers: Record<string, string>, json: unknown): Promise<Answer> {
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    if (body) headers['content-type'] = 'application/json';
    const a = await wire.request(requestBytes(method, path, this.base.host, headers, body), this.timeoutMs);
    // The body is decoded only when read: most answers of a load are only counted.
    return { status: a.status, setCookies: headerValues(a.head, 'set-cookie'), get text() { return a.body.toString('utf8'); } };
  }

  /** Sends and checks the status; the parsed body. */
  async expect(status: number, method: Call['method'], path: string, json?: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const a = await this.send(method, path, json);
    if (a.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${a.status}: ${a.text.slice(0, 300)}`);
    return JSON.parse(a.text);
  }

  async login(name: string, password: string): Promise<void> {
    if (!this.cookies.has('luoshi_csrf')) await this.send('GET', '/api/ledger/session');
    await this.expect(200, 'POST', '/api/ledger/login', { name, password });
  }
}
