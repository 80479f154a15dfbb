/**
 * Texts drawn at random (a fixed seed, so every run draws the same) by joining `pieces`: for
 * comparing a fast path with the code it stands for on many small texts no one wrote.
 */
export function drawnTexts(pieces: readonly string[], count: number, seed: number, most: number, least = 1): string[] {
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    const n = least + Math.floor(next() * (most - least + 1));
    for (let i = 0; i < n; i++) t += pieces[Math.floor(next() * pieces.length)];
    out.push(t);
  }
  return out;
}
