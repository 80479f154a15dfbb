/** `#/proposals/item/:id`: one item's details, the steps open to the account, and its history. */
import { useEffect, useState } from 'react';
import { useApi, useReload } from '../../api';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { unitName, useSession, useUnits } from '../../session';
import type { ProposalAction, ProposalDetail } from '../../types';
import { ErrorBox, Loading } from '../../ui/common';
import { RecordPage, Timeline, useSteps, type FieldRow } from '../../ui/RecordPage';
import { useTitle } from '../../ui/title';
import { ProposalsNav, StatusChip } from './common';
import { AssignForm, FollowUpForm, RateForm, ReplyForm } from './StepForms';

export function ProposalPage({ id }: { id: number }) {
  const { t, lookup } = useI18n();
  const { send } = useSession();
  const [reload, again] = useReload();
  const d = useApi<ProposalDetail>(`/api/proposals/${id}`, reload);
  const units = useUnits();
  // Forms start afresh from the reloaded item after a step succeeds; after a conflict they keep what was typed.
  const [done, setDone] = useState(0);
  const [resetForms, setResetForms] = useState(false);
  useEffect(() => {
    if (!resetForms || !d.data) return;
    setResetForms(false);
    setDone((n) => n + 1);
  }, [d.data]);
  useTitle(d.data?.proposal.title);
  const { notice, busy, run } = useSteps({ reload: again, conflictText: (e) => t('pp.conflict', { v: e.current.version }) });
  if (d.loading && !d.data) return <Loading />;
  if (d.error && !d.data) return <ErrorBox message={d.error} />;
  if (!d.data) return null;
  const { proposal: p, history, actions } = d.data;
  const step = (action: ProposalAction) => (body: Record<string, unknown>) =>
    run(send('POST', `/api/proposals/${p.id}/${action === 'follow_up' ? 'follow-up' : action}`, { version: p.version, ...body }), t(`pp.done.${action}`), () =>
      setResetForms(true),
    );
  const fields: FieldRow[] = [
    { label: t('pp.kind'), value: t(`pp.kindLong.${p.kind}`) },
    { label: t('pp.place'), value: `${p.jurisdiction} · ${p.year}` },
    { label: t('pp.proposers'), value: p.proposers.join('、') || t('none') },
    { label: t('pp.receivedAt'), value: p.received_at },
    { label: t('pp.lead'), value: unitName(units, p.lead_unit_id) || t('none'), testId: 'proposal-lead' },
    { label: t('pp.assist'), value: p.assist_unit_ids.map((u) => unitName(units, u)).join('、') || t('none') },
    { label: t('pp.assignedAt'), value: p.assigned_at ?? t('none') },
    { label: t('pp.deadline'), value: p.reply_deadline ?? t('none') },
    { label: t('pp.status'), value: <StatusChip status={p.reply_status} />, testId: 'proposal-status' },
    { label: t('pp.repliedAt'), value: p.replied_at ?? t('none'), testId: 'proposal-replied-at' },
    { label: t('pp.satisfaction'), value: p.satisfaction ? `${t(`pp.sat.${p.satisfaction}`)}（${p.satisfaction_at}）` : t('none'), testId: 'proposal-satisfaction' },
    { label: t('pp.followUp'), value: p.follow_up ?? t('none') },
    { label: t('pp.version'), value: p.version, testId: 'proposal-version' },
  ];
  return (
    <>
      <ProposalsNav active="proposals" />
      <RecordPage
        testId="proposal"
        back={
          <p className="small">
            <a href={href('proposals', { place: p.jurisdiction, year: p.year })}>← {t('pp.back')}</a>
          </p>
        }
        title={
          <>
            <span className="muted">{t('pp.numbered', { kind: t(`pp.kind.${p.kind}`), number: p.number })}</span> {p.title}
          </>
        }
        notice={notice}
        fieldsTitle={t('pp.fields')}
        fields={fields}
        left={
          p.reply_text && (
            <>
              <h2>{t('pp.replyText')}</h2>
              <blockquote className="source" data-testid="proposal-reply">
                {p.reply_text}
              </blockquote>
            </>
          )
        }
        right={
          <>
            <h2>{t('pp.steps')}</h2>
            {actions.length === 0 && <p className="muted">{t('pp.noActions')}</p>}
            {actions.includes('assign') && <AssignForm key={`a${done}`} p={p} units={units} busy={busy} onSubmit={step('assign')} />}
            {actions.includes('reply') && <ReplyForm key={`r${done}`} again={p.state === 'replied'} busy={busy} onSubmit={step('reply')} />}
            {actions.includes('satisfaction') && <RateForm key={`s${done}`} busy={busy} onSubmit={step('satisfaction')} />}
            {actions.includes('follow_up') && <FollowUpForm key={`f${done}`} current={p.follow_up ?? ''} busy={busy} onSubmit={step('follow_up')} />}
          </>
        }
        timeline={
          <Timeline
            title={t('pp.history')}
            testId="proposal-history"
            entries={history.map((h) => ({
              id: h.id,
              at: h.at,
              action: h.action,
              label: lookup(`pp.h.${h.action}`) ?? h.action,
              account: h.account_name,
              details: h.note ? [h.note] : [],
            }))}
          />
        }
      />
    </>
  );
}
