/** The steps of handling an item: 交办 (assign), 答复 (reply), 满意度 (rating), 跟踪办理 (follow-up). */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { SATISFACTIONS, type ProposalView, type Satisfaction, type Unit } from '../../types';
import { Field, TextField } from '../../ui/common';
import { UnitSelects } from './Register';

type Body = Record<string, unknown>;

/** One step's form: a heading, its fields, the button that sends it. */
function StepForm({ testId, title, children, submit, submitTestId, disabled, onSubmit }: {
  testId?: string;
  title: string;
  children: ReactNode;
  submit: string;
  submitTestId?: string;
  disabled: boolean;
  onSubmit: () => void;
}) {
  return (
    <form
      className="stack generate step"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      data-testid={testId}
    >
      <h3>{title}</h3>
      {children}
      <button type="submit" disabled={disabled} data-testid={submitTestId}>
        {submit}
      </button>
    </form>
  );
}


/** Only the values given: an empty date leaves the server to choose (today, the statutory deadline). */
const given = (d: Record<string, string>) => Object.fromEntries(Object.entries(d).filter(([, v]) => v));

export function AssignForm({ p, units, busy, onSubmit }: { p: ProposalView; units: Unit[]; busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [lead, setLead] = useState(p.lead_unit_id === null ? '' : String(p.lead_unit_id));
  const [assist, setAssist] = useState(p.assist_unit_ids.map(String));
  const [assignedAt, setAssignedAt] = useState('');
  const [deadline, setDeadline] = useState('');
  return (
    <StepForm
      testId="assign-form"
      title={t(p.state === 'assigned' ? 'pp.reassign' : 'pp.act.assign')}
      submit={t('pp.act.assign')}
      submitTestId="assign-submit"
      disabled={busy || !lead}
      onSubmit={() =>
        onSubmit({ lead_unit_id: Number(lead), assist_unit_ids: assist.filter((u) => u !== lead).map(Number), ...given({ assigned_at: assignedAt, reply_deadline: deadline }) })
      }
    >
      <UnitSelects units={units} lead={lead} assist={assist} onLead={setLead} onAssist={setAssist} required />
      <TextField type="date" label={t('pp.assignedAtOpt')} value={assignedAt} onChange={setAssignedAt} />
      <TextField type="date" label={t('pp.deadlineOpt')} value={deadline} onChange={setDeadline} />
    </StepForm>
  );
}

export function ReplyForm({ again, busy, onSubmit }: { again: boolean; busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  return (
    <StepForm
      testId="reply-form"
      title={t(again ? 'pp.reReply' : 'pp.act.reply')}
      submit={t('pp.replyBtn')}
      submitTestId="reply-submit"
      disabled={busy || !text.trim()}
      onSubmit={() => onSubmit({ text, ...given({ replied_at: date }) })}
    >
      <Field label={t('pp.replyText')}>
        <textarea rows={6} required value={text} onChange={(e) => setText(e.target.value)} data-testid="reply-text" />
      </Field>
      <TextField type="date" label={t('pp.repliedAtOpt')} value={date} onChange={setDate} testId="reply-date" />
    </StepForm>
  );
}

export function RateForm({ busy, onSubmit }: { busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [rating, setRating] = useState<Satisfaction>();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  return (
    <StepForm
      testId="rate-form"
      title={t('pp.act.satisfaction')}
      submit={t('pp.rateBtn')}
      submitTestId="rate-submit"
      disabled={busy || !rating}
      onSubmit={() => rating && onSubmit({ satisfaction: rating, ...given({ at: date, note: note.trim() }) })}
    >
      <div className="buttons" role="radiogroup">
        {SATISFACTIONS.map((s) => (
          <label key={s}>
            <input type="radio" name="satisfaction" checked={rating === s} onChange={() => setRating(s)} /> {t(`pp.sat.${s}`)}
          </label>
        ))}
      </div>
      <TextField type="date" label={t('pp.ratedAtOpt')} value={date} onChange={setDate} />
      <TextField label={t('pp.rateNote')} value={note} onChange={setNote} />
    </StepForm>
  );
}

export function FollowUpForm({ current, busy, onSubmit }: { current: string; busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState(current);
  return (
    <StepForm testId="follow-up-form" title={t('pp.act.follow_up')} submit={t('pp.followBtn')} disabled={busy || !note.trim()} onSubmit={() => onSubmit({ note })}>
      <Field label={t('pp.followUpNote')}>
        <textarea rows={3} required value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </StepForm>
  );
}
