/**
 * A value the command cannot use is refused before anything is done, as the
 * API refuses a bad query: exit 2, one line on stderr naming the option, the
 * value and what it accepts, and with --json the error envelope on stdout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, PARTS } from '../../src/vocab.js';
import { luoshi, PLAN_2023, tempDir } from './run.js';

const CASES: [string[], RegExp][] = [
  [['reports', '--year', 'abc'], /^luoshi: invalid --year "abc": expected a year from 1949 to 2100$/],
  [['targets', '--year', '2023.5'], /^luoshi: invalid --year "2023\.5": expected a year/],
  [['reports', '--level', 'city'], new RegExp(`^luoshi: invalid --level "city": expected one of ${LEVELS.join(', ')}$`)],
  [['extract', PLAN_2023, '--format', 'pdf'], /^luoshi: invalid --format "pdf": expected one of text, json, csv, xlsx$/],
  [['serve', '--port', '99999'], /^luoshi: invalid --port "99999": expected a port from 0 to 65535$/],
  [['search', '农田', '--limit', '-1'], /^luoshi: invalid --limit "-1": expected a whole number from 1 to 10000$/],
  [['search', '农田', '--part', 'intro'], new RegExp(`^luoshi: invalid --part "intro": expected one of ${PARTS.join(', ')}$`)],
  [['compare', '--indicator', 'gdp', '--kind', 'speed'], /^luoshi: invalid --kind "speed": expected one of growth, level$/],
  [['extract', PLAN_2023, '--max-size', '0'], /^luoshi: invalid --max-size "0": expected a positive number of MiB$/],
  [['serve', '--import-quota-files', '1e3'], /^luoshi: invalid --import-quota-files "1e3": expected a whole number/],
  [['search', '  '], /^luoshi: invalid <query> "  ": expected words to find$/],
  [['check', '--plan', PLAN_2023], /^luoshi: give both --plan FILE and --review FILE$/],
  [['check', '--jurisdiction', '四平市'], /^luoshi: give --jurisdiction NAME --year N/],
  [['reports', '--json', '--format', 'csv'], /^luoshi: --json and --format csv ask for different outputs/],
  [['reports', '--bogus'], /^luoshi: unknown option '--bogus'$/],
  [['reports', 'extra'], /^luoshi: too many arguments/],
  [['admin', 'create'], /^luoshi: required option '--name <name>' not specified$/],
  [['admin', 'reset', '--name', 'a/b'], /^luoshi: invalid --name "a\/b": 2–64 letters, digits/],
];

describe.concurrent('invalid options', () => {
  it.each(CASES)('luoshi %j', async (args, message) => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    const r = await luoshi(args, { env: { LUOSHI_DB: db } });
    expect(r.code).toBe(2);
    if (!args.includes('--json')) expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    // Refused before anything was done: not even a database was made.
    expect(existsSync(db)).toBe(false);
  });

  it('answers --json with the error envelope on stdout, and the same line on stderr', async () => {
    const r = await luoshi(['reports', '--level', 'city', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { status: 400, code: 'invalid_option', message: `invalid --level "city": expected one of ${LEVELS.join(', ')}` } });
    expect(r.stderr).toBe(`luoshi: invalid --level "city": expected one of ${LEVELS.join(', ')}\n`);
  });

  it('answers an unknown option with the envelope too', async () => {
    const r = await luoshi(['targets', '--json', '--yaer', '2023']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ status: 400, code: 'invalid_option' });
  });

  it('shows the help on stderr and exits 2 when no command is given', async () => {
    const r = await luoshi([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: luoshi /);
  });

  it('tells a failed job (exit 1) from a wrong command line (exit 2)', async () => {
    const dir = tempDir();
    const r = await luoshi(['check', '--db', join(dir, 'empty.db'), '--jurisdiction', '火星市', '--year', '2023', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { status: 404, code: 'not_found', message: expect.stringMatching(/^no stored report of 火星市 for 2023/) } });
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reports a file it cannot write as a one-line failure', async () => {
    const dir = tempDir();
    const r = await luoshi(['extract', PLAN_2023, '--format', 'csv', '--out', join(dir, 'no', 'such', 'folder.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^luoshi: ENOENT: no such file or directory, open '.*folder\.csv'\n$/);
  });
});
