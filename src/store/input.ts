/**
 * What the store is handed to keep one file: its own typed input, not the
 * reading pipeline's objects nor the CLI's print format. Offsets are in two
 * systems only: relative to the document's own text (`start`, `end`), and
 * into the original file (`sourceStart`, `sourceEnd`, in the source's offset
 * unit), which is what a reader is shown as "where it was found".
 */
import type { Diagnostic } from '../ingest/diagnostics.js';
import type { Commitment, FactKind, OffsetUnit, Outcome, Qualifier, Script, Section, SourceFormat, Span, Target } from '../model.js';
import type { IdentityFields } from '../identity-fields.js';
import type { PackedSource } from './source-bytes.js';

/** A stretch of a document: Span's fields, with start/end relative to the document's own text. */
export type DocSpan = Span;

export type StoredSection = Omit<Section, 'span'> & { readonly span: DocSpan };

export const FACT_TYPES = ['target', 'outcome', 'commitment'] as const;
/** target // 预期目标, outcome // 实绩, commitment // 承诺 */
export type FactType = (typeof FACT_TYPES)[number];

/** What a fact says, apart from where it is (its span lives in columns of its own). */
export type TargetData = Omit<Target, 'span'>;
export type OutcomeData = Omit<Outcome, 'span'>;
export type CommitmentData = Omit<Commitment, 'span'>;

export type NewFact =
  | { readonly fact: 'target'; readonly span: DocSpan; readonly data: TargetData }
  | { readonly fact: 'outcome'; readonly span: DocSpan; readonly data: OutcomeData }
  | { readonly fact: 'commitment'; readonly span: DocSpan; readonly data: CommitmentData };

/** The identity fields of a document, flat. */
export type DocumentFields = IdentityFields;

export interface NewDocument extends DocumentFields {
  /** 1-based order within the file. */
  readonly part: number;
  /** Where the document sits in the source's normalised text. */
  readonly start: number;
  readonly end: number;
  /** Each identity field's evidence and confidence. */
  readonly evidence: Readonly<Record<string, { readonly evidence: string; readonly confidence: number }>>;
  readonly sections: readonly StoredSection[];
  readonly facts: readonly NewFact[];
  /** Hash of the text reduced to what survives re-encoding and re-markup (see identity.ts). */
  readonly fingerprint: string;
  /** Bottom-k hashes of the text's shingles (see identity.ts). */
  readonly sketch: readonly number[];
}

export interface NewSource {
  readonly sha256: string;
  readonly fileName: string;
  readonly size: number;
  readonly format: SourceFormat;
  readonly encoding: string;
  readonly offsetUnit: OffsetUnit;
  /** The script the file is written in, before conversion. */
  readonly script: Script;
  /** The whole normalised text; documents are stretches of it. */
  readonly text: string;
  /** The file as found, packed as `sources` keeps it (packed by the reader, off the writer's thread). */
  readonly kept: PackedSource;
  readonly warnings: readonly Diagnostic[];
}

/** One file, read and extracted, ready to store. */
export interface NewFile {
  readonly source: NewSource;
  readonly documents: readonly NewDocument[];
}

export type { FactKind, OffsetUnit, Qualifier, SourceFormat };
