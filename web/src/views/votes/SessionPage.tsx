/** `#/votes/session/:id`, the office's page for one session: candidates, roster and voting codes, rounds, tallies, adoption into the ledger. */
import { useState, type ReactNode } from 'react';
import { useApi, useReload } from '../../api';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { hasRole, MANAGERS, useSession } from '../../session';
import type { IssuedCode, IssuedCodes, SessionDetail } from '../../types';
import { ErrorBox, Field, FileLinks, Loading, TableFileInput, TextField } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useTitle } from '../../ui/title';
import { useAction } from '../../ui/useAction';
import { roundTitle, Tallies, VotesNav } from './common';

export function VoteSessionPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { send, sendFile, account } = useSession();
  const [reload, again] = useReload();
  const d = useApi<SessionDetail>(`/api/votes/sessions/${id}`, reload);
  const [candText, setCandText] = useState('');
  const [docId, setDocId] = useState('');
  const [roster, setRoster] = useState('');
  const [codes, setCodes] = useState<IssuedCode[]>([]);
  // Built by the server with the export guard (formulas neutralised, commas quoted).
  const [codesCsv, setCodesCsv] = useState('');
  const issued = (r: IssuedCodes) => {
    setCodes(r.items);
    setCodesCsv(r.codes_csv);
  };
  const [note, setNote] = useState<string>();
  const { error, run } = useAction();
  const manage = hasRole(account, MANAGERS);
  useTitle(d.data?.session.title);
  /** A write, then what to do with its answer, then a reload. */
  const act = <R,>(write: () => Promise<R>, after?: (r: R) => void) => {
    setNote(undefined);
    void run(write, (r) => {
      after?.(r);
      again();
    });
  };
  const post = <R,>(url: string, body: unknown, after?: (r: R) => void) => act(() => send<R>('POST', url, body), after);
  if (d.loading && !d.data) return <Loading />;
  if (d.error) return <ErrorBox message={d.error} />;
  if (!d.data) return null;
  const { session, candidates, rounds, result, tallies, deputies } = d.data;
  const open = rounds.find((r) => r.state === 'open');
  const started = rounds.length > 0;
  const button = (label: string, onClick: () => void, testId?: string, disabled?: boolean): ReactNode => (
    <button type="button" className="primary" disabled={disabled} onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <>
      <VotesNav active="votes" />
      <h1 data-testid="vote-session-title">{session.title}</h1>
      <p className="muted">
        {t('vt.meta', { place: session.jurisdiction, year: session.year, seats: session.seats, deputies })} ·{' '}
        <a href={href(`votes/results/${session.id}`)}>{t('vt.publicLink')}</a>
      </p>
      {error && <ErrorBox message={error} />}
      {note && (
        <p className="ok" data-testid="vote-note">
          {note}
        </p>
      )}

      <section className="card">
        <h2>
          {t('vt.candidates')} ({candidates.length})
        </h2>
        <ol className="candidates">
          {candidates.map((c) => (
            <li key={c.id}>
              {c.title}
              {c.detail && <span className="muted small"> — {c.detail}</span>}
              {c.task_id && (
                <a className="small" href={href(`ledger/task/${c.task_id}`)}>
                  {' '}
                  {t('vt.task')}
                </a>
              )}
            </li>
          ))}
        </ol>
        {manage && !started && (
          <div className="vote-row">
            <Field label={t('vt.pasteCandidates')}>
              <textarea rows={4} value={candText} onChange={(e) => setCandText(e.target.value)} data-testid="candidates-text" />
            </Field>
            {button(t('vt.addCandidates'), () => post(`/api/votes/sessions/${id}/candidates`, { text: candText }, () => setCandText('')), undefined, !candText.trim())}
            <TextField label={t('vt.fromReport')} value={docId} onChange={setDocId} placeholder={t('vt.docId')} inputMode="numeric" />
            {button(t('vt.addFromReport'), () => post(`/api/votes/sessions/${id}/candidates`, { document_id: Number(docId) }), undefined, !/^\d+$/.test(docId))}
          </div>
        )}
      </section>

      {manage && (
        <section className="card">
          <h2>
            {t('vt.roster')} ({deputies})
          </h2>
          <Field label={t('vt.pasteRoster')}>
            <textarea rows={4} value={roster} onChange={(e) => setRoster(e.target.value)} data-testid="roster-text" />
          </Field>
          {button(
            t('vt.addRoster'),
            () =>
              post(`/api/votes/sessions/${id}/deputies`, { text: roster }, (r: IssuedCodes) => {
                issued(r);
                setRoster('');
              }),
            undefined,
            !roster.trim(),
          )}
          <Field label={t('vt.rosterFile')}>
            <TableFileInput
              testId="roster-file"
              onFile={(file) => act(() => sendFile<IssuedCodes>(`/api/votes/sessions/${id}/deputies/import?filename=${encodeURIComponent(file.name)}`, file), issued)}
            />
          </Field>
          {codes.length > 0 && (
            <div data-testid="codes">
              <p className="error">{t('vt.codesOnce')}</p>
              <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(codesCsv)}`} download={`codes-${id}.csv`}>
                {t('vt.codesCsv')}
              </a>
              <DataTable
                rows={codes}
                rowKey={(c) => c.code}
                columns={[{ cell: (c) => c.name }, { cell: (c) => c.delegation }, { className: 'mono', testId: 'code', cell: (c) => c.code }]}
              />
            </div>
          )}
        </section>
      )}

      <section className="card">
        <h2>{t('vt.rounds')}</h2>
        <ul>
          {rounds.map((r) => (
            <li key={r.id} data-testid={`round-${r.round_no}`}>
              {roundTitle(t, r)} · {t(r.state === 'open' ? 'vt.open' : 'vt.closed')} · {t('vt.turnout', { n: r.turnout, of: deputies })}
              {r.state === 'closed' && (
                <FileLinks
                  links={[
                    { href: `/api/votes/rounds/${r.id}/tally.xlsx`, label: t('dl.xlsx') },
                    { href: `/api/votes/rounds/${r.id}/ballots.csv`, label: t('vt.ballotsCsv') },
                  ]}
                />
              )}
              {manage && r.state === 'open' && button(t('vt.close'), () => post(`/api/votes/rounds/${r.id}/close`, {}), 'close-round')}
            </li>
          ))}
        </ul>
        {manage && !open && (
          <div className="vote-row">
            {(result.selection_rounds === 0 || result.undecided) &&
              button(t(result.undecided ? 'vt.openRunoff' : 'vt.openSelection'), () => post(`/api/votes/sessions/${id}/rounds`, { kind: 'selection' }), 'open-selection')}
            {result.elected.length > 0 &&
              !rounds.some((r) => r.kind === 'satisfaction') &&
              button(t('vt.openSatisfaction'), () => post(`/api/votes/sessions/${id}/rounds`, { kind: 'satisfaction' }), 'open-satisfaction')}
            {result.elected.length > 0 &&
              button(
                t('vt.adopt'),
                () => post(`/api/votes/sessions/${id}/adopt`, {}, (r: { created: number; already: number }) => setNote(t('vt.adopted', { n: r.created, already: r.already }))),
                'adopt',
              )}
          </div>
        )}
      </section>

      <Tallies tallies={tallies} names={new Map(candidates.map((c) => [c.id, c.title]))} />
    </>
  );
}
