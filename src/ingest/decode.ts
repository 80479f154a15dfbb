/**
 * Bytes → text with a byte offset for every UTF-16 unit.
 *
 * Detection order: signatures of formats we refuse, BOMs, UTF-16 by its NUL
 * pattern, strict UTF-8, then GB18030 vs Big5 chosen by how many of the
 * decoded characters are common Chinese characters (a wrong codec produces
 * rare ones). Decoding itself is done by the platform's TextDecoder (ICU);
 * we only segment the bytes to know where each character starts.
 */
import { isUtf8 } from 'node:buffer';
import { Converter } from 'opencc-js';
import { COMMON_SIMPLIFIED } from './common-chars.js';
import { diag, type Diagnostic, UnreadableInputError } from './diagnostics.js';
import { mapped, type MappedText } from './mapped-text.js';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  readonly text: MappedText;
  readonly diagnostics: Diagnostic[];
}

interface Signature {
  readonly magic: number[];
  readonly what: string;
}

const REFUSED: Signature[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file (convert it to text or .docx first)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'a legacy Office file (.doc/.xls); save it as .docx' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive that is not a .docx document' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF) file' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Which refused format the bytes are, if any. */
export function sniffRefusedFormat(bytes: Uint8Array): string | undefined {
  return REFUSED.find((s) => startsWith(bytes, s.magic))?.what;
}

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
let commonTable: Uint8Array | undefined;
/** 1 for each common character (Simplified or its Traditional form) in the CJK block: a table, since this runs on every character read. */
function common(): Uint8Array {
  if (!commonTable) {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const table = new Uint8Array(CJK_LAST - CJK_FIRST + 1);
    for (const chars of [COMMON_SIMPLIFIED, toTraditional(COMMON_SIMPLIFIED)]) {
      for (let i = 0; i < chars.length; i++) {
        const c = chars.charCodeAt(i);
        if (c >= CJK_FIRST && c <= CJK_LAST) table[c - CJK_FIRST] = 1;
      }
    }
    commonTable = table;
  }
  return commonTable;
}

/** Share of CJK characters in `text` that are common ones (0..1), and the CJK count. */
export function commonCharScore(text: string): { score: number; cjk: number } {
  const table = common();
  let cjk = 0;
  let hits = 0;
  let bad = 0;
  // UTF-16 units suffice: the CJK block, U+FFFD and the private-use area are all in the BMP.
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp === 0xfffd) bad++;
    else if (cp >= CJK_FIRST && cp <= CJK_LAST) {
      cjk++;
      hits += table[cp - CJK_FIRST];
    } else if (cp >= 0xe000 && cp <= 0xf8ff) bad++; // private use: a wrong codec's tell
  }
  const denom = cjk + bad;
  return { score: denom === 0 ? 0 : hits / denom, cjk };
}

// --- segmenters: byte offset at which each code point starts --------------

/** How many bytes the code point starting at `i` takes (at least 1). */
type CharLength = (bytes: Uint8Array, i: number) => number;

/** Where each code point starts: a typed array (a code point takes at least a byte), as a number[] of millions of entries cost more than the decode. */
function segmentBy(width: CharLength): (bytes: Uint8Array, from: number) => Int32Array {
  return (bytes, from) => {
    const starts = new Int32Array(Math.max(0, bytes.length - from));
    let n = 0;
    for (let i = from; i < bytes.length; i += width(bytes, i)) starts[n++] = i;
    return starts.subarray(0, n);
  };
}

const utf8Length: CharLength = (bytes, i) => {
  const b = bytes[i];
  const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  // Never step over a byte that is not a continuation byte: the decoder
  // would emit a replacement there and restart.
  let step = 1;
  while (step < len && i + step < bytes.length && (bytes[i + step] & 0xc0) === 0x80) step++;
  return step < len ? step : len;
};

const gb18030Length: CharLength = (bytes, i) => {
  const b = bytes[i];
  if (b < 0x80 || b === 0x80 || b === 0xff || i + 1 >= bytes.length) return 1;
  const b2 = bytes[i + 1];
  if (b2 >= 0x30 && b2 <= 0x39) return i + 3 < bytes.length ? 4 : 1;
  return b2 >= 0x40 && b2 <= 0xfe && b2 !== 0x7f ? 2 : 1;
};

