/**
 * Load generator, run as its own process: sends requests to a loopback server
 * at a held rate (open loop: the schedule does not wait for answers), for a
 * bounded time, and counts latency, non-2xx answers and errors.
 * Argument (JSON): { base, paths, rate, seconds, sockets? (default 64), headers? (sent with every request) }.
 * Prints one JSON line.
 *
 * It speaks HTTP/1.1 on plain sockets (bench/wire.ts: node:http's client
 * cost as much CPU as the server it measured). Requests go out on
 * kept-alive connections, least recently used first (as many separate
 * clients' connections would), up to `sockets`; beyond that they wait for a
 * free connection, and latency counts from the scheduled send.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { closes, Framer, requestBytes, type Framed } from './wire.js';

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
const requests = a.paths.map((p) => requestBytes('GET', p, url.host, a.headers ?? {}));

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
  private readonly framer = new Framer(false);

  constructor() {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (d: Buffer) => this.onData(d));
    this.socket.on('error', () => this.fail());
    this.socket.on('close', () => this.fail());
  }

  send(p: Pending): void {
    this.current = p;
    this.socket.write(requests[p.index % requests.length]);
  }

  private onData(d: Buffer): void {
    bytes += d.length;
    this.framer.push(d, (answer) => this.finish(answer));
  }

  private finish(answer: Framed): void {
    const p = this.current;
    if (!p) return; // nothing asked: not an answer to count
    this.current = undefined;
    latencies.push(performance.now() - p.t0);
    status[answer.status] = (status[answer.status] ?? 0) + 1;
    if (answer.status < 200 || answer.status >= 300) non2xx++;
    done++;
    if (closes(answer.head)) {
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
