/**
 * `-` in place of a file: the bytes of standard input, read up to the same
 * size limit as a file (a runaway pipe is refused, not buffered without end).
 */
import { TooLarge } from '../errors.js';
import { UsageError } from './errors.js';

export const STDIN = '-';

export async function readStdin(maxBytes: number, input: AsyncIterable<Uint8Array> = process.stdin): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += chunk.length;
    if (size > maxBytes) throw new TooLarge(`standard input is larger than ${+(maxBytes / 1048576).toFixed(3)} MiB (a report is rarely over 1 MiB; raise the limit with --max-size)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Standard input can be read once; --name only means something when it is. */
export function checkStdinUse(paths: readonly string[], name: string | undefined): void {
  const n = paths.filter((p) => p === STDIN).length;
  if (n > 1) throw new UsageError('- (standard input) can be given only once', '-');
  if (name !== undefined && n === 0) throw new UsageError('--name names standard input: give - among the paths', '--name');
}
