/**
 * A real `luoshi serve` in a child process, for tests that must prove the
 * process survives (an in-process server would hide a crash behind the test
 * runner's own error handling).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/luoshi.js');

export interface ServeProcess {
  readonly base: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Whether the process is still running. */
  alive(): boolean;
  stderr(): string;
  stop(): Promise<void>;
}

export async function serveProcess(args: string[] = [], env: Record<string, string> = {}): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-serve-'));
  const db = env.LUOSHI_DB ?? join(dir, 'serve.db');
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let exited = false;
  child.on('exit', () => (exited = true));
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`luoshi serve did not start: ${err}`)), 60000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      const m = /serving .* on http:\/\/[^:]+:(\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    child.on('exit', (code) => fail(new Error(`luoshi serve exited with ${code}: ${err}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    child,
    alive: () => !exited,
    stderr: () => err,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
