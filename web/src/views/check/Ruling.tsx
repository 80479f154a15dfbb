/**
 * A reviewer's ruling on a scorecard item (PUT /api/rulings/{key}): confirm the machine's verdict or
 * change it (a reason is then required), optionally picking other evidence in the review report; a
 * stale save (409) says someone else saved first. Everyone sees who ruled, when, and the history.
 */
import { useState } from 'react';
import { ApiError, qs, useApi } from '../../api';
import { when } from '../../format';
import { useI18n } from '../../i18n';
import { hasRole, useSession } from '../../session';
import { RULERS, VERDICTS, type CheckItem, type Verdict } from '../../types';
import { ErrorBox } from '../../ui/common';
import { useAction } from '../../ui/useAction';
import { EvidencePicker, type Span } from './EvidencePicker';

/** GET /api/rulings/{key}/history */
interface HistoryEntry {
  version: number;
  from_verdict: Verdict | null;
  verdict: Verdict;
  reason: string | null;
  reviewer: string;
  at: string;
  evidence?: { text: string; start: number; end: number };
}

/** Who decided the current verdict: a reviewer's signed ruling, or the machine's proposal (机器初判). */
export function RulingLine({ item }: { item: CheckItem }) {
  const { t } = useI18n();
  const r = item.ruling;
  if (!r) return <p className="small muted" data-testid="ruling-line">{t('rl.machineOnly')}</p>;
  return (
    <p className="small" data-testid="ruling-line">
      <b>{t('rl.ruled', { verdict: t(`v.${r.verdict}`), reviewer: r.reviewer, date: when(r.ruled_at) })}</b>
      {r.verdict !== item.machine_verdict && <span className="muted"> {t('rl.wasMachine', { verdict: t(`v.${item.machine_verdict}`) })}</span>}
      {r.reason && (
        <>
          <br />
          {t('rl.reason')}
          {t('colon')}
          <span data-testid="ruling-reason">{r.reason}</span>
        </>
      )}
    </p>
  );
}

export function RulingHistory({ item, place, year }: { item: CheckItem; place: string; year: number }) {
  const { t } = useI18n();
  const { data } = useApi<{ items: HistoryEntry[] }>(`/api/rulings/${encodeURIComponent(item.key)}/history${qs({ jurisdiction: place, year })}`);
  if (!data?.items.length) return null;
  return (
    <details className="small" data-testid="ruling-history">
      <summary>{t('rl.history', { n: data.items.length })}</summary>
      <ol className="timeline">
        {data.items.map((h) => (
          <li key={h.version} data-testid="ruling-history-entry">
            {when(h.at)} · {h.reviewer} · {h.from_verdict ? `${t(`v.${h.from_verdict}`)} → ` : ''}
            {t(`v.${h.verdict}`)}
            {h.reason && <div className="note">{h.reason}</div>}
            {h.evidence && <div className="note">{t('rl.evidenceWas', { text: h.evidence.text })}</div>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The form a reviewer (or an administrator) sees on an expanded item. */
export function RulingForm({ item, place, year, reviewDoc, onSaved }: { item: CheckItem; place: string; year: number; reviewDoc?: number; onSaved: () => void }) {
  const { t } = useI18n();
  const { account, send } = useSession();
  const [verdict, setVerdict] = useState<Verdict>(item.verdict);
  const [reason, setReason] = useState(item.ruling?.reason ?? '');
  const [evidence, setEvidence] = useState<(Span & { text: string }) | null>(null);
  const [picking, setPicking] = useState(false);
  const [stale, setStale] = useState(false);
  const save = useAction();
  if (!hasRole(account, RULERS)) return null;
  const changing = verdict !== item.machine_verdict;
  const missingReason = changing && !reason.trim();
  const submit = () =>
    save.run(
      () =>
        send('PUT', `/api/rulings/${encodeURIComponent(item.key)}`, {
          jurisdiction: place, year, verdict, ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(evidence ? { evidence: { start: evidence.start, end: evidence.end } } : {}), ...(item.ruling ? { version: item.ruling.version } : {}),
        }).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 409) setStale(true);
          throw e;
        }),
      onSaved,
    );
  return (
    <form className="ruling-form" data-testid="ruling-form" onSubmit={(e) => { e.preventDefault(); if (!missingReason) void submit(); }}>
      <h4>{t('rl.title')}</h4>
      <div className="filters">
        <label>
          {t('rl.verdict')}
          <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} data-testid="ruling-verdict">
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`v.${v}`)}
                {v === item.machine_verdict ? t('rl.machineTag') : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block">
        {changing ? t('rl.reasonRequired') : t('rl.reasonOptional')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} data-testid="ruling-reason-input" required={changing} />
      </label>
      <p className="small">
        {evidence ? (
          <>
            {t('rl.newEvidence')}
            {t('colon')}
            <span className="sentence" data-testid="ruling-evidence">{evidence.text}</span>{' '}
            <button type="button" className="link" onClick={() => setEvidence(null)}>
              {t('rl.dropEvidence')}
            </button>
          </>
        ) : (
          reviewDoc !== undefined && (
            <button type="button" className="link" onClick={() => setPicking((p) => !p)} data-testid="ruling-pick">
              {picking ? t('rl.stopPicking') : t('rl.pickEvidence')}
            </button>
          )
        )}
      </p>
      {picking && reviewDoc !== undefined && !evidence && (
        <EvidencePicker
          documentId={reviewDoc}
          current={item.ruling?.evidence ?? item.evidence}
          onPick={(span) => {
            setEvidence(span);
            setPicking(false);
          }}
        />
      )}
      {stale ? (
        <div role="alert" className="error" data-testid="ruling-stale">
          {t('rl.stale')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('rl.reload')}
          </button>
        </div>
      ) : (
        save.error && <ErrorBox message={save.error} />
      )}
      <button type="submit" disabled={save.busy || missingReason} data-testid="ruling-save">
        {item.ruling || changing ? t('rl.save') : t('rl.confirm')}
      </button>
    </form>
  );
}
