/**
 * A document's text as the reader shows it: lines become blocks, headings or numbered paragraphs
 * (第N段). A heading is a line a section's title spans (the structure found it) or a Markdown heading
 * (`## 二、…`, as text copied from web pages has them); its marks are not shown. Offsets stay those
 * of the document text, so facts and focus ranges fall in the right block.
 */

export interface Block {
  /** The line's span in the document text (without its line break). */
  start: number;
  end: number;
  /** Where the shown text begins: after a Markdown heading's `#` marks and space. */
  from: number;
  /** 2–4 for a heading (its HTML level: h2, h3, h4), 0 for a paragraph. */
  heading: number;
  /** The paragraph's number, counted from 1 over paragraphs only; 0 for a heading. */
  n: number;
}

export interface SectionSpan {
  level: number;
  span: { start: number; end: number };
}

/** A title line longer than this is a paragraph the structure ran into, not a heading. */
const MAX_HEADING = 80;
const MARKDOWN_HEADING = /^[ \t]*(#{1,6})[ \t]*/;

/** The blocks of `text`, in order; blank lines make none. */
export function blocksOf(text: string, sections: readonly SectionSpan[]): Block[] {
  const titles = [...sections].sort((a, b) => a.span.start - b.span.start);
  const blocks: Block[] = [];
  let n = 0;
  let s = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim()) {
      while (s < titles.length && titles[s].span.end <= start) s++;
      let title: SectionSpan | undefined;
      for (let k = s; !title && k < titles.length && titles[k].span.start < end; k++) if (titles[k].span.end > start) title = titles[k];
      const marks = MARKDOWN_HEADING.exec(line);
      let heading = 0;
      // Section levels count from 0 (a part: 二、…) and Markdown from 1 (#): both start at <h2>, the page's title being <h1>.
      if (title && end - start <= MAX_HEADING) heading = Math.min(4, Math.max(2, title.level + 2));
      else if (marks && end - start <= MAX_HEADING + marks[0].length) heading = Math.min(4, marks[1].length + 1);
      blocks.push({ start, end, from: marks ? start + marks[0].length : start, heading, n: heading ? 0 : ++n });
    }
    start = end + 1;
  }
  return blocks;
}

/** The block holding `offset` (binary search), or undefined in a blank line or past the end. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** The index of the first block that ends after `offset` (blocks.length when none does). */
export function firstFrom(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each block, the items whose span overlaps it (each item sorted into every block it touches). */
export function spread<F extends { start: number; end: number }>(blocks: readonly Block[], items: readonly F[]): F[][] {
  const out: F[][] = blocks.map(() => []);
  for (const f of items) for (let i = firstFrom(blocks, f.start); i < blocks.length && blocks[i].start < f.end; i++) out[i].push(f);
  return out;
}
