/**
 * The app called in-process through hono's `app.request()`, with answers
 * read into a plain object the suites can assert on: status, headers (one
 * string each, lower-case names) and the body bytes or text.
 */
export interface AppRequest {
  readonly method: string;
  /** Path with query string, e.g. `/api/search.json?q=农田`. */
  readonly url: string;
  readonly headers: Record<string, string | undefined>;
  readonly body?: Uint8Array;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export type App = (req: AppRequest) => Promise<AppResponse>;

interface Requestable {
  request(url: string, init?: RequestInit): Response | Promise<Response>;
}

const TEXT = /^(application\/json|text\/)/;

export function inProcess(app: Requestable): App {
  return async (req) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
    const res = await app.request(`http://luoshi.local${req.url}`, { method: req.method, headers, body: req.body ? new Uint8Array(req.body) : undefined });
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    // Several cookies may be set at once (a session and a device): one per line.
    const cookies = res.headers.getSetCookie();
    if (cookies.length) out['set-cookie'] = cookies.join('\n');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: out, body: TEXT.test(type) ? Buffer.from(bytes).toString('utf8') : bytes };
  };
}
