/**
 * `luoshi admin create|list|reset|disable|enable`: accounts from the command
 * line. A password comes from LUOSHI_ADMIN_PASSWORD, or is asked for on a
 * terminal (never an option: it would stay in the shell's history and show in
 * the process list).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { createAdmin, listAccounts, resetPassword, setAccountDisabled } from '../accounts/admin.js';
import { AccountName } from '../accounts/schema.js';
import { UsageError } from './errors.js';
import { Db, parseOptions, Output } from './options.js';
import { emitRows, printJson } from './output.js';
import { withStore } from './store-commands.js';

async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('no password: set LUOSHI_ADMIN_PASSWORD or run on a terminal');
  // What is typed is not echoed: the terminal's output is muted once the prompt is shown.
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = new Promise<string>((ok) => rl.question(prompt, ok));
    muted = true;
    return await answer;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

const password = (name: string) => process.env.LUOSHI_ADMIN_PASSWORD ?? askPassword(`password for ${name}: `);

const NamedOptions = z.strictObject({ db: Db, name: AccountName, json: z.boolean().optional() });

export async function runAdminCreate(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(NamedOptions, raw);
  const pw = await password(o.name);
  return withStore(o, async (repo) => {
    const account = await createAdmin(repo, o.name, pw);
    if (o.json) printJson({ account });
    else process.stdout.write(`created admin account ${account.name} (#${account.id}) in ${repo.location}\n`);
    return 0;
  });
}

export async function runAdminReset(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(NamedOptions, raw);
  const pw = await password(o.name);
  return withStore(o, async (repo) => {
    const account = await resetPassword(repo, o.name, pw);
    if (o.json) printJson({ account });
    else process.stdout.write(`new password set for ${account.name} (#${account.id}); its sessions have ended\n`);
    return 0;
  });
}

export async function runAdminDisable(raw: Record<string, unknown>, disabled: boolean): Promise<number> {
  const o = parseOptions(NamedOptions, raw);
  return withStore(o, async (repo) => {
    const account = await setAccountDisabled(repo, o.name, disabled);
    if (o.json) printJson({ account });
    else process.stdout.write(disabled ? `disabled ${account.name} (#${account.id}); its sessions have ended\n` : `enabled ${account.name} (#${account.id})\n`);
    return 0;
  });
}

const ListOptions = Output.safeExtend({ db: Db });
const COLUMNS = ['id', 'name', 'role', 'unit_id', 'unit', 'disabled', 'created_at'] as const;

export async function runAdminList(raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(ListOptions, raw);
  const accounts = await withStore(o, listAccounts);
  await emitRows(accounts, [...COLUMNS], o, { total: accounts.length, items: accounts }, () =>
    [...accounts.map((a) => `${String(a.id).padStart(4)}  ${a.name.padEnd(16)}  ${a.role.padEnd(12)}  ${a.unit ?? '—'}${a.disabled ? '  (disabled)' : ''}`), `${accounts.length} accounts`].join('\n') + '\n',
  );
  return 0;
}
