/**
 * Repair and normalise passes. Each pass is MappedText → MappedText and
 * reports what it changed as diagnostics with the original offset.
 */
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { commonCharScore } from './decode.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { MappedTextBuilder, mapUnits, originAt, replaceMapped, type MappedText } from './mapped-text.js';

export type Script = 'simplified' | 'traditional';

export interface PassContext {
  readonly diagnostics: Diagnostic[];
}

type Pass = (src: MappedText, ctx: PassContext) => MappedText;

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';

// --- literal escapes and entities -------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  times: '×', divide: '÷', deg: '°', permil: '‰', bull: '•', copy: '©', reg: '®', yen: '¥',
};

/** `\r\n` typed out as backslash sequences, `&nbsp;`, `&#12288;`, `<U+00A0>`. */
export const unescapeLiterals: Pass = (src, ctx) => {
  let count = 0;
  const out = replaceMapped(
    src,
    // no leading look-ahead: the engine finds the first characters of the alternatives itself,
    // three times faster than through a look-ahead (4 against 13 ms a corpus pass)
    /(?:\\r\\n|\\n|\\r|\\t|&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?|<U\+([0-9A-F]{4,6})>)/gi,
    (m) => {
      const s = m[0];
      if (s === '\\r\\n' || s === '\\n' || s === '\\r') return '\n';
      if (s === '\\t') return ' ';
      if (m[2]) return String.fromCodePoint(parseInt(m[2], 16));
      const ent = m[1];
      if (!ent) return s;
      if (ent[0] === '#') {
        const cp = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : s;
      }
      return NAMED_ENTITIES[ent.toLowerCase()] ?? s;
    },
    () => count++,
  );
  if (count) ctx.diagnostics.push(diag('ingest/literal-escapes', 'info', `${count} literal escapes or entities (\\r\\n, &nbsp;, <U+00A0>…) decoded`));
  return out;
};

/** What normalizeWhitespace does with a character: 1 a space of any kind (becomes U+0020), 2 a control or invisible (dropped). */
const WHITESPACE_KIND = new Uint8Array(0x10000);
for (const c of [0x00a0, 0x1680, 0x202f, 0x205f, 0x3000, 0x09, 0x0c, 0x0b]) WHITESPACE_KIND[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) WHITESPACE_KIND[c] = 1;
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x7f]) WHITESPACE_KIND[c] = 2;
for (let c = 0x00; c <= 0x08; c++) WHITESPACE_KIND[c] = 2;
for (let c = 0x0e; c <= 0x1f; c++) WHITESPACE_KIND[c] = 2;

/**
 * Line ends to `\n` (\r\n and a lone \r, the new line at the place of the \r); every kind of
 * space to an ASCII space; controls dropped. One walk over char codes: as a regex with a
 * callback this ran once per line of every file written with \r\n.
 */
export const normalizeWhitespace: Pass = (src) => {
  const text = src.text;
  let b: MappedTextBuilder | undefined;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let len: number;
    let rep: string;
    if (c === 0x0d) {
      len = text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      rep = '\n';
    } else {
      const kind = WHITESPACE_KIND[c];
      if (kind === 0) continue;
      len = 1;
      rep = kind === 1 ? ' ' : '';
    }
    // the builder is made at the first change, as replaceMapped does
    b ??= new MappedTextBuilder(text.length);
    b.pushSlice(src, last, i);
    b.pushReplacement(rep, src, i, i + len);
    last = i + len;
    i += len - 1;
  }
  if (!b) return src;
  b.pushSlice(src, last, text.length);
  return b.build(src.end);
};

// --- pinyin readings glued onto characters ------------------------------------

