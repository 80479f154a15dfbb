/**
 * FTS5's bm25 order for a one-phrase query, computed from the texts instead
 * of by bm25() itself.
 *
 * Why: bm25()'s first call matches every phrase of the query over the whole
 * index once more, for its idf (inverse document frequency). At ×100 that is
 * as costly as the search (≈ 27 ms for a six-character phrase), and it buys
 * nothing here: a gram query is always one phrase (see gramMatch), so idf is
 * one positive constant that scales every document's score alike. Without it
 * the order is that of FTS5's term-frequency factor
 *
 *     tf · (k1 + 1) / (tf + k1 · (1 − b + b · D / avgdl)),  k1 = 1.2, b = 0.75
 *
 * (fts5_aux.c), where tf is how often the phrase occurs in the document, D
 * the document's tokens in all columns and avgdl their mean over the index.
 * D and avgdl are FTS5's own counts, read from its shadow tables (the pairs
 * table's: a document's pair tokens, about its length); tf is the number of
 * places the query starts in the text, overlaps included, as a phrase of
 * pairs matches at every position where its first pair does. A query of one
 * character is ranked by the same formula, tf its occurrences: the
 * characters' table keeps no counts (see the SQLite engine), so only the
 * texts can rank it.
 *
 * The two shadow records read are part of FTS5's on-disk format (fts5Int.h):
 * `<table>_data` row 1 ("averages") holds the row count and then each
 * column's total tokens, `<table>_docsize` one row per document with its
 * column sizes, all as SQLite varints.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { phraseFrequency, type StoredText } from '../document-text.js';

const K1 = 1.2;
const B = 0.75;

/** SQLite's varints (big-endian, seven bits a byte, the ninth byte whole), as FTS5 writes its records. */
export function readVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    let v = 0;
    for (let k = 0; i < bytes.length; k++) {
      const x = bytes[i++];
      if (k === 8) {
        v = v * 256 + x;
        break;
      }
      v = v * 128 + (x & 0x7f);
      if (!(x & 0x80)) break;
    }
    out.push(v);
  }
  return out;
}

/** FTS5 bm25's term-frequency factor: larger is more relevant (bm25() returns it times −idf). */
export function bm25Factor(tf: number, tokens: number, avgTokens: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * tokens) / avgTokens));
}

export interface Scored {
  readonly id: number;
  readonly score: number;
}

/** Most relevant first, ties by id: the order `order by rank, id` gives. */
export function byRelevance(docs: Scored[]): number[] {
  return [...docs].sort((a, b) => b.score - a.score || a.id - b.id).map((d) => d.id);
}

/**
 * `ids` (documents the phrase matched) in bm25's order, reading each one's
 * text: worth it when they are few, as each costs a read of its text.
 * `phrase` is the query.
 */
export async function rankByText(conn: Kysely<Database>, table: string, ids: number[], phrase: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const averages = await sql<{ block: Uint8Array }>`select block from ${sql.table(`${table}_data`)} where id = 1`.execute(conn);
  const [rows = 0, ...columnTokens] = readVarints(averages.rows[0]?.block ?? new Uint8Array());
  const avgTokens = columnTokens.reduce((a, b) => a + b, 0) / rows;
  // Every id is kept (left joins): one missing from a shadow table would otherwise drop out of the total.
  const found = await sql<{ id: number; sz: Uint8Array | null; text: StoredText | null }>`select j.value as id, s.sz, d.text
    from json_each(${JSON.stringify(ids)}) j
    left join ${sql.table(`${table}_docsize`)} s on s.id = j.value
    left join documents d on d.id = j.value`.execute(conn);
  return byRelevance(
    found.rows.map((r) => ({
      id: Number(r.id),
      score: bm25Factor(r.text ? phraseFrequency(r.text, phrase) : 0, r.sz ? readVarints(r.sz).reduce((a, b) => a + b, 0) : 0, avgTokens),
    })),
  );
}
