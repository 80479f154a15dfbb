/** Ways of going through the matches of a pattern, for the head and year finders. */

/** Every match of a global regex in `text`, in order. */
export function* execAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/**
 * Patterns that hold a written year and its 年 (datelines, review and plan headings) but begin
 * with characters the regex engine cannot scan for (digits and numerals, ^, a line feed): tried
 * at every character, they cost more than anything else in identifying. Every match holds one
 * year-年, and the text between a match's start and that 年 holds no other 年, so going from 年
 * to 年 and trying the sticky pattern only at the starts each one allows finds the same matches,
 * in the same order, as repeated exec of the pattern with the g flag.
 */
export function* yearAnchoredMatches(
  text: string,
  sticky: RegExp,
  /** Where a match whose year ends at the 年 at `p` can start, earliest first. */
  startsOf: (text: string, p: number) => Iterable<number>,
): Generator<RegExpExecArray> {
  let from = 0;
  for (let p = text.indexOf('年'); p >= 0; p = text.indexOf('年', p + 1)) {
    for (const start of startsOf(text, p)) {
      if (start < from) continue; // before the text, or inside the match found last
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (!m) continue;
      from = start + m[0].length;
      yield m;
      break;
    }
  }
}
