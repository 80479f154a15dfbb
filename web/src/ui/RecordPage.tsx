/**
 * The page of one record that moves through steps (a 督办 task, a 建议/提案): a way back, the title,
 * what came of the last step, the record's fields on the left, its steps and its timeline on the right.
 */
import { useState, type ReactNode } from 'react';
import { ApiError, asProblem, Conflict, type Problem } from '../api';
import { when } from '../format';
import { ErrorBox, NoticeBox, type Notice } from './common';

export interface FieldRow {
  label: string;
  value: ReactNode;
  testId?: string;
}

export interface TimelineEntry {
  id: number;
  at: string;
  action: string;
  label: string;
  account: string | null;
  /** Below the label: what changed, the note. */
  details: ReactNode[];
}

/** `testId` names the title (`{testId}-title`) and the fields (`{testId}-fields`). */
export function RecordPage({ testId, back, title, notice, fieldsTitle, fields, left, right, timeline }: {
  testId: string;
  back: ReactNode;
  title: ReactNode;
  notice?: Notice;
  fieldsTitle: string;
  fields: FieldRow[];
  /** Below the fields. */
  left?: ReactNode;
  /** The steps, above the timeline. */
  right: ReactNode;
  timeline: ReactNode;
}) {
  return (
    <>
      {back}
      <h1 data-testid={`${testId}-title`}>{title}</h1>
      {notice && <NoticeBox notice={notice} />}
      <div className="task-cols">
        <div>
          <h2>{fieldsTitle}</h2>
          <dl className="fields" data-testid={`${testId}-fields`}>
            {fields.map((f) => (
              <Field key={f.label} {...f} />
            ))}
          </dl>
          {left}
        </div>
        <div>
          {right}
          {timeline}
        </div>
      </div>
    </>
  );
}

function Field({ label, value, testId }: FieldRow) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

/** What happened to a record, oldest first. */
export function Timeline({ title, entries, testId, entryTestId, error, empty }: {
  title: string;
  entries: TimelineEntry[];
  testId: string;
  entryTestId?: string;
  error?: Problem;
  /** Shown when there are no entries (once they have loaded). */
  empty?: string;
}) {
  return (
    <>
      <h2>{title}</h2>
      {error && <ErrorBox message={error} />}
      {empty !== undefined && entries.length === 0 && <p className="muted">{empty}</p>}
      <ol className="timeline" data-testid={testId}>
        {entries.map((h) => (
          <li key={h.id} data-testid={entryTestId} data-action={h.action}>
            <span className="muted small">{when(h.at)}</span> <strong>{h.label}</strong>
            {h.account && <span className="muted"> · {h.account}</span>}
            {h.details.map((d, i) => (
              <div key={i} className="note">
                {d}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * The steps of a record page: one write at a time, a notice for what came of it, a reload after.
 * A 409 (someone changed the record, or its state no longer allows the step) shows why and reloads.
 */
export function useSteps({ reload, conflictText, onConflict }: {
  reload: () => void;
  /** The notice for a 409 that brings the record as it is now. */
  conflictText: (e: Conflict) => string;
  onConflict?: (e: Conflict) => void;
}) {
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const run = (write: Promise<unknown>, ok: string, then?: () => void) => {
    setBusy(true);
    setNotice(undefined);
    write.then(
      () => {
        setBusy(false);
        setNotice({ kind: 'ok', text: ok });
        then?.();
        reload();
      },
      (e: unknown) => {
        setBusy(false);
        if (e instanceof ApiError && e.status === 409) {
          setNotice({ kind: 'conflict', text: e instanceof Conflict ? conflictText(e) : e });
          if (e instanceof Conflict) onConflict?.(e);
          reload();
        } else setNotice({ kind: 'error', text: asProblem(e) });
      },
    );
  };
  return { notice, busy, run };
}
