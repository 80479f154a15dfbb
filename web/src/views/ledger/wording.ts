/**
 * What the ledger's server says in English or by field name, in the reader's words: why a light is
 * what it is (src/ledger/lights.ts), the notes it writes into a task's history, the fields an edit
 * changed. Until the server gives these as codes with values, its sentences are matched here; a
 * reason it words otherwise is named as such (its words in a tooltip).
 */
import type { PlainKey, T } from '../../i18n';
import type { Task } from '../../types';

/** Each field of a task by its name on the page; a new field fails to compile until it is named here. */
const FIELD: Readonly<Record<keyof Task, PlainKey>> = {
  id: 'field.other',
  jurisdiction: 'field.other',
  year: 'field.other',
  document_id: 'field.other',
  fact_id: 'field.other',
  source_kind: 'field.other',
  source: 'field.other',
  created_at: 'field.other',
  updated_at: 'field.other',
  version: 'field.other',
  light: 'field.other',
  light_reasons: 'field.other',
  overdue: 'field.other',
  title: 'field.title',
  indicator: 'field.indicator',
  figure: 'field.figure',
  firmness: 'field.firmness',
  livelihood: 'field.livelihood',
  deadline: 'field.deadline',
  deadline_phrase: 'field.deadline_phrase',
  deadline_rule: 'field.deadline_rule',
  state: 'field.state',
  lead_unit_id: 'field.lead_unit_id',
  responsible_unit_ids: 'field.responsible_unit_ids',
  progress_figure: 'field.progress_figure',
  last_progress_at: 'field.last_progress_at',
  assigned_at: 'field.assigned_at',
  closed_at: 'field.closed_at',
  pending_extension: 'field.pending_extension',
  unit_note: 'field.unit_note',
  internal_note: 'field.internal_note',
  archived: 'field.archived',
};

const isField = (k: string): k is keyof Task => Object.hasOwn(FIELD, k);

/** The fields an edit changed, by name (bookkeeping fields left out). */
export function changedFields(t: T, after: Partial<Task>): string {
  const names = Object.keys(after)
    .filter((k) => k !== 'version' && k !== 'updated_at')
    .map((k) => t(isField(k) ? FIELD[k] : 'field.other'));
  return [...new Set(names)].join('、');
}

/** Why a task's light is what it is, from the server's sentence. */
export function lightReason(t: T, reason: string): string {
  let m: RegExpExecArray | null;
  if (reason === 'closed') return t('why.closed');
  if (reason === 'not yet assigned') return t('why.draft');
  if ((m = /^overdue since (\S+)$/.exec(reason))) return t('why.overdue', { date: m[1] });
  if ((m = /^deadline within (\d+) days and no progress report in (\d+) days$/.exec(reason))) return t('why.dueSoon', { days: m[1], stale: m[2] });
  if ((m = /^(\d+) reporting cycles? missed$/.exec(reason))) return t('why.cycles', { n: m[1] });
  if ((m = /^behind schedule: (\d+)% done at (\d+)% of the time$/.exec(reason))) return t('why.behind', { done: m[1], time: m[2] });
  return t('why.other');
}

/** A note the server wrote into a task's history in English, in the reader's words; people's own notes pass as they are. */
export function historyNote(t: T, kindName: (kind: string) => string, note: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^from document (\d+), (\w+) (\d+)$/.exec(note))) return t('hn.generate', { doc: m[1], kind: kindName(m[2]), fact: m[3] });
  if ((m = /^split from task (\d+)$/.exec(note))) return t('hn.split', { id: m[1] });
  if ((m = /^source document (\d+) withdrawn$/.exec(note))) return t('hn.withdrawn', { doc: m[1] });
  if ((m = /^民生实事 elected by 票决 session (\d+) \((.*)\)$/.exec(note))) return t('hn.elected', { id: m[1], title: m[2] });
  return note;
}
