/**
 * The `luoshi` command line (src/cli/program.ts lists the commands).
 * Exit codes: 0 done, 1 the work failed, 2 the command line is wrong.
 */
import { CommanderError } from 'commander';
import { failureOf, UsageError } from './errors.js';
import { cliLanguage } from './locale.js';
import { printFailure, quietOnClosedPipe } from './output.js';
import { buildProgram } from './program.js';

quietOnClosedPipe();

/** Whether the caller asked for JSON, also when the command line fails before the options are read. */
function wantsJson(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--json' || a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}

try {
  await buildProgram(cliLanguage()).parseAsync(process.argv);
} catch (e) {
  const json = wantsJson(process.argv.slice(2));
  if (!(e instanceof CommanderError)) process.exitCode = printFailure(failureOf(e), json);
  // Help or the version asked for: shown, done. Help shown because no command was given: a usage error.
  else if (e.exitCode === 0) process.exitCode = 0;
  else if (e.code === 'commander.help') process.exitCode = 2;
  else process.exitCode = printFailure(failureOf(new UsageError(e.message.replace(/^error: /, ''))), json);
}
