/**
 * How a source's file as found is kept: brotli-compressed where that saves
 * something (a report as text or HTML shrinks to about a third), as it was
 * where it does not (a .docx or PDF is compressed already). Brotli at its
 * fastest setting: measured on the corpus it compresses ~180 MB/s — under 1 %
 * of an import — and beats gzip's best (0.33 against 0.43 of the input).
 * The bytes stay exactly the file as found: unpacking gives back what was
 * hashed (sha256 in the same row).
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** `sources.compression`: how `sources.bytes` holds the file. */
export type SourceCompression = 'none' | 'brotli';

/** Kept compressed only when that saves at least this share of the file. */
const MIN_SAVING = 0.05;

export function packSourceBytes(file: Uint8Array): { bytes: Uint8Array; compression: SourceCompression } {
  if (file.length < 256) return { bytes: file, compression: 'none' };
  const packed = brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: file.length } });
  return packed.length <= file.length * (1 - MIN_SAVING) ? { bytes: packed, compression: 'brotli' } : { bytes: file, compression: 'none' };
}

export function unpackSourceBytes(bytes: Uint8Array, compression: SourceCompression): Uint8Array {
  return compression === 'brotli' ? new Uint8Array(brotliDecompressSync(bytes)) : bytes;
}