const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
const PINYIN = new RegExp(`([${CJK}])[(（]([${PINYIN_LETTERS}]{1,6})[)）]`, 'g');
const TONE_OR_VOWEL = /[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|^(?:ng|m|n|hm|hng)$/;

/** `現(xiàn)` → `現`: pinyin readings that follow a character in brackets. */
export const removePinyin: Pass = (src, ctx) => {
  let count = 0;
  const out = replaceMapped(
    src,
    PINYIN,
    (m) => (TONE_OR_VOWEL.test(m[2]) ? m[1] : m[0]),
    () => count++,
  );
  if (count) ctx.diagnostics.push(diag('ingest/pinyin-removed', 'info', `${count} pinyin readings removed after characters`));
  return out;
};

// --- GBK mojibake -------------------------------------------------------------

const CHINESE_NUMERALS = '一二三四五六七八九十';

/**
 * Text whose GBK bytes were decoded one byte out of step: `（一）` comes out as
 * `。ㄒ唬`. The forms are derived from the encoding itself, not listed: we
 * re-encode the garbled run and decode it again one byte later.
 */
function shiftedGbk(s: string): string | undefined {
  const buf = iconv.encode(s, 'gbk');
  if (iconv.decode(buf, 'gbk') !== s) return undefined; // not GBK-representable: cannot be a GBK misread
  return iconv.decode(buf.subarray(1), 'gbk');
}

/** The garbled start of a bracketed section number `（n）`, for n in 一…十. */
function mojibakeNumberForms(): Map<string, string> {
  const forms = new Map<string, string>();
  for (const n of CHINESE_NUMERALS) {
    const good = iconv.encode(`（${n}）`, 'gbk');
    // The misread starts one byte early: the trail byte of the previous
    // full-width character (here the 0xA1 lead of 。 — GBK punctuation row).
    const garbled = iconv.decode(Buffer.concat([Buffer.from([0xa1]), good]), 'gbk');
    // The first two characters are stable; later ones depend on what follows.
    forms.set(garbled.slice(0, 2), `（${n}`);
  }
  return forms;
}

let numberForms: Map<string, string> | undefined;

/**
 * A line that starts with 。: where a misread `（n）` begins. Written with `^` and the m flag, which
 * the engine scans for far faster than a look-behind (4 against 15 ms a corpus pass); m also counts
 * \r, U+2028 and U+2029 as line ends, so `startsLine` keeps only matches after \n or at the start.
 * Skipping the others loses no match: none crosses a \n, and every kept one starts after one.
 */
const GARBLED_LINE = /^。[^\n]{1,40}/gm;
const startsLine = (text: string, i: number) => i === 0 || text.charCodeAt(i - 1) === 0x0a;

/** How natural a piece of text looks: common characters count, symbols and rare ones cost. */
function naturalness(s: string): number {
  let score = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x4e00 && cp <= 0x9fff) score += commonCharScore(ch).score > 0 ? 1 : -0.5;
    else if (/[，。、；：“”（）,.;:!?！？%0-9]/.test(ch)) score += 0.2;
    else score -= 1;
  }
  return score;
}

/**
 * Only the garbled head of a line is replaced, so the words after it keep
 * their own offsets; the line break before it is not part of the match (a
 * replacement maps to where its match starts, and the repaired line used to
 * start at that line break: spans one character early, issue 15).
 */
export const repairGbkMojibake: Pass = (src, ctx) => {
  numberForms ??= mojibakeNumberForms();
  const forms = numberForms;
  const text = src.text;
  let b: MappedTextBuilder | undefined;
  let last = 0;
  GARBLED_LINE.lastIndex = 0;
  for (let m = GARBLED_LINE.exec(text); m; m = GARBLED_LINE.exec(text)) {
    if (!startsLine(text, m.index)) continue;
    const run = m[0];
    const number = forms.get(run.slice(0, 2));
    if (!number) continue;
    // The misread runs until the decoder falls back into step; choose the cut
    // that makes the repaired head plus the untouched tail read most naturally.
    let best: { text: string; cut: number; score: number } | undefined;
    for (let k = 3; k <= run.length; k++) {
      // A run cut inside a character leaves a dangling lead byte: drop it.
      const shifted = shiftedGbk(run.slice(0, k))?.replace(/\ufffd$/, '');
      if (!shifted || !shifted.startsWith(number) || shifted.includes('\ufffd')) continue;
      const candidate = shifted + run.slice(k);
      const score = naturalness(candidate);
      if (!best || score > best.score) best = { text: shifted, cut: k, score };
    }
    const offset = originAt(src, m.index);
    let head: number;
    let repaired: string;
    if (best && /^（[一二三四五六七八九十]）/.test(best.text)) {
      head = best.cut;
      repaired = best.text;
      ctx.diagnostics.push(
        diag('ingest/gbk-mojibake', 'warning', `GBK text read one byte out of step repaired: ${run.slice(0, best.cut)} → ${best.text}`, {
          offset,
          actual: run.slice(0, best.cut),
          expected: best.text,
        }),
      );
    } else {
      // The number can be read but not the words after it: repair the number, flag the rest.
      head = 2 + /^[^\u4e00-\u9fff]{0,2}/.exec(run.slice(2))![0].length;
      repaired = `${number}）`;
      ctx.diagnostics.push(
        diag(
          'ingest/gbk-mojibake-unrepaired',
          'warning',
          `section number repaired (${number}）) but the words after it are garbled GBK and were kept as found: ${run.slice(0, 12)}`,
          { offset, actual: run.slice(0, 12) },
        ),
      );
    }
    b ??= new MappedTextBuilder(text.length);
    b.pushSlice(src, last, m.index);
    b.pushReplacement(repaired, src, m.index, m.index + head);
    last = m.index + head;
  }
  if (!b) return src;
  b.pushSlice(src, last, text.length);
  return b.build(src.end);
};

