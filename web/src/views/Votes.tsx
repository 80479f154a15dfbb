/**
 * 票决 pages: the sessions list (results for everyone, set-up for the
 * congress office), a session's page (candidates, roster and codes, rounds,
 * tallies, adoption into the ledger) and the deputy's ballot, which needs a
 * voting code and no account.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { ErrorBox, Field, Loading } from '../common';
import { useI18n } from '../i18n';
import { pct, useLedger } from '../ledger';
import { href, navigate } from '../router';
import { RATINGS, type IssuedCodes, type Lookup, type Rating, type SessionDetail, type Tally, type VoteSession, type VoteSessionSummary } from '../votes';

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

function VotesNav({ active }: { active: string }) {
  const { t } = useI18n();
  return (
    <div className="subnav">
      {[['votes', 'vt.sessions'], ['vote', 'vt.ballot']].map(([path, key]) => (
        <a key={path} href={href(path)} className={active === path ? 'active' : ''}>
          {t(key)}
        </a>
      ))}
    </div>
  );
}

/** Sessions: the office sees and creates them; anyone else sees published results. */
export function VoteSessions() {
  const { t } = useI18n();
  const { account, ready, send } = useLedger();
  const manage = account && ['admin', 'supervisor', 'leader'].includes(account.role);
  const [reload, setReload] = useState(0);
  const list = useApi<{ items: VoteSessionSummary[] }>(ready ? (manage ? '/api/votes/sessions' : '/api/public/votes/sessions') : null, reload);
  const [form, setForm] = useState({ jurisdiction: '', year: String(new Date().getFullYear()), title: '', seats: '10' });
  const [error, setError] = useState<string>();
  const create = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    send<{ session: VoteSession }>('POST', '/api/votes/sessions', { jurisdiction: form.jurisdiction, year: Number(form.year), title: form.title, seats: Number(form.seats) }).then(
      (r) => {
        setReload((n) => n + 1);
        navigate(`votes/session/${r.session.id}`);
      },
      (err) => setError(msg(err)),
    );
  };
  return (
    <>
      <VotesNav active="votes" />
      <h1>{t('vt.title')}</h1>
      <p className="muted">{t('vt.intro')}</p>
      {list.loading && <Loading />}
      {list.error && <ErrorBox message={list.error} />}
      <table className="grid" data-testid="vote-sessions">
        <thead>
          <tr>
            <th>{t('vt.session')}</th>
            <th>{t('vt.place')}</th>
            <th>{t('vt.year')}</th>
            <th>{t('vt.seats')}</th>
            <th>{t('vt.candidates')}</th>
            <th>{t('vt.deputies')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((s) => (
            <tr key={s.id}>
              <td>
                <a href={href(manage ? `votes/session/${s.id}` : `votes/results/${s.id}`)}>{s.title}</a>
              </td>
              <td>{s.jurisdiction}</td>
              <td>{s.year}</td>
              <td>{s.seats}</td>
              <td>{s.candidates}</td>
              <td>{s.deputies}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {account && ['admin', 'supervisor'].includes(account.role) && (
        <form className="card" onSubmit={create} data-testid="vote-create">
          <h2>{t('vt.create')}</h2>
          <Field label={t('vt.place')}>
            <input required value={form.jurisdiction} onChange={(e) => setForm({ ...form, jurisdiction: e.target.value })} />
          </Field>
          <Field label={t('vt.year')}>
            <input required type="number" value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} />
          </Field>
          <Field label={t('vt.session')}>
            <input required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          </Field>
          <Field label={t('vt.seats')}>
            <input required type="number" min={1} value={form.seats} onChange={(e) => setForm({ ...form, seats: e.target.value })} />
          </Field>
          <button type="submit">{t('vt.createBtn')}</button>
          {error && <ErrorBox message={error} />}
        </form>
      )}
      {!account && ready && (
        <p className="muted small">
          <a href={href('login')}>{t('vt.signIn')}</a>
        </p>
      )}
    </>
  );
}

function TallyTable({ tally, names }: { tally: Tally; names: Map<number, string> }) {
  const { t } = useI18n();
  if (tally.kind === 'satisfaction') {
    return (
      <table className="grid" data-testid="satisfaction-table">
        <thead>
          <tr>
            <th>{t('vt.project')}</th>
            {RATINGS.map((r) => (
              <th key={r}>{t(`vt.rating.${r}`)}</th>
            ))}
            <th>{t('vt.abstained')}</th>
            <th>{t('vt.satRate')}</th>
          </tr>
        </thead>
        <tbody>
          {tally.rows.map((r) => (
            <tr key={r.candidate_id}>
              <td>{r.title}</td>
              <td className="n">{r.satisfied}</td>
              <td className="n">{r.basically}</td>
              <td className="n">{r.dissatisfied}</td>
              <td className="n">{r.abstained}</td>
              <td className="n">{pct(r.satisfaction_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <>
      <p data-testid="tally-summary">
        {t('vt.summary', { ballots: tally.ballots, roster: tally.roster, blank: tally.blank, elected: tally.elected.length, seats: tally.seats })}
      </p>
      {tally.ties.map((g) => (
        <p key={g.votes} className={g.decides_seats ? 'error' : 'muted'} data-testid="tie">
          {t(g.decides_seats ? 'vt.tieDecides' : 'vt.tie', { votes: g.votes, names: g.candidate_ids.map((id) => names.get(id) ?? id).join('、') })}
        </p>
      ))}
      <table className="grid" data-testid="tally-table">
        <thead>
          <tr>
            <th>{t('vt.rank')}</th>
            <th>{t('vt.project')}</th>
            <th>{t('vt.votes')}</th>
            <th>{t('vt.share')}</th>
            <th>{t('vt.status')}</th>
          </tr>
        </thead>
        <tbody>
          {tally.rows.map((r) => (
            <tr key={r.candidate_id} className={r.status === 'elected' ? 'elected' : ''}>
              <td className="n">{r.rank}</td>
              <td>{r.title}</td>
              <td className="n">{r.votes}</td>
              <td className="n">{pct(r.share)}</td>
              <td>{t(`vt.st.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The published results of a session (closed rounds only). */
export function VoteResults({ id }: { id: number }) {
  const { t } = useI18n();
  const d = useApi<SessionDetail>(`/api/public/votes/sessions/${id}`);
  if (d.loading && !d.data) return <Loading />;
  if (d.error) return <ErrorBox message={d.error} />;
  if (!d.data) return null;
  const names = new Map(d.data.candidates.map((c) => [c.id, c.title]));
  return (
    <>
      <VotesNav active="votes" />
      <h1>{d.data.session.title}</h1>
      <p className="muted">{t('vt.publicNote')}</p>
      {d.data.tallies.map(({ round, tally }) => (
        <section key={round.id} className="card">
          <h2>{t(round.kind === 'selection' ? 'vt.roundSel' : 'vt.roundSat', { n: round.round_no })}</h2>
          <TallyTable tally={tally} names={names} />
        </section>
      ))}
    </>
  );
}

/** The office's page for one session. */
export function VoteSessionPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { send, sendFile, account } = useLedger();
  const [reload, setReload] = useState(0);
  const d = useApi<SessionDetail>(`/api/votes/sessions/${id}`, reload);
  const [candText, setCandText] = useState('');
  const [docId, setDocId] = useState('');
  const [roster, setRoster] = useState('');
  const [codes, setCodes] = useState<IssuedCodes['items']>([]);
  // Built by the server with the export guard (formulas neutralised, commas quoted).
  const [codesCsv, setCodesCsv] = useState('');
  const issued = (r: IssuedCodes) => {
    setCodes(r.items);
    setCodesCsv(r.codes_csv);
  };
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const manage = account && ['admin', 'supervisor'].includes(account.role);
  const act = (url: string, body: unknown, after?: (r: never) => void) => {
    setError(undefined);
    setNote(undefined);
    send<never>('POST', url, body).then(
      (r) => {
        after?.(r);
        setReload((n) => n + 1);
      },
      (e) => setError(msg(e)),
    );
  };
  if (d.loading && !d.data) return <Loading />;
  if (d.error) return <ErrorBox message={d.error} />;
  if (!d.data) return null;
  const { session, candidates, rounds, result, tallies } = d.data;
  const names = new Map(candidates.map((c) => [c.id, c.title]));
  const open = rounds.find((r) => r.state === 'open');
  const started = rounds.length > 0;
  return (
    <>
      <VotesNav active="votes" />
      <h1 data-testid="vote-session-title">{session.title}</h1>
      <p className="muted">
        {t('vt.meta', { place: session.jurisdiction, year: session.year, seats: session.seats, deputies: d.data.deputies })} ·{' '}
        <a href={href(`votes/results/${session.id}`)}>{t('vt.publicLink')}</a>
      </p>
      {error && <ErrorBox message={error} />}
      {note && <p className="ok" data-testid="vote-note">{note}</p>}

      <section className="card">
        <h2>{t('vt.candidates')} ({candidates.length})</h2>
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
            <button type="button" className="primary" disabled={!candText.trim()} onClick={() => act(`/api/votes/sessions/${id}/candidates`, { text: candText }, () => setCandText(''))}>
              {t('vt.addCandidates')}
            </button>
            <Field label={t('vt.fromReport')}>
              <input value={docId} onChange={(e) => setDocId(e.target.value)} placeholder="document id" />
            </Field>
            <button type="button" className="primary" disabled={!/^\d+$/.test(docId)} onClick={() => act(`/api/votes/sessions/${id}/candidates`, { document_id: Number(docId) })}>
              {t('vt.addFromReport')}
            </button>
          </div>
        )}
      </section>

      {manage && (
        <section className="card">
          <h2>{t('vt.roster')} ({d.data.deputies})</h2>
          <Field label={t('vt.pasteRoster')}>
            <textarea rows={4} value={roster} onChange={(e) => setRoster(e.target.value)} data-testid="roster-text" />
          </Field>
          <button type="button" className="primary" disabled={!roster.trim()} onClick={() => act(`/api/votes/sessions/${id}/deputies`, { text: roster }, (r: IssuedCodes) => { issued(r); setRoster(''); })}>
            {t('vt.addRoster')}
          </button>
          <Field label={t('vt.rosterFile')}>
            <input
              type="file"
              accept=".csv,.xlsx,text/csv"
              data-testid="roster-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setError(undefined);
                sendFile<IssuedCodes>(`/api/votes/sessions/${id}/deputies/import?filename=${encodeURIComponent(file.name)}`, file).then(
                  (r) => {
                    issued(r);
                    setReload((n) => n + 1);
                  },
                  (err) => setError(msg(err)),
                );
                e.target.value = '';
              }}
            />
          </Field>
          {codes.length > 0 && (
            <div data-testid="codes">
              <p className="error">{t('vt.codesOnce')}</p>
              <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(codesCsv)}`} download={`codes-${id}.csv`}>
                {t('vt.codesCsv')}
              </a>
              <table className="grid">
                <tbody>
                  {codes.map((c) => (
                    <tr key={c.code}>
                      <td>{c.name}</td>
                      <td>{c.delegation}</td>
                      <td className="mono" data-testid="code">{c.code}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <section className="card">
        <h2>{t('vt.rounds')}</h2>
        <ul>
          {rounds.map((r) => (
            <li key={r.id} data-testid={`round-${r.round_no}`}>
              {t(r.kind === 'selection' ? 'vt.roundSel' : 'vt.roundSat', { n: r.round_no })} · {t(r.state === 'open' ? 'vt.open' : 'vt.closed')} ·{' '}
              {t('vt.turnout', { n: r.turnout, of: d.data!.deputies })}
              {r.state === 'closed' && (
                <span className="downloads">
                  <a href={`/api/votes/rounds/${r.id}/tally.xlsx`} download>{t('dl.xlsx')}</a>
                  <a href={`/api/votes/rounds/${r.id}/ballots.csv`} download>{t('vt.ballotsCsv')}</a>
                </span>
              )}
              {manage && r.state === 'open' && (
                <button type="button" onClick={() => act(`/api/votes/rounds/${r.id}/close`, {})} className="primary" data-testid="close-round">
                  {t('vt.close')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {manage && !open && (
          <div className="vote-row">
            {(result.selection_rounds === 0 || result.undecided) && (
              <button type="button" onClick={() => act(`/api/votes/sessions/${id}/rounds`, { kind: 'selection' })} className="primary" data-testid="open-selection">
                {t(result.undecided ? 'vt.openRunoff' : 'vt.openSelection')}
              </button>
            )}
            {result.elected.length > 0 && !rounds.some((r) => r.kind === 'satisfaction') && (
              <button type="button" onClick={() => act(`/api/votes/sessions/${id}/rounds`, { kind: 'satisfaction' })} className="primary" data-testid="open-satisfaction">
                {t('vt.openSatisfaction')}
              </button>
            )}
            {result.elected.length > 0 && (
              <button type="button" onClick={() => act(`/api/votes/sessions/${id}/adopt`, {}, (r: { created: number; already: number }) => setNote(t('vt.adopted', { n: r.created, already: r.already })))} className="primary" data-testid="adopt">
                {t('vt.adopt')}
              </button>
            )}
          </div>
        )}
      </section>

      {tallies.map(({ round, tally }) => (
        <section key={round.id} className="card">
          <h2>{t(round.kind === 'selection' ? 'vt.roundSel' : 'vt.roundSat', { n: round.round_no })}</h2>
          <TallyTable tally={tally} names={names} />
        </section>
      ))}
    </>
  );
}

/** The deputy's ballot: enter the code, choose, cast. Nothing about the choice is shown back after. */
export function Ballot() {
  const { t } = useI18n();
  const { send } = useLedger();
  const [code, setCode] = useState('');
  const [look, setLook] = useState<Lookup>();
  const [chosen, setChosen] = useState<number[]>([]);
  const [ratings, setRatings] = useState<Record<number, Rating>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const find = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(undefined);
    send<Lookup>('POST', '/api/votes/lookup', { code }).then((r) => {
      setLook(r);
      setChosen([]);
      setRatings({});
    }, (err) => setError(msg(err)));
  };
  const cast = () => {
    if (!look?.round) return;
    setError(undefined);
    const choices = look.round.kind === 'selection' ? chosen : Object.fromEntries(Object.entries(ratings));
    send<{ message: string }>('POST', `/api/votes/rounds/${look.round.id}/ballots`, { code, choices }).then(
      () => {
        setDone(t('vt.cast'));
        setLook(undefined);
        setCode('');
      },
      (err) => setError(msg(err)),
    );
  };
  const seats = look?.round?.seats ?? 0;
  return (
    <>
      <VotesNav active="vote" />
      <h1>{t('vt.ballotTitle')}</h1>
      <p className="muted">{t('vt.ballotIntro')}</p>
      <form className="vote-row" onSubmit={find}>
        <Field label={t('vt.code')}>
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" data-testid="vote-code" />
        </Field>
        <button type="submit" disabled={code.trim().length < 6}>{t('vt.enter')}</button>
      </form>
      {error && <ErrorBox message={error} />}
      {done && <p className="ok" data-testid="vote-done">{done}</p>}
      {look && (
        <section className="card" data-testid="ballot">
          <h2>{look.session.title}</h2>
          <p>{t('vt.hello', { name: look.deputy.name })}</p>
          {!look.round && <p className="muted">{t('vt.noRound')}</p>}
          {look.round && look.voted && <p className="muted" data-testid="already">{t('vt.already', { n: look.round.round_no })}</p>}
          {look.round && !look.voted && look.round.kind === 'selection' && (
            <>
              <p data-testid="choose-count">{t('vt.choose', { n: seats, k: chosen.length })}</p>
              <ul className="choices">
                {look.candidates.map((c) => (
                  <li key={c.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.includes(c.id)}
                        disabled={!chosen.includes(c.id) && chosen.length >= seats}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                      />{' '}
                      {c.ord}. {c.title}
                      {c.detail && <span className="muted small"> — {c.detail}</span>}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {look.round && !look.voted && look.round.kind === 'satisfaction' && (
            <table className="grid">
              <tbody>
                {look.candidates.map((c) => (
                  <tr key={c.id}>
                    <td>{c.title}</td>
                    {RATINGS.map((r) => (
                      <td key={r}>
                        <label>
                          <input type="radio" name={`r${c.id}`} checked={ratings[c.id] === r} onChange={() => setRatings({ ...ratings, [c.id]: r })} /> {t(`vt.rating.${r}`)}
                        </label>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {look.round && !look.voted && (
            <button type="button" onClick={cast} className="primary" data-testid="cast">
              {t('vt.castBtn')}
            </button>
          )}
        </section>
      )}
    </>
  );
}

