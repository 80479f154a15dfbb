/**
 * `npm run eval`: every evaluation in one run — identification against the
 * gold labels and the corpus manifest, then extraction against the gold facts.
 * Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let status = 0;
for (const script of ['eval-identify.ts', 'eval-extract.ts', 'eval-check.ts']) {
  const path = join(here, script);
  if (!existsSync(path)) continue;
  process.stdout.write(`\n=== ${script} ===\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path, ...process.argv.slice(2)], { stdio: 'inherit' });
  status ||= r.status ?? 1;
}
process.exit(status);
