/**
 * How a document's text is kept in its row (`documents.text`).
 *
 * SQLite keeps a new document's text as its UTF-16LE bytes, a blob in the
 * text column: a Chinese character takes two bytes there against UTF-8's
 * three, which makes the documents table a quarter smaller (generated ×1:
 * 29.4 → 20.8 MB), and a JavaScript string is made of those bytes by a copy,
 * where UTF-8 must be decoded. SQLite keeps whatever type a value is given, so
 * rows written before stay text and every reader takes either
 * (`StoredText`). The database's own encoding stays UTF-8: set per file, it
 * would double every other column that is mostly ASCII (JSON, keys, hashes).
 * PostgreSQL keeps text (its search reads the text in SQL; TOAST compresses it).
 *
 * A blob is not text to SQL (`instr` would compare bytes and could match
 * across a character boundary), so SQL that asks about the text goes through
 * `holdsText`, registered on each SQLite connection as `holds_text`.
 */

/** A stored text as the driver hands it over: a string, or UTF-16LE bytes. */
export type StoredText = string | Uint8Array;

/** The form SQLite writes for a new document. */
export function utf16Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf16le');
}

export function readText(stored: StoredText): string {
  if (typeof stored === 'string') return stored;
  return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString('utf16le');
}

/**
 * Where `q` next starts in a text kept as UTF-16 bytes, at or after byte
 * `from`, or -1. Only an even offset starts a character: a match at an odd one
 * straddles two characters and is skipped.
 */
function nextStart(bytes: Uint8Array, needle: Buffer, from: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = buf.indexOf(needle, from);
  while (i >= 0 && i % 2 !== 0) i = buf.indexOf(needle, i + 1);
  return i;
}

/**
 * How often `phrase` occurs in a stored text, occurrences allowed to overlap
 * (each start counts: what bm25's phrase frequency counts over the index).
 */
export function phraseFrequency(stored: StoredText, phrase: string): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  if (typeof stored === 'string') {
    for (let i = stored.indexOf(phrase); i >= 0; i = stored.indexOf(phrase, i + 1)) n++;
    return n;
  }
  const needle = Buffer.from(phrase, 'utf16le');
  for (let i = nextStart(stored, needle, 0); i >= 0; i = nextStart(stored, needle, i + 2)) n++;
  return n;
}

/** Whether a stored text holds `q` (SQLite's `holds_text(d.text, q)`: 1 or 0). */
export function holdsText(stored: StoredText, q: string): boolean {
  if (typeof stored === 'string') return stored.includes(q);
  return q.length === 0 || nextStart(stored, Buffer.from(q, 'utf16le'), 0) >= 0;
}
