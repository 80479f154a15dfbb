/**
 * 撤回导入 on a report's page (admin or supervisor): first what would go and what rests on the
 * report (GET …/withdrawal), then the DELETE. Records built on the report are listed and must be
 * acknowledged: they stay, detached from it (the server refuses without `force`).
 */
import { useState } from 'react';
import { getJson, qs, asProblem, type Problem } from '../../api';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { IMPORTERS } from '../../types';
import { ProblemText } from '../../ui/common';

interface Plan {
  file_name: string;
  other_documents: number[];
  removed: { facts: number; duplicates: number; report_choices: number; sources: number };
  dependents: { kind: 'task' | 'vote_session' | 'vote_candidate' | 'ruling'; id: number; title: string; state: string | null }[];
}

export function Withdraw({ id }: { id: number }) {
  const { t } = useI18n();
  const { account, send } = useSession();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [force, setForce] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  if (!hasRole(account, IMPORTERS)) return null;

  async function open() {
    setProblem(null);
    try {
      setPlan((await getJson<{ plan: Plan }>(`/api/documents/${id}/withdrawal`)).plan);
    } catch (e) {
      setProblem(asProblem(e));
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      await send('DELETE', `/api/documents/${id}${qs({ force: force ? 'true' : undefined, note: note.trim() || undefined })}`, null);
      navigate('library', {});
    } catch (e) {
      setProblem(asProblem(e));
    } finally {
      setBusy(false);
    }
  }

  if (!plan) {
    return (
      <div className="withdraw">
        <button type="button" className="danger" onClick={() => void open()} data-testid="withdraw-open">
          {t('wd.open')}
        </button>
        {problem && <ProblemText problem={problem} />}
      </div>
    );
  }
  const r = plan.removed;
  const blocked = plan.dependents.length > 0 && !force;
  return (
    <section className="withdraw card" data-testid="withdraw">
      <h2>{t('wd.title')}</h2>
      <p>{t('wd.removes', { facts: r.facts, dups: r.duplicates })}</p>
      {r.report_choices > 0 && <p>{t('wd.choice')}</p>}
      <p>{r.sources ? t('wd.file') : t('wd.keepsFile', { n: plan.other_documents.length })}</p>
      {plan.dependents.length > 0 && (
        <>
          <p>{t('wd.dependents')}</p>
          <ul data-testid="withdraw-dependents">
            {plan.dependents.map((d) => (
              <li key={`${d.kind}-${d.id}`}>
                {t(`wd.dep.${d.kind}`)} #{d.id}：{d.title}
              </li>
            ))}
          </ul>
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} data-testid="withdraw-force" /> {t('wd.force')}
          </label>
        </>
      )}
      <label className="block">
        {t('wd.note')}
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="buttons">
        <button type="button" className="danger" disabled={blocked || busy} onClick={() => void confirm()} data-testid="withdraw-confirm">
          {t('wd.confirm')}
        </button>
        <button type="button" onClick={() => setPlan(null)}>
          {t('wd.cancel')}
        </button>
      </div>
      {problem && <ProblemText problem={problem} />}
    </section>
  );
}
