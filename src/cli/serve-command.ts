import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createApp } from '../server/app.js';
import { startServer, staticFiles } from '../server/serve.js';
import { openStore } from '../store/open.js';
import { Db, MiB, parseOptions, Port, wholeNumber } from './options.js';
import { withStore } from './store-commands.js';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

const ServeOptions = z.strictObject({
  db: Db, port: Port, host: z.string().min(1, 'expected an address such as 127.0.0.1'), maxUpload: MiB, importQuotaFiles: wholeNumber(1, 1_000_000), importQuotaMb: MiB,
  secureCookies: z.boolean().optional(), trustProxy: wholeNumber(0, 10, 'a number of proxies from 0 to 10'),
  workers: wholeNumber(1, 64, 'a number of processes from 1 to 64'),
});

export async function runServe(raw: Record<string, unknown>): Promise<void> {
  const o = parseOptions(ServeOptions, raw);
  if (o.workers > 1 && cluster.isPrimary) return runPrimary(o.db, o.workers);
  const importQuota = { files: o.importQuotaFiles, bytes: o.importQuotaMb * 1048576 };
  const repo = await openStore({ db: o.db });
  const staticHandler = existsSync(WEB_DIST) ? staticFiles(WEB_DIST) : undefined;
  const server = await startServer(repo, o.port, o.host, { maxUploadBytes: o.maxUpload * 1048576, staticHandler, importQuota, secureCookies: o.secureCookies ?? false, trustedProxies: o.trustProxy });
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : o.port;
  process.stderr.write(`luoshi: serving ${repo.engine} ${repo.location} on http://${o.host}:${actual}/${staticHandler ? '' : ' (API only: build the web UI with npm run build:web)'}\n`);
  // Last line of defence: a promise rejected outside any request's handling is
  // logged, not allowed to end a server other users depend on.
  process.on('unhandledRejection', (e) => process.stderr.write(`luoshi serve: unhandled: ${(e as Error)?.stack ?? String(e)}\n`));
  const stop = async () => {
    server.close();
    await repo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * `--workers N`: this process migrates the database once, then forks N copies
 * of itself that share the listening port (node:cluster hands connections
 * out). Nothing lives in a worker's memory that another needs: sessions,
 * sign-in and voting-code limits and the CSRF secret are in the database,
 * and each worker's read cache checks the database's change token. A worker
 * that dies is replaced; SIGTERM/SIGINT stop them all.
 *
 * Connections go to whichever worker accepts first (SCHED_NONE), not round
 * robin: with round robin the primary accepts and hands each socket over one
 * IPC round trip at a time, so a burst of connects while a worker is busy
 * queues in the primary (measured: 200 clients connecting during an import
 * beside the server waited over 10 s for their first byte; with SCHED_NONE
 * none did and the two workers served 49% / 51% of requests). An operator's
 * NODE_CLUSTER_SCHED_POLICY still wins.
 */
async function runPrimary(db: string | undefined, workers: number): Promise<void> {
  await (await openStore({ db })).close();
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  let running = 0;
  cluster.on('fork', () => running++);
  cluster.on('exit', (worker, code, signal) => {
    running--;
    if (stopping) {
      if (running === 0) process.exit(0);
      return;
    }
    process.stderr.write(`luoshi serve: worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    cluster.fork();
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => {
    stopping = true;
    if (running === 0) process.exit(0);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const GetOptions = z.strictObject({ db: Db, path: z.string().regex(/^\//, 'expected a path such as /api/reports.json') });

/** Prints the API's own answer (already its envelope); exit 1 for an error status. */
export async function runGet(path: string, raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(GetOptions, { ...raw, path }, ['path']);
  return withStore(o, async (repo) => {
    const res = await createApp(repo).request(o.path);
    const body = new Uint8Array(await res.arrayBuffer());
    process.stdout.write(body);
    if (/json|text/.test(res.headers.get('content-type') ?? '')) process.stdout.write('\n');
    return res.status < 400 ? 0 : 1;
  });
}
