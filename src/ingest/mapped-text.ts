/**
 * Text that remembers where every UTF-16 unit came from.
 *
 * `origin[i]` is the offset, in the source's offset unit (bytes for files read
 * from bytes), of the character that produced `text[i]`. Characters a pass
 * invents (a joined line break turned into nothing, an entity turned into a
 * space) inherit the origin of the source span they replace, so every offset
 * in the final text maps back to a real place in the original file.
 */
export interface MappedText {
  readonly text: string;
  readonly origin: Int32Array;
  /** Offset one past the end of the source; the origin of the end of text. */
  readonly end: number;
}

export function mapped(text: string, origin: Int32Array, end: number): MappedText {
  if (origin.length !== text.length) {
    throw new Error(`offset map length ${origin.length} does not match text length ${text.length}`);
  }
  return { text, origin, end };
}

/** Identity map: offsets are the text's own UTF-16 offsets. */
export function identity(text: string): MappedText {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = i;
  return { text, origin, end: text.length };
}

/** Source offset of text position `i` (positions at the end map to `end`). */
export function originAt(mt: MappedText, i: number): number {
  return i >= mt.text.length ? mt.end : mt.origin[i];
}

/** Below this many units, origins are copied in a loop rather than through a subarray view. */
const SHORT_RUN = 32;

/** Builds a MappedText piece by piece. */
export class MappedTextBuilder {
  private parts: string[] = [];
  // A growing typed array: passes copy origins in runs (subarray + set), which
  // per-element pushes onto a number[] made the hottest spot of the pipeline.
  private origins: Int32Array;
  private length = 0;

  /** `capacity`: expected length (the source's, usually), to avoid regrowing. */
  constructor(capacity = 1024) {
    this.origins = new Int32Array(Math.max(16, capacity));
  }

  private reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.origins.length) return;
    let cap = this.origins.length * 2;
    while (cap < need) cap *= 2;
    const grown = new Int32Array(cap);
    grown.set(this.origins.subarray(0, this.length));
    this.origins = grown;
  }

  /** Appends `s`, every unit of which comes from `origin`. */
  pushConst(s: string, origin: number): void {
    if (!s) return;
    this.reserve(s.length);
    this.parts.push(s);
    this.origins.fill(origin, this.length, this.length + s.length);
    this.length += s.length;
  }

  /** Appends `src.text[from..to)` keeping its origins. */
  pushSlice(src: MappedText, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(src.text.slice(from, to));
    this.copyOrigins(src.origin, from, to);
  }

  /** Copies `origin[from..to)` to the end; a short run element by element, as a view (subarray) per run cost more than the copy. */
  private copyOrigins(origin: Int32Array, from: number, to: number): void {
    if (to - from < SHORT_RUN) {
      const out = this.origins;
      for (let i = from, j = this.length; i < to; i++, j++) out[j] = origin[i];
    } else {
      this.origins.set(origin.subarray(from, to), this.length);
    }
    this.length += to - from;
  }

  /**
   * Appends `s` as a replacement of `src.text[from..to)`: when the lengths
   * agree the units map one to one, otherwise every unit maps to the start.
   */
  pushReplacement(s: string, src: MappedText, from: number, to: number): void {
    if (!s) return;
    if (s.length === to - from) {
      this.reserve(s.length);
      this.parts.push(s);
      this.copyOrigins(src.origin, from, to);
    } else {
      this.pushConst(s, originAt(src, from));
    }
  }

  get size(): number {
    return this.length;
  }

  build(end: number): MappedText {
    // The array is handed over, not copied: a pass that shortened the text leaves some capacity unused,
    // which lives only as long as this text (the next pass builds its own).
    const origin = this.length === this.origins.length ? this.origins : this.origins.subarray(0, this.length);
    return mapped(this.parts.join(''), origin, end);
  }
}

export type Replacer = (match: RegExpExecArray) => string;

/**
 * Like String.prototype.replace with a global regex, but keeps the offset map.
 * `onReplace` sees every match that changed the text (for diagnostics).
 */
export function replaceMapped(
  src: MappedText,
  pattern: RegExp,
  replacer: Replacer | string,
  onReplace?: (match: RegExpExecArray, replacement: string) => void,
): MappedText {
  if (!pattern.global) throw new Error('replaceMapped needs a global regex');
  pattern.lastIndex = 0;
  // Most passes change nothing in most files: the builder (a typed array the size of the
  // text) is made at the first change, not before.
  let b: MappedTextBuilder | undefined;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(src.text)) !== null) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const rep = typeof replacer === 'string' ? replacer : replacer(m);
    if (rep === m[0]) continue;
    b ??= new MappedTextBuilder(src.text.length);
    b.pushSlice(src, last, m.index);
    b.pushReplacement(rep, src, m.index, m.index + m[0].length);
    last = m.index + m[0].length;
    onReplace?.(m, rep);
  }
  if (!b) return src;
  b.pushSlice(src, last, src.text.length);
  return b.build(src.end);
}

/** Applies a per-unit mapping function that never changes length. */
export function mapUnits(src: MappedText, fn: (text: string) => string): MappedText {
  const out = fn(src.text);
  if (out === src.text) return src;
  if (out.length !== src.text.length) throw new Error('mapUnits: length changed');
  return { text: out, origin: src.origin, end: src.end };
}

export function sliceMapped(src: MappedText, from: number, to: number): MappedText {
  return {
    text: src.text.slice(from, to),
    origin: src.origin.slice(from, to),
    end: originAt(src, to),
  };
}
