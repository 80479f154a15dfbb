/**
 * Facts as rows and back: the one place that writes a fact's columns and reads
 * a row into a typed FactRecord. The JSON column (`data_json`) is checked
 * against a schema when read, so a row that does not hold what its `fact`
 * column says fails with a clear error instead of flowing on as a lie.
 *
 * Where a fact sits is kept in columns only (offsets into the document's text
 * and into the original file); the JSON holds what the fact says beyond its
 * columns (a commitment's sentence, section path, names…): what a column
 * holds is not written twice, and reading puts the two back together. Rows
 * stored before that carry every field in the JSON (the same values, so they
 * read the same) and may carry a `span` in other coordinates: it is dropped on
 * reading and rebuilt from the columns.
 */
import { z } from 'zod';
import type { CommitmentData, NewFact, OutcomeData, TargetData } from './input.js';
import type { Selectable } from 'kysely';
import type { DocumentsTable, FactsTable } from './schema.js';
import type { FactRecord } from './types.js';
import { FACT_KINDS, FIRMNESS, QUALIFIERS } from '../vocab.js';

/** True when A and B have the same keys and each is assignable to the other: a schema that drifts from the model fails to compile. */
type Same<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;

const qualifier = z.enum(QUALIFIERS);
const firmness = z.enum(['hard', 'soft']);

const figure = {
  indicator: z.string(),
  kind: z.enum(FACT_KINDS),
  value: z.number().optional(),
  value_max: z.number().optional(),
  unit: z.string().optional(),
  qualifier,
  scope: z.string().optional(),
  text: z.string(),
};

const targetData = z.object({ ...figure, year: z.number().nullable(), firmness: firmness.optional() });
const outcomeData = z.object({ ...figure, year: z.number().nullable(), estimated: z.boolean(), headline: z.boolean() });
const commitmentData = z
  .object({
    text: z.string(),
    sentence: z.string(),
    section_path: z.array(z.string()),
    action: z.string().optional(),
    object: z.string().optional(),
    indicator: z.string().optional(),
    value: z.number().optional(),
    value_max: z.number().optional(),
    unit: z.string().optional(),
    qualifier: qualifier.optional(),
    deadline: z.string().optional(),
    firmness: z.enum(FIRMNESS),
    names: z.array(z.string()),
    livelihood: z.boolean(),
    year: z.number().nullable(),
  });

// Unknown keys (such as the `span` older rows carry) are dropped by the schemas.
const sameAsModel: [Same<z.infer<typeof targetData>, TargetData>, Same<z.infer<typeof outcomeData>, OutcomeData>, Same<z.infer<typeof commitmentData>, CommitmentData>] = [true, true, true];
void sameAsModel;

/** The columns of a fact row that the repository selects (with its document's place and year). */
export type FactRow = Omit<Selectable<FactsTable>, 'ord'> & Pick<Selectable<DocumentsTable>, 'jurisdiction' | 'level' | 'report_year'>;

const num = (v: number | null) => (v === null ? null : Number(v));

/** Fields of a fact's data that have a column of their own (factColumns): the JSON does not repeat them. */
const COLUMN_FIELDS = ['indicator', 'kind', 'value', 'value_max', 'unit', 'qualifier', 'scope', 'text', 'year', 'headline', 'estimated'] as const;

/** The data's fields kept in columns, as the data had them: a null column is an absent optional field (`year`, nullable, stays null). */
function columnFields(row: FactRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    indicator: row.indicator, kind: row.kind, value: num(row.value), value_max: num(row.value_max), unit: row.unit, qualifier: row.qualifier,
    scope: row.scope, text: row.text, headline: Number(row.headline) === 1, estimated: Number(row.estimated) === 1,
  };
  for (const k of Object.keys(out)) if (out[k] === null) delete out[k];
  return { ...out, year: num(row.year) };
}

/**
 * A commitment's fields at the values most commitments have (generated ×1: firmness neutral 93 %,
 * no names 78 %, not a livelihood project 97 %) are left out of its JSON and put back on reading:
 * 0.8 MB of an 86 MB database. Rows written before keep them, which reading takes as they are.
 */
const COMMITMENT_USUAL = { firmness: 'neutral', names: [] as string[], livelihood: false } as const;

function isUsual(key: string, value: unknown): boolean {
  if (key === 'names') return Array.isArray(value) && value.length === 0;
  return key in COMMITMENT_USUAL && COMMITMENT_USUAL[key as keyof typeof COMMITMENT_USUAL] === value;
}

function parseData<S extends z.ZodTypeAny>(schema: S, row: FactRow): z.infer<S> {
  // The schema keeps only its own kind's fields: a target drops `headline`, a commitment `kind` and `scope`.
  const usual = row.fact === 'commitment' ? { ...COMMITMENT_USUAL, names: [] } : {};
  const parsed = schema.safeParse({ ...usual, ...columnFields(row), ...JSON.parse(row.data_json) });
  if (!parsed.success) throw new Error(`fact ${row.id} (${row.fact}) holds data that is not a ${row.fact}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** A fact row as the API shows it. */
export function factRecord(row: FactRow): FactRecord {
  const start = Number(row.start_offset);
  const end = Number(row.end_offset);
  const sourceStart = Number(row.source_start);
  const sourceEnd = Number(row.source_end);
  const span = { start, end, sourceStart, sourceEnd };
  const base = {
    id: Number(row.id), document_id: Number(row.document_id), jurisdiction: row.jurisdiction, level: row.level,
    report_year: num(row.report_year), indicator: row.indicator, kind: row.kind, value: num(row.value), value_max: num(row.value_max),
    unit: row.unit, qualifier: row.qualifier, scope: row.scope, year: num(row.year), headline: Number(row.headline) === 1,
    estimated: Number(row.estimated) === 1, text: row.text, start, end, source_start: sourceStart, source_end: sourceEnd,
  };
  switch (row.fact) {
    case 'target': {
      return { ...base, fact: 'target', data: { ...parseData(targetData, row), span } };
    }
    case 'outcome': {
      return { ...base, fact: 'outcome', data: { ...parseData(outcomeData, row), span } };
    }
    case 'commitment': {
      return { ...base, fact: 'commitment', data: { ...parseData(commitmentData, row), span } };
    }
  }
}

/** The columns of a new fact row (all but the document id and order). */
export function factColumns(f: NewFact) {
  const common = {
    fact: f.fact, text: f.data.text, year: f.data.year, value: f.data.value ?? null, value_max: f.data.value_max ?? null,
    unit: f.data.unit ?? null, start_offset: f.span.start, end_offset: f.span.end, source_start: f.span.sourceStart,
    source_end: f.span.sourceEnd,
    data_json: JSON.stringify(
      Object.fromEntries(Object.entries(f.data).filter(([k, v]) => !(COLUMN_FIELDS as readonly string[]).includes(k) && !(f.fact === 'commitment' && isUsual(k, v)))),
    ),
  };
  switch (f.fact) {
    case 'target':
      return { ...common, indicator: f.data.indicator, kind: f.data.kind, qualifier: f.data.qualifier, scope: f.data.scope ?? null, headline: 0, estimated: 0 };
    case 'outcome':
      return { ...common, indicator: f.data.indicator, kind: f.data.kind, qualifier: f.data.qualifier, scope: f.data.scope ?? null, headline: f.data.headline ? 1 : 0, estimated: f.data.estimated ? 1 : 0 };
    case 'commitment':
      return { ...common, indicator: f.data.indicator ?? null, kind: null, qualifier: f.data.qualifier ?? null, scope: null, headline: 0, estimated: 0 };
  }
}
