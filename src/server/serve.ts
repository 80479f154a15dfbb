/**
 * node:http adapter for the app, plus static files for the web UI.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Repository } from '../store/repository.js';
import { createApp, DEFAULT_MAX_UPLOAD, type AppOptions } from './app.js';
import { errorResponse, type AppResponse } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** Serves files under `root`; unknown paths get index.html (client-side routes). */
export function staticFiles(root: string): (path: string) => Promise<AppResponse | undefined> {
  const base = resolve(root);
  return async (path) => {
    const target = resolve(base, '.' + normalize('/' + path));
    if (!target.startsWith(base)) return undefined;
    for (const file of [target, join(base, 'index.html')]) {
      try {
        const info = await stat(file);
        if (!info.isFile()) continue;
        return {
          status: 200,
          headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600' },
          body: await readFile(file),
        };
      } catch {
        // try the next candidate
      }
    }
    return undefined;
  };
}

/** Thrown when the client stops sending before the body is complete (aborted, reset, truncated). */
class BodyIncomplete extends Error {
  override readonly name = 'BodyIncomplete';
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    // A cancelled upload or a body shorter than its Content-Length ends the
    // stream with 'aborted'/ECONNRESET: a fault of this request, never of the server.
    throw new BodyIncomplete((e as Error).message);
  }
  if (!req.complete) throw new BodyIncomplete('the body ended before its declared length');
  return Buffer.concat(chunks);
}

export function startServer(repo: Repository, port: number, host: string, options: AppOptions = {}): Promise<Server> {
  const app = createApp(repo, options);
  const limit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const server = createServer((req, res) => {
    // Errors on either stream of one request (client gone, reset) concern that request only.
    req.on('error', () => {});
    res.on('error', () => {});
    void answer(req, res).catch((e: unknown) => {
      process.stderr.write(`luoshi serve: ${(e as Error).stack ?? String(e)}\n`);
      if (!res.headersSent && !res.destroyed) {
        const r = errorResponse(500, 'internal error');
        res.writeHead(r.status, r.headers).end(r.body);
      } else res.destroy();
    });
  });
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let response: AppResponse;
    let body: Uint8Array | 'too-large' | undefined;
    try {
      body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req, limit) : undefined;
    } catch (e) {
      if (!(e instanceof BodyIncomplete)) throw e;
      // Nothing was handed to the app; answer if the client still listens.
      if (!res.destroyed) res.writeHead(400, { connection: 'close', 'content-type': 'application/json; charset=utf-8' }).end(errorResponse(400, `incomplete request body: ${e.message}`).body);
      return;
    }
    if (body === 'too-large') {
      response = errorResponse(413, `upload too large: the limit is ${limit} bytes`);
      res.setHeader('connection', 'close');
    } else {
      response = await app({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers as Record<string, string>, body });
    }
    if (res.destroyed) return;
    res.writeHead(response.status, { 'x-content-type-options': 'nosniff', ...response.headers });
    res.end(req.method === 'HEAD' ? undefined : response.body);
  };
  // A client that sends headers or a body slowly holds a socket, not the server.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
