/**
 * A document's identity flat: each field's value (or null), with the words it
 * was read from and how sure the reader is kept beside them. The shape of
 * `luoshi extract --json` and of what the store keeps, defined once.
 */
import type { DocumentIdentity, Inferred } from './model.js';

export const IDENTITY_FIELDS = [
  'jurisdiction', 'province', 'level', 'report_year', 'review_year', 'date', 'meeting', 'speaker', 'doc_type', 'script',
] as const satisfies readonly (keyof DocumentIdentity)[];

type ValueOf<F> = F extends Inferred<infer T> ? T : null;

/** The identity fields' values. */
export type IdentityFields = { readonly [K in keyof DocumentIdentity]: ValueOf<DocumentIdentity[K]> };

export type Evidence = Record<string, { evidence: string; confidence: number }>;

const valueOf = <T>(v: Inferred<T> | null): T | null => (v ? v.value : null);

export function flatIdentity(id: DocumentIdentity): { fields: IdentityFields; evidence: Evidence } {
  const evidence: Evidence = {};
  for (const f of IDENTITY_FIELDS) {
    const v = id[f];
    if (v) evidence[f] = { evidence: v.evidence, confidence: v.confidence };
  }
  const fields: IdentityFields = {
    jurisdiction: valueOf(id.jurisdiction), province: valueOf(id.province), level: valueOf(id.level), report_year: valueOf(id.report_year),
    review_year: valueOf(id.review_year), date: valueOf(id.date), meeting: valueOf(id.meeting), speaker: valueOf(id.speaker),
    doc_type: id.doc_type.value, script: id.script.value,
  };
  return { fields, evidence };
}
