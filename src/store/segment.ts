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
