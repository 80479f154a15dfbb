/**
 * 年终状态 for supervisors: 完成 / 基本完成 / 推进中 / 未完成, with the reason
 * and the new deadline of an unfinished task — what the draft review
 * (完成情况报告) reports (PUT /api/ledger/tasks/:id/year-end-state).
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import { FINAL_STATES, type FinalState } from '../../types';
import { Field, TextField } from '../../ui/common';

type YearEnd = { final_state: FinalState; reason: string | null; new_deadline: string | null };

/** The form with the state set before (GET …/year-end-state), once it is read. */
export function YearEndForm({ url, reload, busy, onSubmit }: { url: string; reload: number; busy: boolean; onSubmit: (v: YearEnd) => void }) {
  const current = useApi<{ year_end: (YearEnd & { set_at: string }) | null }>(`${url}/year-end-state`, reload);
  if (current.loading || !current.data) return null;
  const y = current.data.year_end;
  return <YearEndFields key={y?.set_at ?? 'none'} initial={y} busy={busy} onSubmit={onSubmit} />;
}

function YearEndFields({ initial, busy, onSubmit }: { initial: YearEnd | null; busy: boolean; onSubmit: (v: YearEnd) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<FinalState>(initial?.final_state ?? 'done');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [deadline, setDeadline] = useState(initial?.new_deadline ?? '');
  const unfinished = state === 'ongoing' || state === 'not_done';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ final_state: state, reason: unfinished && reason.trim() ? reason.trim() : null, new_deadline: unfinished && deadline ? deadline : null });
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="year-end-form">
      <h2>{t('ye.title')}</h2>
      <Field label={t('ye.state')}>
        <select value={state} onChange={(e) => setState(e.target.value as FinalState)} data-testid="year-end-state">
          {FINAL_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`ye.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {unfinished && (
        <>
          <Field label={t('ye.reason')}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="year-end-reason" />
          </Field>
          <TextField label={t('ye.newDeadline')} type="date" value={deadline} onChange={setDeadline} testId="year-end-deadline" />
        </>
      )}
      <button type="submit" disabled={busy} data-testid="year-end-submit">
        {t('tk.submit')}
      </button>
    </form>
  );
}
