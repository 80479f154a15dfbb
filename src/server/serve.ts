/**
 * The node:http adapter (@hono/node-server) for the app, plus static files
 * for the web UI. A request whose body stops early or is cancelled fails
 * that request only; slow clients hold a socket, never the server.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Repository } from '../store/repository.js';
import { createApp, type AppOptions } from './app.js';
import { errorBody } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** Serves files under `root`; unknown paths get index.html (client-side routes). */
export function staticFiles(root: string): (path: string) => Promise<Response | undefined> {
  const base = resolve(root);
  return async (path) => {
    const target = resolve(base, '.' + normalize('/' + path));
    if (!target.startsWith(base)) return undefined;
    for (const file of [target, join(base, 'index.html')]) {
      try {
        const info = await stat(file);
        if (!info.isFile()) continue;
        // Vite names built assets by their content's hash: a name never changes meaning, so browsers keep them for good.
        const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/.test(file);
        const cache = file.endsWith('index.html') ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'max-age=3600';
        const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache };
        return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
      } catch {
        // try the next candidate
      }
    }
    return undefined;
  };
}

/**
 * A process's first requests pay for what is built on first use: the
 * router's matcher, each validator, the code of the read routes and of the
 * HTTP adapter. Under load everything queued behind them waits as long (a
 * fresh server at 500 req/s answers its first second far slower than the
 * rest), so once listening the server asks itself a few public reads of what
 * it stores, over HTTP, before it reports ready. A read that fails only leaves
 * its path cold.
 */
export async function warmUp(server: Server, repo: Repository): Promise<void> {
  const addr = server.address();
  if (!addr || typeof addr !== 'object') return;
  const host = addr.address === '0.0.0.0' ? '127.0.0.1' : addr.address === '::' ? '[::1]' : addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const first = (await repo.listDocuments({}, { limit: 1, offset: 0 })).items[0];
  const paths = ['/-/health', '/api/reports.json?_limit=1', '/api/targets.json?_limit=1', '/api/commitments.json?_limit=1', `/api/search.json?q=${encodeURIComponent('发展')}&_limit=1`];
  if (first) paths.push(`/api/documents/${first.id}.json`);
  for (const path of paths) {
    try {
      await (await fetch(`http://${host}:${addr.port}${path}`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
    } catch {
      // cold, not broken: a real request will say what is wrong
    }
  }
}

export async function startServer(repo: Repository, port: number, host: string, options: AppOptions = {}): Promise<Server> {
  const app = createApp(repo, options);
  const listener = getRequestListener(app.fetch, {
    // Reached only when the request itself breaks (a body cut short, a client gone): answer if anyone listens.
    errorHandler: () => new Response(JSON.stringify(errorBody(400, 'incomplete_request', 'the request ended before its body was complete')), { status: 400, headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } }),
  });
  const server = createServer((req, res) => {
    // Errors on either stream of one request (client gone, reset) concern that request only.
    req.on('error', () => {});
    res.on('error', () => {});
    res.setHeader('x-content-type-options', 'nosniff');
    listener(req, res).catch((e: unknown) => {
      process.stderr.write(`luoshi serve: ${(e as Error).stack ?? String(e)}\n`);
      if (!res.headersSent && !res.destroyed) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(errorBody(500, 'internal', 'internal error')));
      else res.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  // An idle kept-alive connection stays open longer than a proxy's usual upstream idle time, so
  // the server is not the one closing a socket just as a client or proxy sends on it again.
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  await warmUp(server, repo);
  return server;
}
