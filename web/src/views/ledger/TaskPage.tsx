/** `#/ledger/task/:id`: a task's fields and source, its workflow, progress, notices and timeline. */
import { useEffect, useState } from 'react';
import { useApi, useReload } from '../../api';
import { indicatorLabel, when } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { hasRole, MANAGERS, unitName, useSession, useUnits, WORKERS } from '../../session';
import type { HistoryEntry, ProgressReport, Task, TaskDetail } from '../../types';
import { ErrorBox, Loading } from '../../ui/common';
import { RecordPage, Timeline, useSteps, type FieldRow } from '../../ui/RecordPage';
import { useTitle } from '../../ui/title';
import { LightChip } from './common';
import { EditForm, MergeSplit, ProgressForm, Workflow } from './TaskForms';
import { YearEndForm } from './YearEndForm';
import { changedFields, historyNote, lightReason } from './wording';

export function TaskPage({ id }: { id: number }) {
  const { t, lookup, lang } = useI18n();
  const { account, send } = useSession();
  const [reload, again] = useReload();
  const detail = useApi<TaskDetail & { ok: true }>(`/api/ledger/tasks/${id}`, reload);
  const history = useApi<{ items: HistoryEntry[] }>(`/api/ledger/tasks/${id}/history`, reload);
  // The detail carries the latest reports; every one is read only when asked for.
  const [allAsked, askAll] = useState(false);
  const allProgress = useApi<{ items: ProgressReport[] }>(allAsked ? `/api/ledger/tasks/${id}/progress` : null, reload);
  const units = useUnits();
  // A 409 brings the current task: show it until the next reload.
  const [current, setCurrent] = useState<Task>();
  const task = current ?? detail.data?.task;
  useEffect(() => setCurrent(undefined), [detail.data]);
  useTitle(task?.title);
  const { notice, busy, run } = useSteps({
    reload: again,
    conflictText: (e) => t('tk.conflict', { v: e.current.version }),
    // The answer to a write on this task carries this task as it is now.
    onConflict: (e) => setCurrent(e.current as Task),
  });

  if (detail.error) return <ErrorBox message={detail.error} />;
  if (!task || !detail.data) return <Loading />;
  const { links, notices, progress_total: progressTotal } = detail.data;
  const progress = allProgress.data?.items ?? detail.data.progress;
  const role = account?.role;
  const manage = hasRole(account, MANAGERS);
  const src = task.source;
  const url = `/api/ledger/tasks/${task.id}`;
  const done = (action: string) => t('act.done', { action });
  const fields: FieldRow[] = [
    { label: t('ld.state'), value: t(`state.${task.state}`), testId: 'task-state' },
    { label: t('ld.deadline'), value: `${task.deadline}${task.overdue ? ' ⚠' : ''}` },
    { label: t('tk.phrase'), value: task.deadline_phrase ?? t('none') },
    { label: t('ld.lead'), value: unitName(units, task.lead_unit_id, t('ld.unassigned')), testId: 'task-lead' },
    { label: t('ld.leader'), value: task.lead_leader || t('none'), testId: 'task-leader' },
    { label: t('ld.responsible'), value: task.responsible_unit_ids.map((u) => unitName(units, u)).join('、') || t('none') },
    { label: t('tk.sourceKind'), value: lookup(`fact.${task.source_kind}`) ?? task.source_kind },
    { label: t('tk.indicator'), value: task.indicator ? indicatorLabel(task.indicator, lang) : t('none') },
    { label: t('tk.figure'), value: task.figure.text ?? (task.figure.value !== null ? `${task.figure.value}${task.figure.unit ?? ''}` : t('none')) },
    { label: t('tk.firmness'), value: task.firmness ? lookup(`firm.${task.firmness}`) ?? task.firmness : t('none') },
    { label: t('tk.livelihood'), value: task.livelihood ? t('yes') : t('no') },
    { label: t('tk.progressFigure'), value: task.progress_figure ?? t('none') },
    { label: t('tk.lastProgress'), value: when(task.last_progress_at) },
    {
      label: t('tk.reasons'),
      value: task.light_reasons.length ? <span title={task.light_reasons.join('\n')}>{task.light_reasons.map((r) => lightReason(t, r)).join('；')}</span> : t('none'),
    },
    { label: t('tk.version'), value: task.version, testId: 'task-version' },
  ];
  const left = (
    <>
      {task.pending_extension && <p className="pending">{t('tk.pendingExt', { deadline: task.pending_extension.deadline })}</p>}
      {src.sentence && (
        <>
          <h2>{t('tk.source')}</h2>
          <blockquote className="source" data-testid="task-source">
            {src.sentence}
          </blockquote>
          {task.document_id !== null && src.start !== null && src.end !== null && (
            <a href={href(`report/${task.document_id}`, { at: src.start, end: src.end })} data-testid="task-source-link">
              {t('tk.openSource')}
            </a>
          )}
        </>
      )}
      {/* Only those who may change a task see the form (a leader reads and instructs, PUT refuses him). */}
      {hasRole(account, WORKERS) && (
        <EditForm
          key={`${task.id}-${task.version}`}
          task={task}
          units={units}
          manage={manage}
          busy={busy}
          onSave={(patch) => run(send('PUT', url, { version: task.version, ...patch }), t('tk.saved', { v: task.version + 1 }))}
        />
      )}
    </>
  );
  const right = (
    <>
      <h2>{t('tk.workflow')}</h2>
      <Workflow
        key={`wf-${task.version}`}
        task={task}
        actions={current ? [] : detail.data.actions}
        busy={busy}
        canUrge={manage}
        canInstruct={role === 'leader' || role === 'admin'}
        onAction={(action, note, deadline) =>
          run(send('POST', `${url}/actions/${action}`, { version: task.version, ...(note ? { note } : {}), ...(deadline ? { deadline } : {}) }), done(t(`act.${action}`)))
        }
        onNotice={(kind, text) => run(send('POST', `${url}/${kind}`, { text }), done(t(kind === 'urge' ? 'act.urge' : 'act.instruct')))}
      />
      {manage && !task.archived && task.state !== 'draft' && (
        <YearEndForm url={url} reload={reload} busy={busy} onSubmit={(v) => run(send('PUT', `${url}/year-end-state`, v), done(t('ye.title')))} />
      )}
      {manage && !task.archived && (
        <MergeSplit
          key={`ms-${task.version}`}
          task={task}
          busy={busy}
          onMerge={(from) => run(send('POST', `${url}/merge`, { version: task.version, from }), done(t('ms.merge')))}
          onSplit={(titles) => run(send('POST', `${url}/split`, { version: task.version, titles }), done(t('ms.split')))}
        />
      )}
      {links && (links.merged_into !== null || links.split_into.length > 0 || links.merged_from.length > 0 || links.split_from !== null) && (
        <p data-testid="task-links">
          {links.merged_into !== null && <a href={href(`ledger/task/${links.merged_into}`)}>{t('ms.mergedInto', { id: links.merged_into })}</a>}
          {links.split_from !== null && <a href={href(`ledger/task/${links.split_from}`)}>{t('ms.splitFrom', { id: links.split_from })}</a>}
          {links.merged_from.length > 0 && <span> {t('ms.mergedFrom', { ids: links.merged_from.join('、') })}</span>}
          {links.split_into.map((i) => (
            <a key={i} href={href(`ledger/task/${i}`)}>
              {' '}
              {t('ms.splitInto', { id: i })}
            </a>
          ))}
        </p>
      )}
      {hasRole(account, WORKERS) && task.state !== 'draft' && task.state !== 'closed' && (
        <ProgressForm busy={busy} onSubmit={(p) => run(send('POST', `${url}/progress`, { version: task.version, ...p }), done(t('tk.progressForm')))} />
      )}
      <h2>{t('tk.progressList')}</h2>
      {progressTotal > progress.length && (
        <p className="muted small" data-testid="progress-more">
          {t('tk.latestProgress', { k: progress.length, n: progressTotal })}{' '}
          <button type="button" className="link" disabled={allAsked} onClick={() => askAll(true)}>
            {t('tk.allProgress', { n: progressTotal })}
          </button>
        </p>
      )}
      {allProgress.error && <ErrorBox message={allProgress.error} />}
      {progress.length === 0 ? (
        <p className="muted">{t('tk.noProgress')}</p>
      ) : (
        <ul className="progress-list" data-testid="progress-list">
          {progress.map((p) => (
            <li key={p.id}>
              <span className="muted small">{p.report_date}</span> {p.narrative}
              {p.figure !== null && <span className="muted"> （{p.figure}）</span>}
              {p.evidence.map((u) => (
                <a key={u} className="small evidence" href={/^https?:/.test(u) ? u : undefined} rel="noopener noreferrer" target="_blank">
                  {u}
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
      {notices.length > 0 && (
        <>
          <h2>{t('tk.notices')}</h2>
          <ul className="progress-list">
            {notices.map((n) => (
              <li key={n.id}>
                <span className="muted small">{when(n.at)}</span> <strong>{t(n.kind === 'urge' ? 'act.urge' : 'act.instruct')}</strong> {n.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
  const entries = (history.data?.items ?? []).map((h) => ({
    id: h.id,
    at: h.at,
    action: h.action,
    label: lookup(`act.${h.action}`) ?? lookup(`h.${h.action}`) ?? h.action,
    account: h.account_name,
    details: [
      h.action === 'edit' && h.after && t('h.fields', { fields: changedFields(t, h.after) }),
      h.note && historyNote(t, (kind) => lookup(`fact.${kind}`) ?? kind, h.note),
    ].filter((d): d is string => !!d),
  }));
  return (
    <section className="task-page" data-testid="task-page">
      <RecordPage
        testId="task"
        back={
          <p>
            <a href={href('ledger', { place: task.jurisdiction, year: task.year })}>← {t('tk.back')}</a>
          </p>
        }
        title={
          <>
            <LightChip light={task.light} /> {task.title}
          </>
        }
        notice={notice}
        fieldsTitle={t('tk.fields')}
        fields={fields}
        left={left}
        right={right}
        timeline={
          <Timeline
            title={t('tk.timeline')}
            entries={entries}
            testId="timeline"
            entryTestId="timeline-entry"
            error={history.error}
            empty={history.data ? t('tk.noHistory') : undefined}
          />
        }
      />
    </section>
  );
}
