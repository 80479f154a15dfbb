/**
 * How a source's file as found is kept: brotli-compressed where that saves
 * something (a report as text or HTML shrinks to about two fifths), as it was
 * where it does not (a .docx or PDF is compressed already). The bytes stay
 * exactly the file as found: unpacking gives back what was hashed (sha256 in
 * the same row).
 *
 * Packed where the file is read (import/to-store.ts, a reading thread during
 * an import), not by the writer, so the quality costs no time under the write
 * lock. Quality 5: on the generated ×1 tier's text files 0.404 of the input
 * against 0.475 at quality 1 (2 MB of an 86 MB database), at 33 against
 * 89 MB/s on this 2-core machine; qualities 2–4 give 0.45–0.44, 6 gives
 * 0.401 at 29 MB/s (bench/README.md, "Storage: texts in two bytes a
 * character"). Brotli beats gzip's best here (0.33 against 0.43 on the real
 * corpus at quality 1).
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** `sources.compression`: how `sources.bytes` holds the file. */
export type SourceCompression = 'none' | 'brotli';

/** Brotli's quality (0–11): see above. */
const QUALITY = 5;

/** A file as `sources` keeps it. */
export interface PackedSource {
  readonly bytes: Uint8Array;
  readonly compression: SourceCompression;
}

/** Kept compressed only when that saves at least this share of the file. */
const MIN_SAVING = 0.05;

export function packSourceBytes(file: Uint8Array): PackedSource {
  if (file.length < 256) return { bytes: file, compression: 'none' };
  const packed = brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: file.length } });
  return packed.length <= file.length * (1 - MIN_SAVING) ? { bytes: packed, compression: 'brotli' } : { bytes: file, compression: 'none' };
}

export function unpackSourceBytes(bytes: Uint8Array, compression: SourceCompression): Uint8Array {
  return compression === 'brotli' ? new Uint8Array(brotliDecompressSync(bytes)) : bytes;
}