const big5Length: CharLength = (bytes, i) => {
  const b = bytes[i];
  if (!(b >= 0x81 && b <= 0xfe && i + 1 < bytes.length)) return 1;
  const b2 = bytes[i + 1];
  return (b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0xa1 && b2 <= 0xfe) ? 2 : 1;
};

/** A lone trailing byte of UTF-16 is a unit of its own, as the decoder sees it. */
const utf16Length =
  (le: boolean): CharLength =>
  (bytes, i) => {
    if (i + 1 >= bytes.length) return 1;
    const unit = le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    return unit >= 0xd800 && unit <= 0xdbff && i + 3 < bytes.length ? 4 : 2;
  };

const CHAR_LENGTHS: Record<TextEncodingName, CharLength> = {
  'utf-8': utf8Length,
  gb18030: gb18030Length,
  big5: big5Length,
  'utf-16le': utf16Length(true),
  'utf-16be': utf16Length(false),
};

const SEGMENTERS = Object.fromEntries(
  Object.entries(CHAR_LENGTHS).map(([encoding, width]) => [encoding, segmentBy(width)]),
) as Record<TextEncodingName, (bytes: Uint8Array, from: number) => Int32Array>;

/** Byte offsets, from `from`, at which each code point of `bytes` starts as `encoding` segments them. */
export function codePointStarts(bytes: Uint8Array, from: number, encoding: TextEncodingName): Int32Array {
  return SEGMENTERS[encoding](bytes, from);
}

/** Decodes and builds the offset map; exact even when segmentation disagrees. */
export function decodeMapped(bytes: Uint8Array, encoding: TextEncodingName, from = 0): MappedText {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const body = bytes.subarray(from);
  const text = decoder.decode(body);
  const starts = SEGMENTERS[encoding](bytes, from);
  const origin = new Int32Array(text.length);
  let unit = 0;
  let cp = 0;
  while (unit < text.length && cp < starts.length) {
    const code = text.codePointAt(unit)!;
    origin[unit] = starts[cp];
    if (code > 0xffff) origin[unit + 1] = starts[cp];
    unit += code > 0xffff ? 2 : 1;
    cp++;
  }
  if (unit === text.length && cp === starts.length) return mapped(text, origin, bytes.length);
  // Segmentation and decoder disagree (malformed input): decode segment by
  // segment, which is slow but exact.
  const parts: string[] = [];
  const origins: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = new TextDecoder(encoding, { ignoreBOM: true }).decode(
      bytes.subarray(starts[k], k + 1 < starts.length ? starts[k + 1] : bytes.length),
    );
    parts.push(s);
    for (let j = 0; j < s.length; j++) origins.push(starts[k]);
  }
  return mapped(parts.join(''), Int32Array.from(origins), bytes.length);
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  // NULs on one parity only: ASCII characters in UTF-16. Chinese text has few
  // of them, so confirm with the decoded text rather than a share of NULs.
  const candidate = oddZero > evenZero * 4 ? 'utf-16le' : evenZero > oddZero * 4 ? 'utf-16be' : undefined;
  if (!candidate) return undefined;
  if (Math.max(evenZero, oddZero) > n / 2 * 0.3) return candidate;
  return commonCharScore(new TextDecoder(candidate).decode(bytes.subarray(0, n))).score > 0.3 ? candidate : undefined;
}

/** How many bytes the character starting at `offset` takes in `encoding`. */
export function charLengthAt(bytes: Uint8Array, offset: number, encoding: TextEncodingName): number {
  if (offset >= bytes.length) return 0;
  // the segmenter's first step, asked directly: every span of every fact asks this, and segmenting
  // a four-byte view cost two typed arrays a call (a width never looks more than three bytes ahead)
  return Math.min(CHAR_LENGTHS[encoding](bytes, offset), bytes.length - offset, 4);
}

/**
 * `bytes[from..]` decoded as UTF-8 with its offset map, or undefined when they
 * are not valid UTF-8. Valid UTF-8 needs no segmenting: a code point starts at
 * every byte that is not a continuation byte, its lead byte tells its length,
 * and only a four-byte one takes two UTF-16 units. One check, one decode and one
 * pass over the bytes; the general path (decodeMapped) decodes, lists every
 * code point's start in an array and walks both, which cost twice the decode.
 */
