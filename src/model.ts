/**
 * The typed facts that flow from reading to the store. Plain JSON-able data:
 * what `luoshi extract --json` prints is exactly these objects.
 */

export type Level = 'national' | 'province' | 'prefecture' | 'county' | 'district';
export type DocType = 'full' | 'summary' | 'interpretation';
export type Script = 'simplified' | 'traditional';

/** The forms a source file comes in. */
export type SourceFormat = 'txt' | 'html' | 'docx';

/**
 * What offsets into the original file count: bytes of the file for text and
 * HTML; for .docx (a compressed archive) UTF-16 units of the document's raw text.
 */
export type OffsetUnit = 'byte' | 'docx-text';

/** Where a fact sits: offsets into the normalised text and into the original file. */
export interface Span {
  /** UTF-16 offsets into the source's normalised text, [start, end). */
  readonly start: number;
  readonly end: number;
  /** Offsets into the original file, in the source's offset unit. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

/** An inferred value with the words it was read from and how sure we are. */
export interface Inferred<T> {
  readonly value: T;
  /** The words it came from (or a sentence explaining an inference). */
  readonly evidence: string;
  /** 0..1 */
  readonly confidence: number;
  readonly span?: Span;
}

export interface DocumentIdentity {
  readonly jurisdiction: Inferred<string> | null;
  readonly province: Inferred<string> | null;
  readonly level: Inferred<Level> | null;
  readonly report_year: Inferred<number> | null;
  readonly review_year: Inferred<number> | null;
  readonly date: Inferred<string> | null;
  readonly meeting: Inferred<string> | null;
  readonly speaker: Inferred<string> | null;
  readonly doc_type: Inferred<DocType>;
  readonly script: Inferred<Script>;
}

export type Qualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'range';
export type FactKind = 'growth' | 'level' | 'qualitative';

/** A figure with its indicator, as in a target (预期目标) or an outcome (实绩). */
export interface IndicatorFigure {
  /** Canonical id from the indicator lexicon, or `other:<name>`. */
  readonly indicator: string;
  readonly kind: FactKind;
  readonly value?: number;
  readonly value_max?: number;
  readonly unit?: string;
  readonly qualifier: Qualifier;
  /** 市区, 全口径, 同口径 … `;`-separated. */
  readonly scope?: string;
  readonly text: string;
  readonly span: Span;
}

/** target // 预期目标: an item of the main expected-targets passage. */
export interface Target extends IndicatorFigure {
  readonly year: number | null;
  /** 确保 (hard) vs 力争 (soft) wording, when present. */
  readonly firmness?: 'hard' | 'soft';
}

/** outcome // 实绩: a result stated in the review part. */
export interface Outcome extends IndicatorFigure {
  readonly year: number | null;
  readonly estimated: boolean;
  /** Item of the passage that sums up the review year's main indicators. */
  readonly headline: boolean;
}

/** commitment // 承诺: a quantified or concrete task of the plan part. */
export interface Commitment {
  readonly text: string;
  /** The sentence it comes from. */
  readonly sentence: string;
  readonly section_path: string[];
  readonly action?: string;
  readonly object?: string;
  readonly indicator?: string;
  readonly value?: number;
  readonly value_max?: number;
  readonly unit?: string;
  readonly qualifier?: Qualifier;
  readonly deadline?: string;
  readonly firmness: 'hard' | 'soft' | 'neutral';
  readonly names: string[];
  /** Item of the livelihood-projects list (民生实事). */
  readonly livelihood: boolean;
  readonly year: number | null;
  readonly span: Span;
}

export type PartKind = 'preamble' | 'review' | 'plan' | 'self_building' | 'other';

export interface Section {
  readonly title: string;
  /** 1 for 一、, 2 for （一）, 3 for 1., 4 for ①; 0 for a part without a number. */
  readonly level: number;
  readonly part: PartKind;
  readonly span: Span;
}

export interface ReportDocument {
  /** 1-based order within the file. */
  readonly part: number;
  readonly span: Span;
  readonly identity: DocumentIdentity;
  readonly sections: Section[];
  readonly targets: Target[];
  readonly outcomes: Outcome[];
  readonly commitments: Commitment[];
}
