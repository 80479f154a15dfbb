/**
 * A Source is one input file read into normalised text: the bytes' hash, the
 * detected format and encoding, the text, the offset map back to the bytes,
 * and every repair made on the way (as diagnostics).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { charLengthAt, decodeBytes, sniffRefusedFormat, type TextEncodingName } from './decode.js';
import { diag, type Diagnostic, ReadLimitExceeded, UnreadableInputError } from './diagnostics.js';
import { readDocxText } from './docx.js';
import { DEFAULT_READ_LIMITS } from './limits.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { identity, originAt, type MappedText } from './mapped-text.js';
import { normalize, type Script } from './normalize.js';

import type { OffsetUnit, SourceFormat } from '../model.js';

export type { OffsetUnit, SourceFormat };

export interface Source {
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: SourceFormat;
  readonly encoding: TextEncodingName | 'docx';
  readonly offsetUnit: OffsetUnit;
  /** Script the file is written in (before conversion). */
  readonly script: Script;
  readonly text: string;
  /** `origin[i]` is the original offset of `text[i]`. */
  readonly origin: Int32Array;
  readonly diagnostics: readonly Diagnostic[];
  /** The original bytes (kept so a span can be shown as found). */
  readonly bytes: Uint8Array;
}

export interface ReadOptions {
  /** Largest file accepted, in bytes (default 32 MiB; a report is ~100 KB). */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const REFUSED_EXT: Record<string, string> = {
  '.pdf': 'a PDF file (convert it to text or .docx first)',
  '.doc': 'a legacy Word .doc file (save it as .docx)',
  '.png': 'an image', '.jpg': 'an image', '.jpeg': 'an image', '.gif': 'an image', '.webp': 'an image',
  '.xls': 'a spreadsheet', '.xlsx': 'a spreadsheet', '.zip': 'an archive', '.rar': 'an archive', '.7z': 'an archive',
};

/** Original offset where text position `textIndex` starts. */
export function sourceOffset(source: Source, textIndex: number): number {
  if (textIndex < source.text.length) return source.origin[textIndex];
  return source.text.length ? sourceEndOf(source, source.text.length - 1) : 0;
}

/** Original offset one past the character that produced `text[textIndex]`. */
export function sourceEndOf(source: Source, textIndex: number): number {
  const start = source.origin[textIndex];
  if (source.encoding === 'docx') return start + 1;
  return start + Math.max(1, charLengthAt(source.bytes, start, source.encoding));
}

/**
 * Reads a file from disk. Throws UnreadableInputError with a one-line reason,
 * ReadLimitExceeded ('file-size') before reading a file over `maxBytes`: the
 * decoded text and its offset map take ~6 bytes per byte, and every pass runs
 * over all of it. (Callers that hold bytes already, like the server with its
 * body limit, bound their size themselves.)
 */
export async function readSource(file: string, options: ReadOptions = {}): Promise<Source> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableInputError(file, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`, 'ingest/io');
  }
  if (info.isDirectory()) throw new UnreadableInputError(file, 'is a directory', 'ingest/io');
  if (info.size > maxBytes) throw fileTooLarge(file, info.size, maxBytes);
  const bytes = await readFile(file);
  return sourceFromBytes(file, bytes);
}

function fileTooLarge(file: string, size: number, maxBytes: number): ReadLimitExceeded {
  return new ReadLimitExceeded(
    file,
    'file-size',
    maxBytes,
    size,
    `too large: ${(size / 1048576).toFixed(1)} MiB (a report is rarely over 1 MiB; the CLI raises the limit with --max-size)`,
  );
}

/**
 * Reads bytes that claim to be `file` (the name decides .docx/.html handling).
 * `known.sha256` is the bytes' hash when the caller has it already.
 */
export async function sourceFromBytes(file: string, bytes: Uint8Array, known: { sha256?: string } = {}): Promise<Source> {
  const ext = extname(file).toLowerCase();
  const sha256 = known.sha256 ?? createHash('sha256').update(bytes).digest('hex');
  const refusedByName = REFUSED_EXT[ext];
  if (refusedByName && ext !== '.docx') {
    throw new UnreadableInputError(file, `not a text document: ${refusedByName}`, 'ingest/unsupported-format');
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (ext === '.docx' || (isZip && ext !== '.txt')) {
    if (!isZip) {
      const what = bytes.length === 0 ? 'empty file (0 bytes)' : sniffRefusedFormat(bytes) ?? 'not a ZIP container';
      throw new UnreadableInputError(file, `not a valid .docx: ${what}`, bytes.length === 0 ? 'ingest/empty' : 'ingest/bad-docx');
    }
    return fromDocx(file, bytes, sha256);
  }
  const decoded = decodeBytes(bytes, file);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  let text: MappedText = decoded.text;
  let format: SourceFormat = 'txt';
  if (HTML_EXT.has(ext) || looksLikeHtml(text.text)) {
    format = 'html';
    text = htmlToText(text);
    if (!HTML_EXT.has(ext)) diagnostics.push(diag('ingest/html-in-text', 'info', 'the file holds HTML markup; markup removed'));
  }
  const ctx = { diagnostics };
  const norm = normalize(text, ctx);
  if (norm.text.text.length === 0) throw new UnreadableInputError(file, 'no text left after removing markup', 'ingest/empty');
  if (!/[\u4e00-\u9fff]/.test(norm.text.text)) {
    throw new UnreadableInputError(file, `no Chinese text (decoded as ${decoded.encoding}); a work report is written in Chinese`, 'ingest/no-chinese');
  }
  return {
    file,
    sha256,
    size: bytes.length,
    format,
    encoding: decoded.encoding,
    offsetUnit: 'byte',
    script: norm.script,
    text: norm.text.text,
    origin: norm.text.origin,
    diagnostics,
    bytes,
  };
}

async function fromDocx(file: string, bytes: Uint8Array, sha256: string): Promise<Source> {
  const diagnostics: Diagnostic[] = [];
  const { text: raw, messages } = await readDocxText(file, bytes, DEFAULT_READ_LIMITS);
  for (const m of messages) diagnostics.push(diag('ingest/docx', 'info', m));
  if (!raw.trim()) throw new UnreadableInputError(file, 'the .docx holds no text', 'ingest/empty');
  const norm = normalize(identity(raw), { diagnostics });
  return {
    file,
    sha256,
    size: bytes.length,
    format: 'docx',
    encoding: 'docx',
    offsetUnit: 'docx-text',
    script: norm.script,
    text: norm.text.text,
    origin: norm.text.origin,
    diagnostics,
    bytes,
  };
}

export { originAt };

/** A Span for `[start, end)` of the source's normalised text. */
export function spanOf(source: Source, start: number, end: number): import('../model.js').Span {
  return {
    start,
    end,
    sourceStart: sourceOffset(source, start),
    sourceEnd: end > start ? sourceEndOf(source, end - 1) : sourceOffset(source, start),
  };
}
