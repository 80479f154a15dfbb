/** The 票决 sessions: the office sees and creates them; anyone else sees the published results. */
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { hasRole, MANAGERS, useSession } from '../../session';
import type { Role, SessionDetail, VoteSession, VoteSessionSummary } from '../../types';
import { ErrorBox, Loading, TextField } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useTitle } from '../../ui/title';
import { useAction } from '../../ui/useAction';
import { Tallies, VotesNav } from './common';

/** Who reads every session, results and set-up alike (leaders follow the votes too). */
export const VOTE_READERS: readonly Role[] = [...MANAGERS, 'leader'];

export function VoteSessions() {
  const { t } = useI18n();
  const { account, ready, send } = useSession();
  const manage = hasRole(account, VOTE_READERS);
  const list = useApi<{ items: VoteSessionSummary[] }>(ready ? (manage ? '/api/votes/sessions' : '/api/public/votes/sessions') : null);
  const [form, setForm] = useState({ jurisdiction: '', year: String(new Date().getFullYear()), title: '', seats: '10' });
  const { error, run } = useAction<{ session: VoteSession }>();
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => send<{ session: VoteSession }>('POST', '/api/votes/sessions', { jurisdiction: form.jurisdiction, year: Number(form.year), title: form.title, seats: Number(form.seats) }),
      (r) => navigate(`votes/session/${r.session.id}`),
    );
  };
  const input = (k: keyof typeof form, label: string, extra: { type?: string; min?: number } = {}) => (
    <TextField label={label} required {...extra} value={form[k]} onChange={(v) => setForm({ ...form, [k]: v })} />
  );
  return (
    <>
      <VotesNav active="votes" />
      <h1>{t('vt.title')}</h1>
      <p className="muted">{t('vt.intro')}</p>
      {list.loading && <Loading />}
      {list.error && <ErrorBox message={list.error} />}
      <DataTable
        testId="vote-sessions"
        rows={list.data?.items ?? []}
        rowKey={(s) => s.id}
        columns={[
          { head: t('vt.session'), cell: (s) => <a href={href(manage ? `votes/session/${s.id}` : `votes/results/${s.id}`)}>{s.title}</a> },
          { head: t('vt.place'), cell: (s) => s.jurisdiction },
          { head: t('vt.year'), cell: (s) => s.year },
          { head: t('vt.seats'), cell: (s) => s.seats },
          { head: t('vt.candidates'), cell: (s) => s.candidates },
          { head: t('vt.deputies'), cell: (s) => s.deputies },
        ]}
      />
      {hasRole(account, MANAGERS) && (
        <form className="card" onSubmit={create} data-testid="vote-create">
          <h2>{t('vt.create')}</h2>
          {input('jurisdiction', t('vt.place'))}
          {input('year', t('vt.year'), { type: 'number' })}
          {input('title', t('vt.session'))}
          {input('seats', t('vt.seats'), { type: 'number', min: 1 })}
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

/** The published results of a session (closed rounds only). */
export function VoteResults({ id }: { id: number }) {
  const { t } = useI18n();
  const d = useApi<SessionDetail>(`/api/public/votes/sessions/${id}`);
  useTitle(d.data?.session.title);
  if (d.loading && !d.data) return <Loading />;
  if (d.error) return <ErrorBox message={d.error} />;
  if (!d.data) return null;
  return (
    <>
      <VotesNav active="votes" />
      <h1>{d.data.session.title}</h1>
      <p className="muted">{t('vt.publicNote')}</p>
      <Tallies tallies={d.data.tallies} names={new Map(d.data.candidates.map((c) => [c.id, c.title]))} />
    </>
  );
}
