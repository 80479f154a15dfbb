/**
 * The library API: the same typed objects the CLI prints.
 *
 *   import { processFile, openStore, checkPair } from 'luoshi';
 */
export type * from './model.js';
export type { Diagnostic, Severity } from './ingest/diagnostics.js';
export { UnreadableInputError } from './ingest/diagnostics.js';
export { readSource, sourceFromBytes, spanOf, type Source, type ReadOptions } from './ingest/source.js';
export { splitAndIdentify, type DocumentSlice, type Identification } from './identify/index.js';
export { extractFacts, type ExtractInput, type Facts } from './extract/index.js';
export { processFile, processBytes, processSource, isFailure, type FileResult, type FileFailure } from './pipeline.js';
export { documentJson, fileJson, type DocumentJson, type FileJson } from './document-json.js';
export { checkPair, reviewRange, type CheckDocument, type CheckItem, type Scorecard, type Verdict } from './check/index.js';
export { fromExtracted, fromStored } from './check/adapters.js';
export { scorecardFromStore, scorecardsForPlace } from './check/from-store.js';
export { itemKey, itemKeys } from './check/keys.js';
export { ruledScorecard } from './rulings/scorecard.js';
export { Rulings } from './rulings/service.js';
export { VERDICTS, VERDICT_LABELS, MACHINE_VERDICTS } from './vocab.js';
export { compareIndicator, type ComparisonRow } from './check/research.js';
export { openStore, resolveStore, defaultDbPath } from './store/open.js';
export type { Repository, SearchQuery, SearchHit, DocumentSummary, DocumentDetail, FactRecord } from './store/repository.js';
export { importFiles, importUpload, createReaderPool, type ImportOptions, type ImportReport, type ReaderPool } from './import/index.js';
export { createApp } from './server/app.js';
export { startServer, staticFiles } from './server/serve.js';
