/**
 * No request may end the server: bodies that stop early or are cancelled
 * mid-upload get an error (or nothing, when the client is gone) and the
 * server process goes on answering. Runs a real `luoshi serve` process so
 * that a crash cannot hide behind the test runner.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProcess, type ServeProcess } from '../helpers/serve-process.js';

/** Sends raw bytes, then half-closes or destroys the socket; resolves with what came back. */
function raw(port: number, payload: string, how: 'end' | 'destroy', waitMs = 150): Promise<string> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    sock.on('data', (d) => (got += d.toString('utf8')));
    sock.on('error', () => resolve(got));
    sock.on('close', () => resolve(got));
    sock.write(payload, () => {
      if (how === 'end') sock.end();
      else setTimeout(() => sock.destroy(), waitMs);
    });
  });
}

const head = (n: number, path: string) => `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${n}\r\n\r\n`;

describe('a real server under broken requests', () => {
  let srv: ServeProcess;
  beforeAll(async () => {
    srv = await serveProcess();
  }, 90000);
  afterAll(async () => {
    await srv?.stop();
  });

  const health = async () => (await fetch(`${srv.base}/-/health`)).status;

  it('survives bodies shorter than their Content-Length, on every kind of write route', async () => {
    for (const path of ['/api/import?filename=a.txt', '/api/ledger/login', '/api/votes/cast']) {
      await raw(srv.port, head(10, path) + 'ab', 'end');
      await raw(srv.port, head(100000, path) + 'x'.repeat(5000), 'destroy');
      expect(srv.alive(), `${path}: ${srv.stderr()}`).toBe(true);
      expect(await health()).toBe(200);
    }
  });

  it('survives a chunked upload cancelled half-way', async () => {
    const payload = 'POST /api/import?filename=b.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n' + 'y'.repeat(300);
    await raw(srv.port, payload, 'destroy');
    await raw(srv.port, payload, 'end');
    expect(srv.alive(), srv.stderr()).toBe(true);
    expect(await health()).toBe(200);
  });

  it('survives a browser-style upload aborted mid-stream', async () => {
    const ctl = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(1000).fill(65));
        setTimeout(() => ctl.abort(), 50);
      },
    });
    const init = { method: 'POST', body, signal: ctl.signal, duplex: 'half' } as RequestInit;
    await expect(fetch(`${srv.base}/api/import?filename=c.txt`, init)).rejects.toThrow();
    expect(srv.alive(), srv.stderr()).toBe(true);
    expect(await health()).toBe(200);
    const counts = await (await fetch(`${srv.base}/-/health`)).json();
    expect(counts.counts.documents).toBe(0);
  });
});
