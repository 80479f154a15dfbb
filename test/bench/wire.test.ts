/**
 * The mixed load's clients speak HTTP/1.1 on their own sockets
 * (bench/wire.ts): an answer's body must come back whole whatever frames it,
 * cookies must be kept as a browser keeps them, and a closed or silent
 * connection must fail its request and reconnect for the next.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../bench/http.js';
import { Framer, headerValues, requestBytes, Wire, type Framed } from '../../bench/wire.js';

let server: Server;
let port = 0;
let sockets = 0;
const BODY = '答'.repeat(5000); // 15,000 bytes: more than one read of the socket

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.from(BODY);
      switch (req.url) {
        case '/chunked':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write(body.subarray(0, 7001)); // cuts a character: the body is kept as bytes until read
          setTimeout(() => res.end(body.subarray(7001)), 2);
          break;
        case '/echo':
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ got: JSON.parse(Buffer.concat(chunks).toString('utf8')), cookie: req.headers.cookie ?? null, csrf: req.headers['x-csrf-token'] ?? null }));
          break;
        case '/login':
          res.writeHead(200, [['set-cookie', 'luoshi_session=abc; HttpOnly'], ['set-cookie', 'luoshi_csrf=k%20y; Path=/'], ['content-length', '2']]).end('ok');
          break;
        case '/close':
          res.writeHead(200, { 'content-length': 2, connection: 'close' }).end('ok');
          break;
        case '/silent':
          break; // never answers
        default:
          res.writeHead(200, { 'content-length': body.length }).end(body);
      }
    });
  });
  server.on('connection', () => sockets++);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('no address');
  port = addr.port;
});

afterAll(() => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }));

describe('bench/wire.ts', () => {
  it('frames answers split anywhere, byte by byte included', () => {
    const raw = Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\n答\r\n6\r\n问题\r\n0\r\n\r\nHTTP/1.1 204 No Content\r\ncontent-length: 5\r\n\r\nHTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\nno');
    for (const step of [1, 7, raw.length]) {
      const got: Framed[] = [];
      const f = new Framer(true);
      for (let i = 0; i < raw.length; i += step) f.push(raw.subarray(i, i + step), (a) => got.push(a));
      expect(got.map((a) => [a.status, a.body.toString('utf8')])).toEqual([[200, '答问题'], [204, ''], [404, 'no']]);
    }
  });

  it('reads every Set-Cookie line of a head', () => {
    expect(headerValues('HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nx: y\r\nset-cookie:b=2; Path=/', 'set-cookie')).toEqual(['a=1', 'b=2; Path=/']);
    expect(requestBytes('POST', '/p', 'h:1', { a: 'b' }, Buffer.from('体')).toString('utf8')).toBe('POST /p HTTP/1.1\r\nHost: h:1\r\na: b\r\ncontent-length: 3\r\n\r\n体');
  });

  it('carries a browser: bodies whole, cookies kept and sent, CSRF header on writes, one connection reused', async () => {
    const before = sockets;
    const wire = new Wire('127.0.0.1', port);
    const b = new Browser(new URL(`http://127.0.0.1:${port}`), wire, '10.0.0.9');
    expect((await b.send('GET', '/length')).text).toBe(BODY);
    expect((await b.send('GET', '/chunked')).text).toBe(BODY);
    await b.send('GET', '/login');
    expect(b.cookies.get('luoshi_csrf')).toBe('k y');
    expect(await b.expect(200, 'PUT', '/echo', { 版本: 3 })).toEqual({ got: { 版本: 3 }, cookie: 'luoshi_session=abc; luoshi_csrf=k%20y', csrf: 'k y' });
    expect(sockets - before).toBe(1);
    wire.close();
  });

  it('reconnects after the server closes, and fails a request not answered in time', async () => {
    const before = sockets;
    const wire = new Wire('127.0.0.1', port);
    const ask = (path: string, ms = 5000) => wire.request(requestBytes('GET', path, `127.0.0.1:${port}`, {}), ms);
    expect((await ask('/close')).body.toString()).toBe('ok');
    expect((await ask('/length')).body.length).toBe(15000);
    await expect(ask('/silent', 50)).rejects.toThrow('timeout');
    expect((await ask('/length')).status).toBe(200);
    expect(sockets - before).toBe(3);
    wire.close();
  });
});
