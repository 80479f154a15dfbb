/**
 * Load generator, run as its own process: sends requests to a loopback server
 * at a held rate (open loop: the schedule does not wait for answers), for a
 * bounded time, and counts latency, non-2xx answers and errors.
 * Argument (JSON): { base, paths, rate, seconds, sockets? (default 64), headers? (sent with every request) }.
 * Prints one JSON line.
 *
 * It speaks HTTP/1.1 on plain sockets instead of through node:http's client:
 * it shares the machine's cores with the server it measures, and node:http's
 * client spent about as much CPU per request as the server did (its parser,
 * an IncomingMessage stream and events per answer), which the figures then
 * counted as the server's latency. Here an answer is only framed (status,
 * Content-Length or chunked, Connection), never decoded. Requests go out on
 * kept-alive connections, least recently used first (as many separate
 * clients' connections would), up to `sockets`; beyond that they wait for a
 * free connection, and latency counts from the scheduled send.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

interface Args { base: string; paths: string[]; rate: number; seconds: number; sockets?: number; headers?: Record<string, string> }

const a = JSON.parse(process.argv[2]) as Args;
const url = new URL(a.base);
if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname)) {
  process.stderr.write('load: only loopback addresses\n');
  process.exit(2);
}
const host = url.hostname.replace(/^\[|\]$/g, '');
const port = Number(url.port || 80);
const TIMEOUT_MS = 10_000;
const maxSockets = a.sockets ?? 64;
const extra = Object.entries(a.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
const requestBytes = a.paths.map((p) => Buffer.from(`GET ${p} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}\r\n`, 'latin1'));

const latencies: number[] = [];
const status: Record<string, number> = {};
let sent = 0;
let done = 0;
let errors = 0;
let non2xx = 0;
let bytes = 0;
const total = Math.round(a.rate * a.seconds);

interface Pending { index: number; t0: number }

/** One kept-alive connection carrying one request at a time. */
class Conn {
  readonly socket: net.Socket;
  current: Pending | undefined;
  private buf: Buffer = Buffer.alloc(0);
  /** Body bytes still to come (content-length), or -1 while reading chunk framing, or undefined before the head. */
  private remaining: number | undefined;
  private chunked = false;
  private close = false;
  private code = 0;

  constructor() {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (d: Buffer) => this.onData(d));
    this.socket.on('error', () => this.fail());
    this.socket.on('close', () => this.fail());
  }

  send(p: Pending): void {
    this.current = p;
    this.remaining = undefined;
    this.chunked = false;
    this.close = false;
    this.socket.write(requestBytes[p.index % requestBytes.length]);
  }

  private onData(d: Buffer): void {
    bytes += d.length;
    if (!this.current) return; // nothing asked: not an answer to count
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      if (this.remaining === undefined) {
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = this.buf.toString('latin1', 0, end);
        this.buf = this.buf.subarray(end + 4);
        this.code = Number(head.slice(9, 12));
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        this.chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(head);
        this.close = /\r\nconnection:\s*close/i.test(head);
        const bodyless = this.code === 204 || this.code === 304 || (this.code >= 100 && this.code < 200);
        this.remaining = this.chunked ? -1 : bodyless ? 0 : length ? Number(length[1]) : 0;
      }
      if (this.chunked) {
        // Chunk framing: size line, data, CRLF; a zero-size chunk then the (empty) trailer ends it.
        const line = this.buf.indexOf('\r\n');
        if (line < 0) return;
        const size = parseInt(this.buf.toString('latin1', 0, line), 16);
        if (size === 0) {
          // No trailers: the size line's CRLF is followed at once by the empty line's.
          const stop = this.buf.indexOf('\r\n\r\n', line);
          if (stop < 0) return;
          this.buf = this.buf.subarray(stop + 4);
          this.finish();
          return;
        }
        if (this.buf.length < line + 2 + size + 2) return;
        this.buf = this.buf.subarray(line + 2 + size + 2);
        continue;
      }
      if (this.buf.length < this.remaining!) return;
      this.buf = this.buf.subarray(this.remaining!);
      this.finish();
      return;
    }
  }

  private finish(): void {
    const p = this.current!;
    this.current = undefined;
    this.remaining = undefined;
    latencies.push(performance.now() - p.t0);
    status[this.code] = (status[this.code] ?? 0) + 1;
    if (this.code < 200 || this.code >= 300) non2xx++;
    done++;
    if (this.close) {
      this.drop();
      this.socket.destroy();
    } else release(this);
  }

  /** The connection broke (or timed out): its request, if any, is an error; the connection is gone. */
  fail(): void {
    if (this.current) {
      this.current = undefined;
      errors++;
      done++;
    }
    this.drop();
    pump();
  }

  private drop(): void {
    conns.delete(this);
    const i = idle.indexOf(this);
    if (i >= 0) idle.splice(i, 1);
  }
}

const conns = new Set<Conn>();
/** Free connections, least recently used first. */
const idle: Conn[] = [];
const queue: Pending[] = [];

function release(c: Conn): void {
  const next = queue.shift();
  if (next) c.send(next);
  else idle.push(c);
}

function pump(): void {
  while (queue.length > 0) {
    const c = idle.shift() ?? (conns.size < maxSockets ? open() : undefined);
    if (!c) return;
    c.send(queue.shift()!);
  }
}

function open(): Conn {
  const c = new Conn();
  conns.add(c);
  return c;
}

function fire(index: number, t0: number): void {
  sent++;
  queue.push({ index, t0 });
  pump();
}

// A request not answered in time is an error, and its connection is closed (as a client's timeout would).
const watchdog = setInterval(() => {
  const now = performance.now();
  for (const c of conns) if (c.current && now - c.current.t0 > TIMEOUT_MS) { c.socket.destroy(); c.fail(); }
  while (queue.length > 0 && now - queue[0].t0 > TIMEOUT_MS) {
    queue.shift();
    errors++;
    done++;
  }
}, 100);

const start = performance.now();
await new Promise<void>((ok) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * a.rate));
    // Each request is timed from its place in the schedule, not from when this tick got to it.
    while (sent < due) fire(sent, start + (sent * 1000) / a.rate);
    if (sent >= total) {
      clearInterval(tick);
      ok();
    }
  }, 2);
});
const sendSeconds = (performance.now() - start) / 1000;
const deadline = performance.now() + 15000;
while (done < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
clearInterval(watchdog);
const elapsed = (performance.now() - start) / 1000;
latencies.sort((x, y) => x - y);
const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] : NaN);
for (const c of conns) c.socket.destroy();
process.stdout.write(
  JSON.stringify({
    sent, completed: latencies.length, errors, non2xx, unfinished: sent - done, status, bytes,
    sendSeconds, elapsed, achievedRate: latencies.length / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), max: latencies[latencies.length - 1] ?? NaN,
  }) + '\n',
);
