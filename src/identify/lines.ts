/** Line index over a text: one pass, then binary search. */

export interface Line {
  readonly start: number;
  /** End of the line's text (exclusive, before the newline). */
  readonly end: number;
}

export function lineIndex(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (;;) {
    const nl = text.indexOf('\n', s);
    if (nl < 0) { out.push({ start: s, end: text.length }); break; }
    out.push({ start: s, end: nl });
    s = nl + 1;
  }
  return out;
}

/** Index of the line holding offset `pos`. */
export function lineAt(lines: readonly Line[], pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

export function lineText(text: string, l: Line): string {
  return text.slice(l.start, l.end);
}

/** Visible characters of a line (spaces of all kinds removed). */
export function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, '');
}
