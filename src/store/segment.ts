/**
 * Text as the full-text index sees it: each CJK character its own token,
 * Latin words and numbers kept whole, everything else a separator.
 */
export function segmentForIndex(text: string): string {
  return text
    .replace(/[\u3400-\u9fff\uf900-\ufaff]/g, ' $& ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The one- and two-character grams of a text, for indexes that answer short
 * queries exactly: every character and every pair of adjacent characters
 * (code points), whitespace left out because a trimmed query of one or two
 * characters never holds any. A document holds a query of one or two
 * characters exactly when it holds that gram, so no text needs re-reading.
 */
export function* gramsOf(text: string): Generator<[first: number, second: number | undefined]> {
  let prev: number | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isSpace(cp)) {
      prev = undefined;
      continue;
    }
    yield [cp, undefined];
    if (prev !== undefined) yield [prev, cp];
    prev = cp;
  }
}

/** Hex code points are written for every character indexed: kept per code point of the BMP, as texts repeat them. */
const HEX: (string | undefined)[] = new Array(0x10000);
function hex(cp: number): string {
  return cp < 0x10000 ? (HEX[cp] ??= cp.toString(16)) : cp.toString(16);
}

/**
 * A text as SQLite's gram index holds it (migrations 22 and 27), as FTS5
 * tokens (unicode61 keeps runs of letters and digits whole). `chars`: every
 * character the text holds, once, `u` + its hex code point, in the order each
 * first occurs. `pairs`: each run of characters between whitespace as `x` +
 * its first character, its adjacent pairs in text order (the two hex code
 * points joined by `g`), `y` + its last character.
 * Patterns: a query of one character occurs in the text exactly when its
 * `chars` token is there (so that column needs no positions, and no
 * repeats); a query of n ≥ 2 characters without whitespace occurs exactly
 * when its n − 1 pairs are consecutive tokens (consecutive pair tokens overlap
 * by a character, as no pair token stands between runs); a query with
 * whitespace occurs, up to which whitespace separates its runs, exactly when
 * its first run's pairs and `y` token, each middle run's `x`…`y` tokens and its
 * last run's `x` token and pairs are consecutive. Case is kept (the hex digits
 * carry it); `u`, `x`, `y` and `g` are not hex digits, so no two kinds of
 * token can be equal.
 */
export function gramColumns(text: string): { chars: string; pairs: string } {
  // Appended to two strings rather than collected and joined: this runs over every character stored,
  // and the arrays of small strings cost about as much again (measured: 1.7× faster, flattening included).
  let chars = '';
  let pairs = '';
  let prev: string | undefined;
  // Characters already written to `chars`: a report of 10,000 characters uses a few thousand distinct ones.
  const seen = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    // Code points, as `for…of` gives them: a surrogate pair is one character, a lone surrogate stays itself.
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isSpace(cp)) {
      if (prev !== undefined) pairs += ' y' + prev;
      prev = undefined;
      continue;
    }
    const h = hex(cp);
    if (!seen.has(cp)) {
      seen.add(cp);
      chars += ' u' + h;
    }
    pairs += prev === undefined ? ' x' + h : ' ' + prev + 'g' + h;
    prev = h;
  }
  if (prev !== undefined) pairs += ' y' + prev;
  return { chars: chars.slice(1), pairs: pairs.slice(1) };
}

/**
 * A query as an FTS5 expression on one column of the gram index (see
 * gramColumns): one character is its `chars` token; more, without
 * whitespace, the phrase of its pairs; with whitespace, one phrase of every
 * run's tokens, the first run ending a run of the text, the last one starting
 * one, those between whole runs. Tokens are quoted, so no query is syntax.
 * With whitespace the index cannot tell which whitespace the text has between
 * the runs, so `verbatim` asks the text as well (only for the documents the
 * phrase found).
 */
export function gramMatch(query: string): { column: 'chars' | 'pairs'; match: string; verbatim?: string } | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const runs = q.split(/\s+/).map((run) => [...run].map((ch) => hex(ch.codePointAt(0)!)));
  const pairsOf = (hs: string[]) => hs.slice(1).map((h, i) => hs[i] + 'g' + h);
  if (runs.length === 1) return runs[0].length === 1 ? { column: 'chars', match: `"u${runs[0][0]}"` } : { column: 'pairs', match: `"${pairsOf(runs[0]).join(' ')}"` };
  const tokens = runs.flatMap((hs, i) => [...(i > 0 ? ['x' + hs[0]] : []), ...pairsOf(hs), ...(i < runs.length - 1 ? ['y' + hs[hs.length - 1]] : [])]);
  return { column: 'pairs', match: `"${tokens.join(' ')}"`, verbatim: q };
}

/** A gram as one integer (PostgreSQL bigint arrays): a pair never collides with a single character, whose code point is below 2^21. */
export function gramNumber([a, b]: [number, number | undefined]): number {
  return b === undefined ? a : a * 2 ** 21 + b;
}

/**
 * PostgreSQL's gram keys of a text: every character, every adjacent pair (as
 * gramNumber numbers them) and every adjacent triple of characters, a*2^42 +
 * b*2^21 + c, whitespace left out as in gramsOf. Decimal strings: a triple's
 * key passes 2^53. A document holds a query of one to three characters
 * (without whitespace) exactly when it holds that key.
 */
export function gramKeysOf(text: string): Set<string> {
  const keys = new Set<string>();
  let a: number | undefined;
  let b: number | undefined;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isSpace(c)) {
      a = b = undefined;
      continue;
    }
    keys.add(String(c));
    if (b !== undefined) keys.add(String(gramNumber([b, c])));
    if (a !== undefined) keys.add(String(tripleKey(a, b!, c)));
    a = b;
    b = c;
  }
  return keys;
}

/**
 * The keys (see gramKeysOf) every document holding `query` holds, and whether
 * holding them is also enough: so for one key of one to three characters;
 * longer queries (or ones with whitespace) give the triples of their runs
 * and need the text checked.
 */
export function queryGramKeys(query: string): { keys: string[]; exact: boolean } {
  const chars = [...query.trim()];
  const cps = chars.map((ch) => ch.codePointAt(0)!);
  if (cps.length <= 3 && !cps.some(isSpace)) {
    const [a, b, c] = cps;
    return { keys: [String(cps.length === 1 ? a : cps.length === 2 ? gramNumber([a, b]) : tripleKey(a, b, c))], exact: true };
  }
  const keys = new Set<string>();
  for (const run of query.trim().split(/\s+/)) for (const k of gramKeysOf(run)) if (BigInt(k) >= 2n ** 42n || [...run].length < 3) keys.add(k);
  return { keys: [...keys], exact: false };
}

function tripleKey(a: number, b: number, c: number): bigint {
  return (BigInt(a) << 42n) + (BigInt(b) << 21n) + BigInt(c);
}

/** What JavaScript's trim() and \s take for whitespace, without a regular expression per character. */
function isSpace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp < 0xa0) return false;
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}
