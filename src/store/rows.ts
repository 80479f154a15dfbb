/**
 * The JSON columns of documents and sources, read back through schemas (as
 * facts are in facts.ts): a row that does not hold what it should fails with
 * the row named, never flows on as a cast.
 */
import { z } from 'zod';
import type { Diagnostic } from '../ingest/diagnostics.js';
import { PARTS } from '../vocab.js';
import type { StoredSection } from './input.js';

type Same<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;

const span = z.object({ start: z.number(), end: z.number(), sourceStart: z.number(), sourceEnd: z.number() });
const sections = z.array(z.object({ title: z.string(), level: z.number(), part: z.enum(PARTS), span }));
const warnings = z.array(
  z.object({
    ruleId: z.string(),
    severity: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    offset: z.number().optional(),
    actual: z.string().optional(),
    expected: z.string().optional(),
  }),
);
const evidence = z.record(z.string(), z.object({ evidence: z.string(), confidence: z.number() }));

const sameAsModel: [Same<z.infer<typeof sections>[number], StoredSection>, Same<z.infer<typeof warnings>[number], Diagnostic>] = [true, true];
void sameAsModel;

function read<S extends z.ZodTypeAny>(schema: S, json: string, what: string): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`stored ${what} is not in the expected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** A document's sections, spans relative to its text. */
export const sectionsOf = (json: string, documentId: number): StoredSection[] => read(sections, json, `sections of document ${documentId}`);
export const warningsOf = (json: string, documentId: number): Diagnostic[] => read(warnings, json, `warnings of document ${documentId}`);
export const evidenceOf = (json: string, documentId: number): Record<string, { evidence: string; confidence: number }> => read(evidence, json, `identity of document ${documentId}`);
