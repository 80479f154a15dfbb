/** Facts of a small report written for a test, one line per paragraph. */
import { sourceFromBytes } from '../../src/ingest/source.js';
import { extractFacts, type Facts } from '../../src/extract/index.js';

export async function factsOf(lines: readonly string[]): Promise<Facts> {
  const source = await sourceFromBytes('t.txt', new TextEncoder().encode(lines.join('\n')));
  return extractFacts({ source, start: 0, end: source.text.length, reportYear: null, reviewYear: null });
}
