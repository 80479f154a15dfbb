import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app.js';
import { startServer, staticFiles } from '../server/serve.js';
import { openStore } from '../store/open.js';
import { CliError, withStore } from './store-commands.js';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`invalid ${flag} ${value}: a positive number`);
  return n;
}

export async function runServe(opts: { db?: string; port: string; host: string; maxUpload: string; importQuotaFiles: string; importQuotaMb: string }): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid --port ${opts.port}`);
  const importQuota = { files: Math.floor(positive(opts.importQuotaFiles, '--import-quota-files')), bytes: positive(opts.importQuotaMb, '--import-quota-mb') * 1048576 };
  const repo = await openStore({ db: opts.db });
  const staticHandler = existsSync(WEB_DIST) ? staticFiles(WEB_DIST) : undefined;
  const server = await startServer(repo, port, opts.host, { maxUploadBytes: positive(opts.maxUpload, '--max-upload') * 1048576, staticHandler, importQuota });
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  process.stderr.write(`luoshi: serving ${repo.engine} ${repo.location} on http://${opts.host}:${actual}/${staticHandler ? '' : ' (API only: build the web UI with npm run build:web)'}\n`);
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

export async function runGet(path: string, opts: { db?: string }): Promise<number> {
  return withStore(opts, async (repo) => {
    const res = await createApp(repo).request(path);
    const body = new Uint8Array(await res.arrayBuffer());
    process.stdout.write(body);
    if (/json|text/.test(res.headers.get('content-type') ?? '')) process.stdout.write('\n');
    return res.status < 400 ? 0 : 1;
  });
}
