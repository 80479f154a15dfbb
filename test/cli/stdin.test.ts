/**
 * `-` reads standard input wherever a file is read, with the same result as
 * the file itself; a closed pipe downstream ends the command quietly.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, luoshi, PLAN_2023, REVIEW_2024, SEEDS, tempDir } from './run.js';

const plan = readFileSync(PLAN_2023);

describe.concurrent('standard input', () => {
  it('extract - gives what extracting the file gives', async () => {
    const [piped, named] = await Promise.all([luoshi(['extract', '-', '--json'], { stdin: plan }), luoshi(['extract', PLAN_2023, '--json'])]);
    expect(piped.code).toBe(0);
    const a = JSON.parse(piped.stdout);
    const b = JSON.parse(named.stdout);
    expect(a.files[0].file).toBe('-');
    expect(a.files[0].documents.length).toBeGreaterThan(0);
    expect(a.files[0].documents).toEqual(b.files[0].documents);
  });

  it('extract - --name gives standard input a name', async () => {
    const r = await luoshi(['extract', PLAN_2023, '-', '--name', '四平市2023.txt', '--json'], { stdin: readFileSync(REVIEW_2024) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual([PLAN_2023, '四平市2023.txt']);
  });

  it('refuses - twice, and --name without -', async () => {
    const [twice, stray] = await Promise.all([luoshi(['extract', '-', '-'], { stdin: plan }), luoshi(['extract', PLAN_2023, '--name', 'x.txt'])]);
    expect([twice.code, stray.code]).toEqual([2, 2]);
    expect(twice.stderr).toBe('luoshi: - (standard input) can be given only once\n');
    expect(stray.stderr).toBe('luoshi: --name names standard input: give - among the paths\n');
  });

  it('refuses standard input over --max-size without reading it all', async () => {
    const r = await luoshi(['extract', '-', '--max-size', '0.01'], { stdin: Buffer.concat([plan, plan]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('luoshi: standard input is larger than 0.01 MiB (a report is rarely over 1 MiB; raise the limit with --max-size)\n');
  });

  it('import - stores standard input under --name, and knows it the second time', async () => {
    const db = join(tempDir(), 'stdin.db');
    const missing = await luoshi(['import', '-', '--db', db], { stdin: plan });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('luoshi: import - needs --name NAME: the file name to store standard input under\n');
    const first = await luoshi(['import', '-', '--name', '四平市2023.txt', '--db', db, '--json'], { stdin: plan });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, run: { imported: 1, duplicates: 0, failed: 0 }, new_documents: 1 });
    const again = await luoshi(['import', '-', '--name', 'copy.txt', '--db', db, '--json'], { stdin: plan });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, run: { imported: 0, duplicates: 1 }, new_documents: 0 });
    const reports = JSON.parse((await luoshi(['reports', '--db', db, '--json'])).stdout);
    expect(reports.items.map((d: { file_name: string; jurisdiction: string }) => [d.file_name, d.jurisdiction])).toEqual([['四平市2023.txt', '四平市']]);
  });

  it('import - fails (exit 1) on unreadable input, recording it', async () => {
    const db = join(tempDir(), 'stdin.db');
    const r = await luoshi(['import', '-', '--name', 'empty.txt', '--db', db, '--json'], { stdin: '' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { status: 422, code: 'unreadable_file' }, run: { failed: 1 } });
    expect(r.stderr).toMatch(/^luoshi: empty\.txt: /);
  });

  it('check --plan - --review FILE gives the scorecard of the two files', async () => {
    const [piped, named] = await Promise.all([
      luoshi(['check', '--plan', '-', '--review', REVIEW_2024, '--json'], { stdin: plan }),
      luoshi(['check', '--plan', PLAN_2023, '--review', REVIEW_2024, '--json']),
    ]);
    expect(piped.code).toBe(0);
    const a = JSON.parse(piped.stdout);
    const b = JSON.parse(named.stdout);
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items).toEqual(b.items);
    expect(a.counts).toEqual(b.counts);
  });
});

describe.concurrent('a closed pipe', () => {
  it('ends the command quietly with 0 when the reader goes away first', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', '--json', SEEDS], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8' } });
    child.stdout.destroy(); // the reader is gone before the first byte is written
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise((ok) => child.on('close', ok));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('luoshi extract … | head -1', async () => {
    const child = spawn('bash', ['-c', `node ${JSON.stringify(BIN)} extract --json ${JSON.stringify(SEEDS)} | head -1; echo "exit \${PIPESTATUS[0]}"`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    await new Promise((ok) => child.on('close', ok));
    expect(out).toBe('{\nexit 0\n');
    expect(err).toBe('');
  });
});
