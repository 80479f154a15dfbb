/**
 * `luoshi admin create --name NAME`: the first administrator of the ledger.
 * The password comes from LUOSHI_ADMIN_PASSWORD, or is asked for on a terminal.
 */
import { createInterface } from 'node:readline';
import { createAdmin } from '../accounts/admin.js';
import { CliError, withStore, type StoreCliOptions } from './store-commands.js';

async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError('no password: set LUOSHI_ADMIN_PASSWORD or run on a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Do not echo what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stderr.write(prompt);
  };
  try {
    return await new Promise((ok) => rl.question(prompt, ok));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export async function runAdminCreate(opts: StoreCliOptions & { name: string }): Promise<number> {
  const password = process.env.LUOSHI_ADMIN_PASSWORD ?? (await askPassword(`password for ${opts.name}: `));
  return withStore(opts, async (repo) => {
    try {
      const a = await createAdmin(repo, opts.name, password);
      process.stdout.write(`created admin account ${a.name} (#${a.id}) in ${repo.location}\n`);
      return 0;
    } catch (e) {
      if ((e as Error).name === 'AdminError') throw new CliError((e as Error).message);
      throw e;
    }
  });
}
