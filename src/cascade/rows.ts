/**
 * The cascade for spreadsheets (one row per place, in tree order) and in
 * words for a terminal.
 */
import type { AncestorStep, Cascade, CascadeNode, CascadeRow, Step } from './schema.js';
import { QUALIFIER_WORDS } from './steps.js';

const REASON: Record<AncestorStep['skipped'][number]['reason'], string> = { no_report: 'no stored report', no_target: 'no target' };

export function cascadeRows(c: Cascade): CascadeRow[] {
  return c.nodes.map((n) => ({
    year: c.year, place: n.place, level: n.level, parent: n.parent ?? '', depth: n.depth, report_document: n.report?.document_id ?? '',
    target_value: n.target?.value ?? '', target_max: n.target?.value_max ?? '', target_unit: n.target?.unit ?? '', target_qualifier: n.target?.qualifier ?? '',
    step: n.step.status, step_against: n.step.against ?? '', step_points: n.step.points ?? '', step_note: n.step.note ?? '',
    ancestor_against: n.ancestor_step?.against ?? '', ancestor_points: n.ancestor_step?.points ?? '',
    skipped: n.ancestor_step?.skipped.map((s) => `${s.place} (${REASON[s.reason]})`).join('; ') ?? '',
    bucket: n.bucket ?? '', lower_than_parent: n.lower_than_parent ? 'yes' : '', review_document: n.check?.review_document ?? '',
    outcome_value: n.check?.outcome ?? '', outcome_unit: n.check?.outcome_unit ?? '', verdict: n.check?.verdict ?? '', unchecked: n.unchecked ?? '',
    target_text: n.target?.text ?? '', outcome_text: n.check?.outcome_text ?? '',
  }));
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x)} pt`;

/** A step in words: "+1 pt over 河北省", "保定市: no stored report". */
export function stepWords(s: Step): string {
  switch (s.status) {
    case 'raised': return `${signed(s.points!)} over ${s.against}`;
    case 'same': return `same as ${s.against}`;
    case 'lowered': return `${signed(s.points!)} against ${s.against} — below the parent`;
    case 'qualitative': return `qualitative only (${s.note})`;
    case 'not_comparable': return `not comparable with ${s.against} (${s.note})`;
    case 'no_report': return 'no stored report';
    case 'no_target': return 'no target';
    case 'parent_missing': return `${s.against}: no stored report`;
    case 'parent_no_target': return `${s.against}: no target`;
    case 'top': return '';
  }
}

function targetWords(n: CascadeNode): string {
  const t = n.target;
  if (!t) return '—';
  if (t.value === null) return `(${t.text})`;
  const q = t.qualifier && t.qualifier !== 'exact' && t.qualifier !== 'range' ? QUALIFIER_WORDS[t.qualifier] : '';
  return `${t.value}${t.value_max !== null ? '–' + t.value_max : ''}${t.unit ?? ''}${q}`;
}

const VERDICT_LABELS: Record<string, string> = { met: '✓ met', missed: '✗ missed', not_reported: '… not reported', not_comparable: '≠ not comparable' };

function checkWords(n: CascadeNode): string {
  if (n.check) return `${VERDICT_LABELS[n.check.verdict]}${n.check.outcome !== null ? ` (${n.check.outcome}${n.check.outcome_unit ?? ''})` : ''}`;
  return n.unchecked === 'no_next_report' ? 'next report not stored' : '';
}

/** Columns a terminal gives the text: two for a Chinese character (and full-width forms), one otherwise. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

const padTo = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - columns(s)));

/** The tree, one place a line, then the summary. */
export function cascadeText(c: Cascade): string {
  const lines = [`${c.indicator} ${c.year} — target cascade (层层加码) under ${c.root}`, ''];
  const top = Math.min(...c.nodes.map((n) => n.depth));
  const names = c.nodes.map((n) => '  '.repeat(n.depth - top) + n.place);
  const nameWidth = Math.max(8, ...names.map(columns)) + 2;
  const targetWidth = Math.max(6, ...c.nodes.map((n) => columns(targetWords(n)))) + 2;
  const steps = c.nodes.map((n) => {
    const a = n.ancestor_step;
    return stepWords(n.step) + (a ? `; against ${a.against} (${a.skipped.length + 1} levels up): ${a.points !== null ? signed(a.points) : a.status.replace('_', ' ')}` : '');
  });
  const stepWidth = Math.max(8, ...steps.map(columns)) + 2;
  for (const [i, n] of c.nodes.entries()) {
    lines.push(`${padTo(names[i], nameWidth)}${padTo(targetWords(n), targetWidth)}${padTo(steps[i], stepWidth)}${checkWords(n)}`.trimEnd());
  }
  if (c.nodes.length === 0) lines.push(`no stored report of ${c.year} under ${c.root}`);
  lines.push('', ...c.summary.filter((s) => s.places > 0).map((s) => s.line));
  if (c.unplaced.length) lines.push('', `${c.unplaced.length} stored report(s) of ${c.year} not placed in the gazetteer: ${c.unplaced.map((u) => `#${u.document_id} ${u.jurisdiction ?? '?'}`).join(', ')}`);
  return lines.join('\n') + '\n';
}
