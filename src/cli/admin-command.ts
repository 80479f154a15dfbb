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
import type { Account } from '../accounts/store.js';
import type { Repository } from '../store/repository.js';
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

/** What `admin create|reset|disable|enable` do to the named account, whether they set its password, and what they say once done. */
const STEPS = {
  create: { password: true, act: createAdmin, said: (a: Account, where: string) => `created admin account ${a.name} (#${a.id}) in ${where}` },
  reset: { password: true, act: resetPassword, said: (a: Account) => `new password set for ${a.name} (#${a.id}); its sessions have ended` },
  disable: { password: false, act: (repo: Repository, name: string) => setAccountDisabled(repo, name, true), said: (a: Account) => `disabled ${a.name} (#${a.id}); its sessions have ended` },
  enable: { password: false, act: (repo: Repository, name: string) => setAccountDisabled(repo, name, false), said: (a: Account) => `enabled ${a.name} (#${a.id})` },
} satisfies Record<string, { password: boolean; act(repo: Repository, name: string, password: string): Promise<Account>; said(a: Account, where: string): string }>;

export type AdminStep = keyof typeof STEPS;

/** One step on the account named by `--name`: the password asked for first when the step sets one. */
export async function runAdminStep(raw: Record<string, unknown>, step: AdminStep): Promise<number> {
  const o = parseOptions(NamedOptions, raw);
  const s = STEPS[step];
  const pw = s.password ? await password(o.name) : '';
  return withStore(o, async (repo) => {
    const account = await s.act(repo, o.name, pw);
    if (o.json) printJson({ account });
    else process.stdout.write(`${s.said(account, repo.location)}\n`);
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
