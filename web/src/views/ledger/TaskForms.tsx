/** The forms of a task page: editing, the workflow's actions and notices, progress reports, merging and splitting. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import type { Action, Task, Unit } from '../../types';
import { Field, TextField, UnitOptions } from '../../ui/common';

/** Actions that ask for a new deadline. */
const NEEDS_DEADLINE: Action[] = ['request_extension'];

/** The fields an edit sends (PUT /api/ledger/tasks/:id). */
export type TaskPatch = Partial<Pick<Task, 'deadline' | 'lead_unit_id' | 'lead_leader' | 'responsible_unit_ids' | 'internal_note' | 'unit_note'>>;

export function EditForm({ task, units, manage, busy, onSave }: { task: Task; units: Unit[]; manage: boolean; busy: boolean; onSave: (p: TaskPatch) => void }) {
  const { t } = useI18n();
  const [deadline, setDeadline] = useState(task.deadline);
  const [lead, setLead] = useState(task.lead_unit_id === null ? '' : String(task.lead_unit_id));
  const [leader, setLeader] = useState(task.lead_leader ?? '');
  const [resp, setResp] = useState<string[]>(task.responsible_unit_ids.map(String));
  const [internal, setInternal] = useState(task.internal_note ?? '');
  const [unitNote, setUnitNote] = useState(task.unit_note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!manage) return onSave({ unit_note: unitNote || null });
    onSave({
      deadline,
      lead_unit_id: lead ? Number(lead) : null,
      lead_leader: leader.trim() || null,
      responsible_unit_ids: resp.map(Number),
      internal_note: internal || null,
      unit_note: unitNote || null,
    });
  };
  return (
    <form className="stack edit" onSubmit={submit} data-testid="edit-form">
      <h2>{t('tk.edit')}</h2>
      {manage && (
        <>
          <TextField label={t('ld.deadline')} type="date" value={deadline} onChange={setDeadline} testId="edit-deadline" />
          <Field label={t('ld.lead')}>
            <select value={lead} onChange={(e) => setLead(e.target.value)} data-testid="edit-lead">
              <option value="">{t('ld.unassigned')}</option>
              <UnitOptions units={units} />
            </select>
          </Field>
          <TextField label={t('ld.leader')} value={leader} maxLength={50} onChange={setLeader} testId="edit-leader" />
          <Field label={t('ld.responsible')}>
            <select multiple value={resp} onChange={(e) => setResp([...e.target.selectedOptions].map((o) => o.value))} data-testid="edit-responsible">
              <UnitOptions units={units} />
            </select>
          </Field>
          <Field label={t('tk.internalNote')}>
            <textarea value={internal} onChange={(e) => setInternal(e.target.value)} rows={2} />
          </Field>
        </>
      )}
      <Field label={t('tk.unitNote')}>
        <textarea value={unitNote} onChange={(e) => setUnitNote(e.target.value)} rows={2} data-testid="edit-unit-note" />
      </Field>
      <button type="submit" disabled={busy} data-testid="save">
        {t('tk.save')}
      </button>
    </form>
  );
}

export function Workflow({
  task,
  actions,
  busy,
  canUrge,
  canInstruct,
  onAction,
  onNotice,
}: {
  task: Task;
  actions: Action[];
  busy: boolean;
  canUrge: boolean;
  canInstruct: boolean;
  onAction: (a: Action, note: string, deadline: string) => void;
  onNotice: (kind: 'urge' | 'instructions', text: string) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState(task.deadline);
  const [text, setText] = useState('');
  const needsDeadline = actions.some((a) => NEEDS_DEADLINE.includes(a));
  const open = task.state !== 'draft' && task.state !== 'closed';
  return (
    <div className="workflow" data-testid="workflow">
      {actions.length === 0 ? (
        <p className="muted">{t('act.none')}</p>
      ) : (
        <>
          <Field label={t('act.note')}>
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="action-note" />
          </Field>
          {needsDeadline && (
            <TextField label={t('act.newDeadline')} type="date" value={deadline} onChange={setDeadline} testId="action-deadline" />
          )}
          <div className="buttons">
            {actions.map((a) => (
              <button key={a} type="button" disabled={busy} className={`act ${a}`} data-action={a} onClick={() => onAction(a, note, NEEDS_DEADLINE.includes(a) ? deadline : '')}>
                {t(`act.${a}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {open && (canUrge || canInstruct) && (
        <form
          className="stack notice-form"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <Field label={`${canUrge ? t('act.urge') : ''}${canUrge && canInstruct ? ' / ' : ''}${canInstruct ? t('act.instruct') : ''}`}>
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} data-testid="notice-text" />
          </Field>
          <div className="buttons">
            {canUrge && (
              <button type="button" disabled={busy || !text.trim()} data-action="urge" onClick={() => onNotice('urge', text)}>
                {t('act.urge')}
              </button>
            )}
            {canInstruct && (
              <button type="button" disabled={busy || !text.trim()} data-action="instructions" onClick={() => onNotice('instructions', text)}>
                {t('act.instruct')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}

export function ProgressForm({ busy, onSubmit }: { busy: boolean; onSubmit: (p: { report_date: string; narrative: string; figure: number | null; evidence: string[]; internal: boolean }) => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [narrative, setNarrative] = useState('');
  const [figure, setFigure] = useState('');
  const [evidence, setEvidence] = useState('');
  const [internal, setInternal] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      report_date: date,
      narrative,
      figure: figure.trim() === '' ? null : Number(figure),
      evidence: evidence.split('\n').map((s) => s.trim()).filter(Boolean),
      internal,
    });
  };
  return (
    <form className="stack progress-form" onSubmit={submit} data-testid="progress-form">
      <h2>{t('tk.progressForm')}</h2>
      <TextField label={t('tk.reportDate')} type="date" value={date} onChange={setDate} required testId="progress-date" />
      <Field label={t('tk.narrative')}>
        <textarea value={narrative} onChange={(e) => setNarrative(e.target.value)} rows={3} required data-testid="progress-narrative" />
      </Field>
      <TextField label={t('tk.figureNow')} type="number" step="any" value={figure} onChange={setFigure} testId="progress-figure" />
      <Field label={t('tk.evidence')}>
        <textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={2} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('tk.internal')}
      </label>
      <button type="submit" disabled={busy} data-testid="progress-submit">
        {t('tk.submit')}
      </button>
    </form>
  );
}

/** 合并 / 拆分 for supervisors: simple forms on the task page. */
export function MergeSplit({ task, busy, onMerge, onSplit }: { task: Task; busy: boolean; onMerge: (from: number[]) => void; onSplit: (titles: string[]) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [titles, setTitles] = useState('');
  const ids = from.split(/[\s,，、]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const lines = titles.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <div data-testid="merge-split">
      <h2>{t('ms.title')}</h2>
      <form
        className="filters"
        data-testid="merge-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (ids.length) onMerge(ids);
        }}
      >
        <TextField label={t('ms.mergeFrom')} value={from} onChange={setFrom} placeholder="12, 15" testId="merge-from" />
        <button type="submit" disabled={busy || !ids.length || task.archived} data-testid="merge">
          {t('ms.merge')}
        </button>
      </form>
      <form
        className="filters"
        data-testid="split-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (lines.length >= 2) onSplit(lines);
        }}
      >
        <Field label={t('ms.splitTitles')}>
          <textarea rows={3} value={titles} onChange={(e) => setTitles(e.target.value)} data-testid="split-titles" />
        </Field>
        <button type="submit" disabled={busy || lines.length < 2 || task.archived} data-testid="split">
          {t('ms.split')}
        </button>
      </form>
    </div>
  );
}
