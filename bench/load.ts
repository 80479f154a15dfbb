/**
 * Load generator, run as its own process: sends requests to a loopback server
 * at a held rate (open loop: the schedule does not wait for answers), for a
 * bounded time, and counts latency, non-2xx answers and errors.
 * Argument (JSON): { base, paths, rate, seconds, sockets? (default 64) }. Prints one JSON line.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

interface Args { base: string; paths: string[]; rate: number; seconds: number; sockets?: number }

const a = JSON.parse(process.argv[2]) as Args;
const url = new URL(a.base);
if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname)) {
  process.stderr.write('load: only loopback addresses\n');
  process.exit(2);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: a.sockets ?? 64 });
const latencies: number[] = [];
const status: Record<string, number> = {};
let sent = 0;
let done = 0;
let errors = 0;
let non2xx = 0;
let bytes = 0;
const total = Math.round(a.rate * a.seconds);

function fire(path: string): void {
  const t0 = performance.now();
  sent++;
  const req = http.get({ host: url.hostname, port: url.port, path, agent, timeout: 10000 }, (res) => {
    res.on('data', (c: Buffer) => (bytes += c.length));
    res.on('end', () => {
      latencies.push(performance.now() - t0);
      status[res.statusCode ?? 0] = (status[res.statusCode ?? 0] ?? 0) + 1;
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
      done++;
    });
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => {
    errors++;
    done++;
  });
}

const start = performance.now();
await new Promise<void>((ok) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * a.rate));
    while (sent < due) fire(a.paths[sent % a.paths.length]);
    if (sent >= total) {
      clearInterval(tick);
      ok();
    }
  }, 2);
});
const sendSeconds = (performance.now() - start) / 1000;
const deadline = performance.now() + 15000;
while (done < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const elapsed = (performance.now() - start) / 1000;
latencies.sort((x, y) => x - y);
const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] : NaN);
agent.destroy();
process.stdout.write(
  JSON.stringify({
    sent, completed: latencies.length, errors, non2xx, unfinished: sent - done, status, bytes,
    sendSeconds, elapsed, achievedRate: latencies.length / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), max: latencies[latencies.length - 1] ?? NaN,
  }) + '\n',
);
