/**
 * A failure in the reader's language. The API's envelope carries a stable `code`; the sentence shown
 * comes from that code (and, for "not found", from what was asked for), never from the server's
 * English message, which stays available as a detail for whoever reports the problem.
 */
import { ApiError, type Problem } from '../api';
import type { PlainKey, T } from '../i18n';

const BY_CODE: Readonly<Record<string, PlainKey>> = {
  network: 'err.network',
  unauthenticated: 'err.unauthenticated',
  forbidden: 'err.forbidden',
  role: 'err.role',
  csrf: 'err.csrf',
  not_found: 'err.not_found',
  stale_version: 'err.stale_version',
  conflict: 'err.conflict',
  too_large: 'err.too_large',
  unreadable_file: 'err.unreadable_file',
  not_a_report: 'err.not_a_report',
  has_dependents: 'err.has_dependents',
  bad_reset_code: 'err.bad_reset_code',
  last_admin: 'err.last_admin',
  unit_cycle: 'err.unit_cycle',
  weak_password: 'err.weak_password',
  duplicate: 'err.duplicate',
  rows_invalid: 'err.rows_invalid',
  import_quota: 'err.import_quota',
  unknown_parameter: 'err.bad_query',
  invalid_query: 'err.bad_query',
  invalid_path: 'err.bad_query',
  bad_request: 'err.bad_body',
  invalid_body: 'err.bad_body',
  invalid_input: 'err.invalid_input',
  nul_character: 'err.nul_character',
  too_many: 'err.too_many',
  internal: 'err.server',
  timeout: 'err.server',
};

/** A code made more precise by the path it was answered for. */
const BY_PATH: readonly (readonly [code: string, path: RegExp, key: PlainKey])[] = [
  ['not_found', /^\/api\/votes\/lookup/, 'err.not_found.code'],
  ['not_found', /^\/api\/check/, 'err.not_found.check'],
  ['not_found', /^\/api\/documents\//, 'err.not_found.document'],
  ['not_found', /^\/api\/(public\/)?ledger\/tasks\//, 'err.not_found.task'],
  ['not_found', /^\/api\/proposals\/\d/, 'err.not_found.proposal'],
  ['not_found', /^\/api\/(public\/)?votes\//, 'err.not_found.vote'],
  ['conflict', /^\/api\/votes\/rounds\/\d+\/ballots/, 'err.conflict.ballot'],
];

/**
 * Why a file could not be read: the server says it in a sentence (src/ingest); the commonest reasons
 * are worth their own words. Until the envelope names the reason by code, its wording is matched.
 */
const UNREADABLE: readonly (readonly [RegExp, PlainKey])[] = [
  // The server's English, or its Chinese (src/messages.ts) when the request asked for Chinese.
  [/\bPDF\b/i, 'err.unreadable.pdf'],
  [/not a valid \.docx|Word 文件已损坏/i, 'err.unreadable.docx'],
  [/empty file|no text|white space|文件是空的/i, 'err.unreadable.empty'],
  [/no Chinese|没有中文/i, 'err.unreadable.chinese'],
  [/binary|not a text document|不是文字文件|图片|压缩包|电子表格/i, 'err.unreadable.binary'],
];

/** The codes an older answer leaves out, from its HTTP status. */
const BY_STATUS: Readonly<Record<number, string>> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large', 422: 'invalid_input', 429: 'too_many' };

export interface Described {
  /** The sentence to show. */
  text: string;
  /** The server's own words and the code, for a detail the reader may open. */
  detail?: string;
}

/** The sentence for a failure, and its detail. */
export function describe(t: T, problem: Problem): Described {
  if (typeof problem === 'string') return { text: problem };
  if (!(problem instanceof ApiError)) {
    // fetch rejects with a TypeError when the server cannot be reached.
    return problem instanceof TypeError ? { text: t('err.network'), detail: problem.message } : { text: t('err.server'), detail: problem.message };
  }
  const code = problem.code || BY_STATUS[problem.status] || (problem.status >= 500 ? 'internal' : '');
  const path = problem.url.replace(/^https?:\/\/[^/]+/, '');
  let key = BY_PATH.find(([c, re]) => c === code && re.test(path))?.[2] ?? BY_CODE[code];
  if (code === 'unreadable_file') key = UNREADABLE.find(([re]) => re.test(problem.message))?.[1] ?? key;
  const text = key ? t(key) : t('err.other', { status: problem.status });
  const fields = problem.fields.map((f) => f.field).filter(Boolean);
  const detail = [`${problem.status} ${problem.code}`.trim(), problem.message, fields.length ? t('err.fields', { fields: fields.join('、') }) : ''].filter(Boolean).join(' · ');
  return { text, detail };
}
