/**
 * The bench's load generator frames answers itself (bench/load.ts): each way
 * an HTTP/1.1 answer can end must be counted as one answer, on a connection
 * that then carries the next request.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let server: Server;
let base = '';
const seen: { path: string; encoding: string | undefined }[] = [];
let sockets = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', encoding: req.headers['accept-encoding'] });
    const body = Buffer.from('答'.repeat(5000)); // 15,000 bytes: more than one read of the socket
    switch (req.url) {
      case '/length':
        res.writeHead(200, { 'content-length': body.length }).end(body);
        break;
      case '/chunked':
        // Written in pieces without a length: node sends them chunked.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(body.subarray(0, 7000));
        setTimeout(() => res.end(body.subarray(7000)), 2);
        break;
      case '/no-content':
        res.writeHead(204).end();
        break;
      case '/not-modified':
        // A 304 may give the length of the answer it stands for; it still has no body.
        res.writeHead(304, { etag: '"x"', 'content-length': body.length }).end();
        break;
      case '/close':
        res.writeHead(200, { 'content-length': 2, connection: 'close' }).end('ok');
        break;
      default:
        res.writeHead(404, { 'content-length': 9 }).end('not found');
    }
  });
  server.on('connection', () => sockets++);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('no address');
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('bench/load.ts', () => {
  it('counts every answer once, whatever frames it, and reuses kept-alive connections', async () => {
    const paths = ['/length', '/chunked', '/no-content', '/not-modified', '/close', '/missing'];
    // Asynchronously: the server answers from this process.
    const out = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'load.ts'), JSON.stringify({ base, paths, rate: 240, seconds: 1, sockets: 4, headers: { 'accept-encoding': 'gzip' } })], { cwd: ROOT, encoding: 'utf8' });
    const r = JSON.parse(out.stdout) as { sent: number; completed: number; errors: number; non2xx: number; unfinished: number; status: Record<string, number> };
    expect(r.sent).toBe(240);
    expect(r.errors).toBe(0);
    expect(r.unfinished).toBe(0);
    expect(r.completed).toBe(240);
    expect(r.status).toEqual({ 200: 120, 204: 40, 304: 40, 404: 40 });
    expect(r.non2xx).toBe(80);
    expect(seen.filter((s) => s.path === '/missing')).toHaveLength(40);
    expect(seen.every((s) => s.encoding === 'gzip')).toBe(true);
    // Connections are kept except where the server closes them: 40 closes, at most 4 open at a time.
    expect(sockets).toBeLessThanOrEqual(40 + 4);
  });
});
