/**
 * When two documents are the same report: pure functions over the text, so
 * the import stage can compute them off the writer's thread and the store can
 * compare a candidate's text when a look-up needs confirming.
 */
import { createHash } from 'node:crypto';

/** The text reduced to what survives re-encoding and re-markup. */
function contentCore(text: string): string {
  return text.replace(/[^\u4e00-\u9fff0-9]/g, '');
}

export function fingerprint(text: string): string {
  return createHash('sha256').update(contentCore(text)).digest('hex').slice(0, 32);
}

function shingles(text: string): Set<number> {
  const core = contentCore(text);
  const out = new Set<number>();
  for (let i = 0; i + 8 <= core.length; i++) {
    let h = 2166136261;
    for (let j = i; j < i + 8; j++) h = Math.imul(h ^ core.charCodeAt(j), 16777619);
    if ((h & 7) === 0) out.add(h);
  }
  return out;
}

const SKETCH_SIZE = 8;

/** The smallest shingle hashes (a bottom-k MinHash): similar texts share most of them. */
export function sketch(text: string): number[] {
  return [...shingles(text)].map((h) => h >>> 0).sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Share of the shorter text's shingles found in the longer one (0..1). */
export function containment(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return contentCore(a) === contentCore(b) ? 1 : 0;
  let hit = 0;
  for (const h of small) if (big.has(h)) hit++;
  return hit / small.size;
}

/** Containment from which two texts are taken for one report. */
export const SAME_REPORT = 0.6;

/** A known place, year and kind name a report; without them the text's fingerprint does. */
export function docKey(d: { jurisdiction: string | null; report_year: number | null; doc_type: string }, fp: string): string {
  return d.jurisdiction && d.report_year ? `${d.jurisdiction}|${d.report_year}|${d.doc_type}` : `fp:${fp}`;
}

/** Whether a docKey is the fingerprint's (no place or year known). */
export function isKeyless(key: string): boolean {
  return key.startsWith('fp:');
}