// --- width ----------------------------------------------------------------------

/** Full-width digits, letters and figure punctuation to ASCII (length-preserving). */
export const halfWidth: Pass = (src) =>
  mapUnits(src, (t) =>
    t.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0b\uff0d\uff0f]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    ),
  );

// --- script -------------------------------------------------------------------

let t2s: ((s: string) => string) | undefined;
export function toSimplified(s: string): string {
  t2s ??= Converter({ from: 'tw', to: 'cn' });
  return t2s(s);
}

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
let changedAlone: Uint8Array | undefined;
/**
 * For each character of U+4E00–U+9FFF, 1 when t2s converts it on its own (這, 發,
 * 經 …). Built once by converting every character between line breaks (no phrase
 * spans a line break, so each is converted alone).
 */
function charsChangedAlone(): Uint8Array {
  if (changedAlone) return changedAlone;
  const chars: string[] = [];
  for (let c = CJK_FIRST; c <= CJK_LAST; c++) chars.push(String.fromCharCode(c));
  const converted = toSimplified(chars.join('\n')).split('\n');
  const table = new Uint8Array(CJK_LAST - CJK_FIRST + 1);
  if (converted.length === chars.length) for (let i = 0; i < chars.length; i++) table[i] = converted[i] !== chars[i] ? 1 : 0;
  changedAlone = table;
  return table;
}

/** The share of the sample's CJK characters that convert on their own (-1 when it has none). */
function shareChangedAlone(sample: string): number {
  const table = charsChangedAlone();
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= CJK_FIRST && c <= CJK_LAST) {
      cjk++;
      changed += table[c - CJK_FIRST];
    }
  }
  return cjk === 0 ? -1 : changed / cjk;
}

/**
 * Below this share of characters that convert on their own, a sample is Simplified;
 * above TRADITIONAL_ALONE, Traditional — without running the converter over it. The
 * converter's phrases move the share only a little either way (显著 keeps 著, which
 * alone becomes 着; 乾燥 becomes 干燥 though 乾 alone stays), while Simplified report
 * text sits near 0 and Traditional text far above the 3% the decision is made at
 * (a third or more of its characters convert); between the two bounds the converter decides.
 */
const SIMPLIFIED_ALONE = 0.01;
const TRADITIONAL_ALONE = 0.1;

/** Whether the text is written in Traditional script (share of characters that t2s changes). */
export function detectScript(text: string): Script {
  // A Traditional text shows itself within a few thousand characters; converting more is the costliest part of the check.
  const sample = text.slice(0, 12_000);
  const alone = shareChangedAlone(sample);
  if (alone < 0) return 'simplified';
  if (alone < SIMPLIFIED_ALONE) return 'simplified';
  if (alone > TRADITIONAL_ALONE) return 'traditional';
  return detectScriptByConverting(sample);
}

/** The converter's answer: more than 3% of the sample's CJK characters change. */
export function detectScriptByConverting(sample: string): Script {
  const simp = toSimplified(sample);
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (simp.charCodeAt(i) !== c) changed++;
    }
  }
  return cjk > 0 && changed / cjk > 0.03 ? 'traditional' : 'simplified';
}

