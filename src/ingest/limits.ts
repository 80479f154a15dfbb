/**
 * How much a file may expand to while it is read. Each limit is checked as
 * the bytes come (a compressed archive is inflated a chunk at a time, its XML
 * counted as it is tokenised), so a file is refused before the memory or time
 * the limit guards is spent; the error is a ReadLimitExceeded naming the limit.
 *
 * The figures leave wide room over real reports: the largest .docx in the
 * corpus has 22 archive entries, 235 KB of document XML, ~5,000 elements,
 * ~140 paragraphs and elements nested ~15 deep; a plain-text report is
 * ~100 KB. What they stop: a 1.7 MB .docx that expands to 5 M paragraphs
 * (the heap ran out), a 307 KB one whose 300 MB of XML took 47 s and 7 GB in
 * mammoth, which builds a DOM costing ~3 KB and ~20 µs per element.
 */
export interface ReadLimits {
  /** Bytes of the file as uploaded (any format). */
  readonly maxFileBytes: number;
  /** Entries in a .docx archive (a report has ~20; with images a few hundred). */
  readonly maxArchiveEntries: number;
  /** Bytes one XML part of a .docx inflates to (declared or actual, whichever is reached first). */
  readonly maxPartBytes: number;
  /** Bytes all XML parts of a .docx inflate to together. */
  readonly maxExpandedBytes: number;
  /** XML elements in all parts: what bounds mammoth's memory (~3 KB each). */
  readonly maxXmlElements: number;
  /** Paragraphs in all parts (a report has hundreds; a compilation a few thousand). */
  readonly maxParagraphs: number;
  /** Elements inside elements (real documents: ~15; mammoth recurses per level and overflows its stack past ~1,000). */
  readonly maxNesting: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxArchiveEntries: 5_000,
  maxPartBytes: 32 * 1024 * 1024,
  maxExpandedBytes: 64 * 1024 * 1024,
  // ~1 GB and a few seconds in mammoth at most
  maxXmlElements: 300_000,
  maxParagraphs: 50_000,
  maxNesting: 128,
};
