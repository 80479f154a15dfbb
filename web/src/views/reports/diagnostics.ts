/**
 * Processing notes (src/ingest, src/identify) worded for a reader. A note has a stable rule id and an
 * English message for developers; the reader sees a sentence chosen by the rule id, with the figures
 * the note carries (`actual`, `expected`) or states in its message. The rule id and the message stay
 * available as technical details.
 */
import type { T } from '../../i18n';
import type { Warning } from '../../types';

/** What `pattern` captures in the message (a count, a width), or `?`. */
function figure(message: string, pattern: RegExp): string {
  return pattern.exec(message)?.[1] ?? '?';
}

/** What follows the first colon of a message: the excerpt a note quotes. */
const quoted = (message: string) => message.slice(message.indexOf(':') + 1).trim();

const SAY: Readonly<Record<string, (t: T, w: Warning) => string>> = {
  'ingest/gbk-mojibake': (t, w) => t('dg.gbk', { actual: w.actual ?? '', expected: w.expected ?? '' }),
  'ingest/truncated-sequence': (t) => t('dg.truncated'),
  'ingest/invalid-utf8': (t) => t('dg.invalidUtf8'),
  'ingest/encoding-uncertain': (t) => t('dg.encoding'),
  'ingest/html-in-text': (t) => t('dg.html'),
  'ingest/literal-escapes': (t, w) => t('dg.escapes', { n: figure(w.message, /^(\d+)/) }),
  'ingest/pinyin-removed': (t, w) => t('dg.pinyin', { n: figure(w.message, /^(\d+)/) }),
  'ingest/script-converted': (t) => t('dg.script'),
  'ingest/hard-line-breaks': (t, w) => t('dg.lineBreaks', { n: figure(w.message, /^(\d+)/), width: figure(w.message, /about (\d+)/) }),
  'ingest/repeated-paragraph': (t, w) => t('dg.repeated', { excerpt: quoted(w.message) }),
  'ingest/docx': (t) => t('dg.docx'),
  'identify/masked-year': (t, w) => t('dg.maskedYear', { n: figure(w.message, /(\d+) years/) }),
  'identify/title-contradiction': (t, w) => t('dg.title', { actual: w.actual ?? '', expected: w.expected ?? '' }),
  'identify/file-name-contradiction': (t, w) => t('dg.fileName', { actual: w.actual ?? '', expected: w.expected ?? '' }),
  'identify/no-jurisdiction': (t) => t('dg.noPlace'),
  'identify/no-year': (t) => t('dg.noYear'),
  'identify/compilation': (t, w) => t('dg.compilation', { n: figure(w.message, /holds (\d+)/) }),
  'identify/duplicate-copy': (t) => t('dg.duplicate'),
  'identify/furniture': (t, w) => t('dg.furniture', { n: figure(w.message, /\((\d+) characters\)/) }),
};

/** A note in the reader's words; a note of a rule not listed here is named as a note, its words under the details. */
export function diagnosticText(t: T, w: Warning): string {
  return SAY[w.ruleId]?.(t, w) ?? t('dg.other');
}