/** Traditional → Simplified, line by line so the offset map stays one to one. */
export const convertScript: Pass = (src, ctx) => {
  const b = new MappedTextBuilder(src.text.length);
  let start = 0;
  const text = src.text;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const conv = toSimplified(line);
    if (conv.length === line.length) b.pushReplacement(conv, src, start, end);
    else for (let i = start; i < end; i++) b.pushReplacement(toSimplified(text[i]), src, i, i + 1);
    if (end < text.length) b.pushSlice(src, end, end + 1);
    start = end + 1;
  }
  ctx.diagnostics.push(diag('ingest/script-converted', 'info', 'Traditional script converted to Simplified'));
  return b.build(src.end);
};

// --- spaces inside words and figures ------------------------------------------------

/** A–Z, a–z, 0–9: the characters between which a space is a word space. */
function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Spaces matter only between two Latin letters or digits: Chinese uses none, so a run of spaces
 * inside Chinese words (a spaced-out title, 政 府 工 作 报 告) goes, and so do the spaces at either
 * end of a line; between two Latin letters or digits one space stays (at the run's own place when
 * the run is one space, else at the letter before it). Three or more line breaks in a row become
 * two, both at the first one's place. Spaces are only U+0020 here: normalizeWhitespace made every
 * other kind one.
 *
 * One walk over the text. It was two regex passes, each making a mapped copy of the text, which
 * took about 30 % of normalising's time on the corpus; test/ingest/normalize.test.ts holds those two
 * regexes and checks this gives the same text and offset map on every short text of spaces,
 * breaks, letters and Chinese characters.
 */
export const tidySpaces: Pass = (src) => {
  const text = src.text;
  const n = text.length;
  let b: MappedTextBuilder | undefined;
  let last = 0;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      let e = i + 1;
      while (e < n && text.charCodeAt(e) === 0x20) e++;
      const inLine = i > 0 && text.charCodeAt(i - 1) !== 0x0a && e < n && text.charCodeAt(e) !== 0x0a;
      const wordSpace = inLine && isLatinOrDigit(text.charCodeAt(i - 1)) && isLatinOrDigit(text.charCodeAt(e));
      if (!(wordSpace && e - i === 1)) {
        b ??= new MappedTextBuilder(n);
        b.pushSlice(src, last, i);
        if (wordSpace) b.pushConst(' ', src.origin[i - 1]);
        last = e;
      }
      i = e;
    } else if (c === 0x0a) {
      let e = i + 1;
      while (e < n && text.charCodeAt(e) === 0x0a) e++;
      if (e - i >= 3) {
        b ??= new MappedTextBuilder(n);
        b.pushSlice(src, last, i);
        b.pushConst('\n\n', src.origin[i]);
        last = e;
      }
      i = e;
    } else {
      i++;
    }
  }
  if (!b) return src;
  b.pushSlice(src, last, n);
  return b.build(src.end);
};

// --- hard line breaks ------------------------------------------------------------------

const SENTENCE_END = /[。！？；：!?;:…”’」』）)】]$/;
const HEADING_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d)|[①-⑳]|——|第[一二三四五六七八九十]+[部章节])/;

/** The value at share `q` of the sorted values (a typed array sorts numbers without a comparator call per pair). */
function quantile(values: readonly number[], q: number): number {
  const s = Float64Array.from(values).sort();
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/** A text wrapped at a column: its non-empty lines, the column's width, and the width around each line. */
export interface ColumnLayout {
  readonly lines: readonly { readonly start: number; readonly end: number }[];
  readonly width: number;
  readonly localWidth: readonly number[];
}

/**
 * Newspaper and PDF text wraps at a fixed column: lines of nearly equal length, often with blank
 * lines between them. The layout of `text` when most of its lines share one width, else null.
 */
export function columnLayout(text: string): ColumnLayout | null {
  // the lines found by indexOf, which scans for \n far faster than a look at every character
  // (most texts are not wrapped, so this is all the pass does with them)
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) lines.push({ start, end });
    start = end + 1;
  }
  if (lines.length < 10) return null;
  const lengths = lines.map((l) => l.end - l.start);
  const width = quantile(lengths, 0.75);
  if (width > 60 || width < 8) return null;
  const near = lengths.filter((n) => n >= width * 0.8 && n <= width * 1.25).length;
  if (near / lines.length < 0.5) return null;
  // A page can mix column widths (a digest in wide columns, a sidebar in
  // narrow ones), so each line is judged against its neighbours' width.
  const WINDOW = 12;
  const localWidth = lengths.map((_, j) => quantile(lengths.slice(Math.max(0, j - WINDOW), j + WINDOW + 1), 0.75));
  return { lines, width, localWidth };
}

