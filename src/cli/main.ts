/**
 * The `luoshi` command line.
 */
import { Command } from 'commander';
import { runExtract } from './extract.js';

const program = new Command();
program
  .name('luoshi')
  .description('落实 Luoshi — read government work reports, extract targets, results and commitments, hold promises to account')
  .version('0.1.0');

program
  .command('extract')
  .description('read report files (.txt/.html/.docx, or folders) and print documents and facts')
  .argument('<paths...>', 'files or folders')
  .option('--json', 'print JSON (same as --format json)')
  .option('--format <format>', 'text | json | csv | xlsx', 'text')
  .option('-o, --out <file>', 'write CSV/XLSX to this file')
  .option('--max-size <MiB>', 'largest file accepted, in MiB (default 32)')
  .action(async (paths: string[], opts) => {
    process.exitCode = await runExtract(paths, opts);
  });

await program.parseAsync(process.argv);