export function decodeStrictUtf8(bytes: Uint8Array, from = 0): MappedText | undefined {
  const body = bytes.subarray(from);
  // isUtf8 validates without decoding (~50× faster than a fatal decode here), so a file in another
  // encoding, which is tried as UTF-8 cut at each of its last three bytes first, costs next to nothing.
  if (!isUtf8(body)) return undefined;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  const origin = new Int32Array(text.length);
  let unit = 0;
  for (let i = from; i < bytes.length; ) {
    const b = bytes[i];
    origin[unit++] = i;
    if (b < 0x80) i += 1;
    else if (b < 0xe0) i += 2;
    else if (b < 0xf0) i += 3;
    else {
      origin[unit++] = i;
      i += 4;
    }
  }
  return mapped(text, origin, bytes.length);
}

/** Bytes that are neither text nor a known encoding's control use. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) ctl++;
  }
  return n === 0 ? 0 : ctl / n;
}

/**
 * Decodes a text file. Throws UnreadableInputError for input that is not text.
 * `file` is used only in messages.
 */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length === 0) throw new UnreadableInputError(file, 'empty file (0 bytes)', 'ingest/empty');
  const refused = sniffRefusedFormat(bytes);
  if (refused) throw new UnreadableInputError(file, `not a text document: ${refused}`, 'ingest/unsupported-format');

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return finish(file, 'utf-8', true, decodeStrictUtf8(bytes, 3) ?? decodeMapped(bytes, 'utf-8', 3), diagnostics);
  }
  if (startsWith(bytes, [0xff, 0xfe])) return finish(file, 'utf-16le', true, decodeMapped(bytes, 'utf-16le', 2), diagnostics);
  if (startsWith(bytes, [0xfe, 0xff])) return finish(file, 'utf-16be', true, decodeMapped(bytes, 'utf-16be', 2), diagnostics);
  const utf16 = looksUtf16(bytes);
  if (utf16) return finish(file, utf16, false, decodeMapped(bytes, utf16), diagnostics);

  if (controlShare(bytes) > 0.02) {
    throw new UnreadableInputError(file, 'binary data, not text (control bytes in the first 64 KiB)', 'ingest/binary');
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8) return finish(file, 'utf-8', false, utf8, diagnostics);

  // A UTF-8 file cut inside its last character.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const whole = decodeStrictUtf8(bytes.subarray(0, bytes.length - cut));
    if (whole) {
      diagnostics.push(
        diag('ingest/truncated-sequence', 'warning', `file ends inside a multi-byte UTF-8 character (last ${cut} byte(s) dropped)`, {
          offset: bytes.length - cut,
        }),
      );
      return finish(file, 'utf-8', false, whole, diagnostics);
    }
  }

  const sample = bytes.subarray(0, Math.min(bytes.length, 256 * 1024));
  const candidates: TextEncodingName[] = ['utf-8', 'gb18030', 'big5', ...(bytes.length % 2 === 0 ? (['utf-16le', 'utf-16be'] as const) : [])];
  let best: { enc: TextEncodingName; score: number; cjk: number } | undefined;
  for (const enc of candidates) {
    const { score, cjk } = commonCharScore(new TextDecoder(enc).decode(sample));
    if (!best || score > best.score) best = { enc, score, cjk };
  }
  if (!best || best.cjk === 0) {
    throw new UnreadableInputError(file, 'no Chinese text found in any supported encoding (UTF-8, GB18030, Big5, UTF-16)', 'ingest/no-text');
  }
  if (best.enc === 'utf-8') {
    diagnostics.push(diag('ingest/invalid-utf8', 'warning', 'invalid UTF-8 byte sequences replaced with U+FFFD'));
  }
  if (best.score < 0.25) {
    diagnostics.push(
      diag('ingest/encoding-uncertain', 'warning', `encoding guessed as ${best.enc} with low confidence (${best.score.toFixed(2)})`),
    );
  }
  return finish(file, best.enc, false, decodeMapped(bytes, best.enc), diagnostics);
}

function finish(
  file: string,
  encoding: TextEncodingName,
  bom: boolean,
  text: MappedText,
  diagnostics: Diagnostic[],
): Decoded {
  let bad = 0;
  for (let i = 0; i < text.text.length; i++) if (text.text.charCodeAt(i) === 0xfffd) bad++;
  if (text.text.length > 0 && bad / text.text.length > 0.1) {
    throw new UnreadableInputError(file, `binary data, not text (${bad} undecodable characters as ${encoding})`, 'ingest/binary');
  }
  if (text.text.trim().length === 0) {
    throw new UnreadableInputError(file, 'no text (only white space)', 'ingest/empty');
  }
  return { encoding, bom, text, diagnostics };
}