/**
 * Joins a line of `layout` that fills its column and does not end a sentence with the next line;
 * real paragraph breaks (short line, sentence end, heading) are kept.
 */
export function joinColumnLines(src: MappedText, layout: ColumnLayout, ctx: PassContext): MappedText {
  const { text } = src;
  const { lines, localWidth } = layout;
  const b = new MappedTextBuilder(text.length);
  let joins = 0;
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j];
    if (j > 0) {
      const prev = lines[j - 1];
      const prevText = text.slice(prev.start, prev.end);
      const nextText = text.slice(l.start, l.end);
      const full = prevText.length >= localWidth[j - 1] * 0.8 && localWidth[j - 1] <= 60;
      const join = full && !SENTENCE_END.test(prevText) && !HEADING_START.test(nextText);
      if (join) joins++;
      else b.pushConst('\n', originAt(src, prev.end));
    }
    b.pushSlice(src, l.start, l.end);
  }
  if (joins === 0) return src;
  ctx.diagnostics.push(
    diag('ingest/hard-line-breaks', 'info', `${joins} hard line breaks inside paragraphs joined (column width about ${layout.width} characters)`),
  );
  return b.build(src.end);
}

/** Text wrapped at a column (see columnLayout) with its lines joined back into paragraphs. */
export const joinWrappedLines: Pass = (src, ctx) => {
  const layout = columnLayout(src.text);
  return layout ? joinColumnLines(src, layout, ctx) : src;
};

// --- one paragraph a line, each once ------------------------------------------------------

const MIN_REPEAT = 30;

/**
 * The text as paragraphs, one a line:
 *  - blank lines carry no meaning once lines are paragraphs: a run of line breaks becomes one,
 *    kept at the first break's place;
 *  - a paragraph of MIN_REPEAT or more characters that repeats an earlier one verbatim is kept once
 *    (a page reprinted, a paragraph pasted twice);
 *  - no line break is left at either end.
 * One walk over the paragraphs, where a pass for each made a mapped copy of the whole text each.
 */
export const paragraphLines: Pass = (src, ctx) => {
  const text = src.text;
  const n = text.length;
  const seen = new Set<string>();
  const b = new MappedTextBuilder(n);
  // the line break right after the last paragraph kept: it separates that one from the next kept
  let pendingBreak = -1;
  let start = 0;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    if (end > start) {
      const para = text.slice(start, end);
      if (para.length >= MIN_REPEAT && seen.has(para)) {
        ctx.diagnostics.push(
          diag('ingest/repeated-paragraph', 'warning', `repeated paragraph dropped (kept its first copy): ${para.slice(0, 24)}…`, {
            offset: originAt(src, start),
          }),
        );
      } else {
        if (para.length >= MIN_REPEAT) seen.add(para);
        if (pendingBreak >= 0) b.pushSlice(src, pendingBreak, pendingBreak + 1);
        b.pushSlice(src, start, end);
        pendingBreak = end < n ? end : -1;
      }
    }
    start = end + 1;
  }
  return b.build(src.end);
};

export interface NormalizeResult {
  readonly text: MappedText;
  readonly script: Script;
}

/** The fixed order of passes; escapes first since they create line breaks. */
export function normalize(src: MappedText, ctx: PassContext): NormalizeResult {
  let t = unescapeLiterals(src, ctx);
  t = normalizeWhitespace(t, ctx);
  t = removePinyin(t, ctx);
  t = repairGbkMojibake(t, ctx);
  // A repaired run can end just before a reading that had no character to follow.
  t = removePinyin(t, { diagnostics: [] });
  t = halfWidth(t, ctx);
  const script = detectScript(t.text);
  if (script === 'traditional') t = convertScript(t, ctx);
  t = tidySpaces(t, ctx);
  t = joinWrappedLines(t, ctx);
  t = paragraphLines(t, ctx);
  return { text: t, script };
}
