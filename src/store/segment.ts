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

/** Hex code points are written for every character indexed: kept per code point, as texts repeat them. */
const HEX = new Map<number, string>();
function hex(cp: number): string {
  let h = HEX.get(cp);
  if (h === undefined) {
    h = cp.toString(16);
    if (HEX.size < 65_536) HEX.set(cp, h);
  }
  return h;
}

/** Where whitespace ends a run of characters in the `pairs` column: no adjacent pair spans it. */
const RUN_BREAK = 'z';

/**
 * A text as SQLite's gram index holds it (migration 22), as FTS5 tokens
 * (unicode61 keeps runs of letters and digits whole): `chars` has every
 * character, `u` + its hex code point; `pairs` has every adjacent pair of
 * characters in text order, the two hex code points joined by `g`, and `z`
 * where whitespace breaks a run. Pattern: a query of n ≥ 2 characters without
 * whitespace occurs in the text exactly when its n − 1 pairs occur as
 * consecutive tokens of `pairs` — consecutive pair tokens always overlap by a
 * character, since a break puts `z` between them. Case is kept: the hex digits
 * carry it. No token of one column can be a token of the other.
 */
export function gramColumns(text: string): { chars: string; pairs: string } {
  const chars: string[] = [];
  const pairs: string[] = [];
  let prev: string | undefined;
  let broken = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isSpace(cp)) {
      if (prev !== undefined) broken = true;
      prev = undefined;
      continue;
    }
    const h = hex(cp);
    chars.push('u' + h);
    if (prev !== undefined) pairs.push(prev + 'g' + h);
    else if (broken) {
      pairs.push(RUN_BREAK);
      broken = false;
    }
    prev = h;
  }
  return { chars: chars.join(' '), pairs: pairs.join(' ') };
}

/**
 * A query as an FTS5 expression on the gram index: each whitespace-free run
 * of it a character token (one character) or the phrase of its pairs (two or
 * more), runs joined by AND. Tokens are quoted, so no query is syntax. Without
 * whitespace the index's answer is exactly the documents holding the query;
 * with whitespace it is a superset (the runs, anywhere), so `verbatim` asks the
 * text as well.
 */
export function gramMatch(query: string): { match: string; verbatim?: string } | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const runs = q.split(/\s+/).map((run) => {
    const hs = [...run].map((ch) => hex(ch.codePointAt(0)!));
    if (hs.length === 1) return `"u${hs[0]}"`;
    const pairs: string[] = [];
    for (let i = 1; i < hs.length; i++) pairs.push(hs[i - 1] + 'g' + hs[i]);
    return `"${pairs.join(' ')}"`;
  });
  return runs.length === 1 ? { match: runs[0] } : { match: runs.join(' AND '), verbatim: q };
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
