/**
 * Candidate projects for a 票决 session: typed or pasted as a list (one per
 * line, or ①…⑩ run together as reports print them), or taken from a stored
 * report's livelihood projects (民生实事).
 */
import type { DocumentDetail } from '../store/repository.js';

export interface CandidateInput {
  title: string;
  detail?: string | null;
  source_sentence?: string | null;
  document_id?: number | null;
  fact_id?: number | null;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿';
const NUMBER_PREFIX = new RegExp(
  `^\\s*(?:[${CIRCLED}]|[（(]\\s*[0-9０-９一二三四五六七八九十]+\\s*[)）]|[0-9０-９]+\\s*[.．、)）]|[一二三四五六七八九十]+\\s*[、.．]|第[一二三四五六七八九十百0-9]+[项件个]\\s*[:：，,、]?)\\s*`,
);

/** Punctuation and space an item may end with. */
const TRAILING = /[\s；;。,，]/;

/**
 * `s` without its trailing run of characters matching `one` (a one-character
 * class). A loop from the end, not `/[…]+$/`: the regex engine retries that
 * pattern at every start of a run that is not at the end, so a line of 200,000
 * commas followed by one letter took 27 s (issue 15).
 */
function trimTrailing(s: string, one: RegExp): string {
  let end = s.length;
  while (end > 0 && one.test(s[end - 1])) end--;
  return s.slice(0, end);
}

/** One title per item; numbering, bullets and trailing punctuation removed; a `title：detail` line keeps the detail. */
export function parseCandidateList(text: string): CandidateInput[] {
  const pieces = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line) => line.split(new RegExp(`(?=[${CIRCLED}])`)));
  const out: CandidateInput[] = [];
  for (const raw of pieces) {
    const line = trimTrailing(raw.replace(NUMBER_PREFIX, '').replace(/^[\s•·\-*]+/, ''), TRAILING).trim();
    if (!line) continue;
    const colon = line.search(/[：:]/);
    if (colon > 0 && colon <= 40) out.push({ title: line.slice(0, colon).trim(), detail: line.slice(colon + 1).trim() || null });
    else out.push({ title: line.length > 200 ? line.slice(0, 200) : line, detail: line.length > 200 ? line : null });
  }
  return out;
}

/**
 * The livelihood projects (民生实事) a stored report commits to, in report
 * order: one candidate per sentence (a report's ① item often holds several
 * quantified commitments), titled by the sentence without its numbering.
 */
export function candidatesFromDocument(doc: DocumentDetail): CandidateInput[] {
  const seen = new Set<string>();
  const out: CandidateInput[] = [];
  for (const f of doc.facts) {
    if (f.fact !== 'commitment') continue;
    const d = f.data as { livelihood?: boolean; sentence?: string };
    const sentence = d.sentence ?? f.text;
    if (!d.livelihood || seen.has(sentence)) continue;
    seen.add(sentence);
    const [first] = parseCandidateList(sentence);
    if (!first) continue;
    const title = first.detail && first.title.length < 6 ? `${first.title}：${first.detail}` : first.title;
    out.push({ title: title.length > 200 ? title.slice(0, 200) : title, detail: title.length > 200 ? sentence : null, source_sentence: sentence, document_id: doc.id, fact_id: f.id });
  }
  return out;
}
