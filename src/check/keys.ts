/**
 * A scorecard item's stable key: the name a ruling, a shared link
 * (#/check/四平市/2023/item/…) and an offline sheet's row use for a promise.
 * It must outlive row ids, re-imports and re-extraction, so it is made only
 * of what a reader would call "the same promise in the same report":
 *  - the plan document's content hash (store/identity `fingerprint`: the
 *    decoded, normalised text's characters, so a GB18030 copy or a re-marked
 *    HTML page of the same report hashes alike, while bytes differ);
 *  - the promise's kind (a headline target or another commitment);
 *  - its wording, normalised (NFKC, letters, digits and the few signs a
 *    figure needs), so spacing and full/half-width forms do not matter;
 *  - its occurrence among items of the same kind and wording (a target
 *    stated twice keeps two keys), never a byte offset.
 * A re-extraction that no longer yields the promise yields no item with the
 * key, and a ruling under it shows as orphaned. Pure: no store access.
 */
import { createHash } from 'node:crypto';
import { fingerprint } from '../store/identity.js';

/** Wording as compared for keys: NFKC, without spaces and punctuation (figures keep . % ‰). */
export function normalWording(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}.%‰]/gu, '');
}

/** The document's content hash as keys use it. */
export const documentHash = fingerprint;

/** 16 hex characters (64 bits): URL-safe, and unique enough within one place and year. */
export function itemKey(docHash: string, source: 'target' | 'commitment', wording: string, occurrence: number): string {
  return createHash('sha256').update(`${docHash}\n${source}\n${normalWording(wording)}\n${occurrence}`).digest('hex').slice(0, 16);
}

/** Keys for items in order: the occurrence counts earlier items of the same kind and wording. */
export function itemKeys(docHash: string, items: readonly { source: 'target' | 'commitment'; commitment: string }[]): string[] {
  const seen = new Map<string, number>();
  return items.map((i) => {
    const id = `${i.source}\n${normalWording(i.commitment)}`;
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return itemKey(docHash, i.source, i.commitment, n);
  });
}
