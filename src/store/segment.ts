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

/** A query of one or two characters as its gram, or undefined for any other query. */
export function queryGram(query: string): [first: number, second: number | undefined] | undefined {
  const chars = [...query.trim()];
  if (chars.length === 0 || chars.length > 2) return undefined;
  return [chars[0].codePointAt(0)!, chars[1]?.codePointAt(0)];
}

/**
 * A gram as one FTS5 token (unicode61 keeps runs of letters and digits
 * whole): `u` + the hex code point for one character, the two hex code
 * points joined by `g` for a pair. Case is kept: the hex digits carry it.
 */
export function gramToken([a, b]: [number, number | undefined]): string {
  return b === undefined ? 'u' + a.toString(16) : a.toString(16) + 'g' + b.toString(16);
}

/** A text's grams as FTS5 tokens, in text order (FTS5 counts repeats for ranking). */
export function gramTokens(text: string): string {
  const out: string[] = [];
  for (const g of gramsOf(text)) out.push(gramToken(g));
  return out.join(' ');
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
