/**
 * `#/vote`, the deputy's ballot: enter the code, choose, cast. It needs no account, and nothing about the
 * choice is shown back after. Deputies open it on their phones: no office navigation, large touch targets
 * (the page's own styles, `.ballot-page`).
 */
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { SATISFACTIONS, type Lookup, type Satisfaction } from '../../types';
import { ActionForm, TextField } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useAction } from '../../ui/useAction';

export function Ballot() {
  const { t } = useI18n();
  const { send, ready } = useSession();
  const [code, setCode] = useState('');
  const [look, setLook] = useState<Lookup>();
  const [chosen, setChosen] = useState<number[]>([]);
  const [ratings, setRatings] = useState<Record<number, Satisfaction>>({});
  const [done, setDone] = useState<string>();
  const { error, run } = useAction();
  const find = () => {
    setDone(undefined);
    void run(
      () => send<Lookup>('POST', '/api/votes/lookup', { code }),
      (r) => {
        setLook(r);
        setChosen([]);
        setRatings({});
      },
    );
  };
  const cast = () => {
    if (!look?.round) return;
    const choices = look.round.kind === 'selection' ? chosen : Object.fromEntries(Object.entries(ratings));
    void run(
      () => send('POST', `/api/votes/rounds/${look.round!.id}/ballots`, { code, choices }),
      () => {
        setDone(t('vt.cast'));
        setLook(undefined);
        setCode('');
      },
    );
  };
  const seats = look?.round?.seats ?? 0;
  const open = look?.round && !look.voted ? look.round : null;
  return (
    <>
      <h1>{t('vt.ballotTitle')}</h1>
      <p className="muted">{t('vt.ballotIntro')}</p>
      {/* Until the session (and its CSRF token) is known, sending would be refused. */}
      <ActionForm onSubmit={find} disabled={!ready || code.trim().length < 6} submit={t('vt.enter')} submitTestId="ballot-enter" error={error} className="vote-row">
        <TextField label={t('vt.code')} value={code} onChange={setCode} autoComplete="off" autoCapitalize="characters" spellCheck={false} testId="vote-code" />
      </ActionForm>
      {done && (
        <p className="ok" data-testid="vote-done">
          {done}
        </p>
      )}
      {look && (
        <section className="card" data-testid="ballot">
          <h2>{look.session.title}</h2>
          <p>{t('vt.hello', { name: look.deputy.name })}</p>
          {!look.round && <p className="muted">{t('vt.noRound')}</p>}
          {look.round && look.voted && (
            <p className="muted" data-testid="already">
              {t('vt.already', { n: look.round.round_no })}
            </p>
          )}
          {open?.kind === 'selection' && (
            <>
              <p data-testid="choose-count">{t('vt.choose', { n: seats, k: chosen.length })}</p>
              <ul className="choices">
                {look.candidates.map((c) => (
                  <li key={c.id}>
                    <label className="option">
                      <input
                        type="checkbox"
                        checked={chosen.includes(c.id)}
                        disabled={!chosen.includes(c.id) && chosen.length >= seats}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                      />
                      <span>
                        {c.ord}. {c.title}
                        {c.detail && <span className="muted small"> — {c.detail}</span>}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {open?.kind === 'satisfaction' && (
            <DataTable
              className="grid rate"
              rows={look.candidates}
              rowKey={(c) => c.id}
              columns={[
                { cell: (c) => c.title },
                ...SATISFACTIONS.map((r) => ({
                  cell: (c: Lookup['candidates'][number]) => (
                    <label className="option">
                      <input type="radio" name={`r${c.id}`} checked={ratings[c.id] === r} onChange={() => setRatings({ ...ratings, [c.id]: r })} />
                      <span>{t(`vt.rating.${r}`)}</span>
                    </label>
                  ),
                })),
              ]}
            />
          )}
          {open && (
            <button type="button" onClick={cast} className="primary" data-testid="cast">
              {t('vt.castBtn')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
