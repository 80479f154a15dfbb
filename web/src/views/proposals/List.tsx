/** `#/proposals`: the list of items (signed in), where the office also registers and imports them. */
import { useEffect, useState } from 'react';
import { qs, useApi, useReload } from '../../api';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { hasRole, MANAGERS, unitName, useSession, useUnits } from '../../session';
import { KINDS, REPLY_STATUSES, type ProposalList, type ProposalPlace } from '../../types';
import { Downloads, ErrorBox, FilterSelect, Loading } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { Login } from '../account/Login';
import { PlaceYear, pick, ProposalsNav, StatusChip } from './common';
import { ImportForm, RegisterForm } from './Register';
import { ProposalStats } from './Stats';

/** The list when signed in; the public figures otherwise (or the sign-in form, asked for with `signin`). */
export function Proposals({ params }: { params: URLSearchParams }) {
  const { account, ready } = useSession();
  // Once signed in, `signin` has done its work: keep it out of the URL the filters build on.
  useEffect(() => {
    if (!account || !params.get('signin')) return;
    const next = Object.fromEntries(params);
    delete next.signin;
    navigate('proposals', next, true);
  }, [account, params]);
  if (!ready) return <Loading />;
  if (!account) {
    if (params.get('signin')) {
      return (
        <>
          <ProposalsNav active="proposals" />
          <Login next="proposals" />
        </>
      );
    }
    return <ProposalStats params={params} path="proposals" />;
  }
  return <ProposalListPage params={params} />;
}

function ProposalListPage({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const { account } = useSession();
  const [reload, again] = useReload();
  const places = useApi<{ items: ProposalPlace[] }>('/api/public/proposals/places', reload);
  const units = useUnits(reload);
  const { place, year } = pick(params, places.data?.items ?? []);
  const kind = params.get('kind') ?? '';
  const unit = params.get('unit') ?? '';
  const status = params.get('status') ?? '';
  const filter = {
    jurisdiction: place || undefined,
    year: year === 'all' ? undefined : year,
    kind: kind || undefined,
    unit_id: unit || undefined,
    status: status && status !== 'overdue' ? status : undefined,
    overdue: status === 'overdue' ? 'true' : undefined,
  };
  const list = useApi<ProposalList>(places.data ? `/api/proposals${qs(filter)}` : null, reload);
  // 建议 before 提案, then by number as people count (2 before 12), the order of the offices' own lists.
  const shown = [...(list.data?.items ?? [])].sort(
    (a, b) => b.year - a.year || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.number.localeCompare(b.number, 'zh', { numeric: true }),
  );
  const [registered, setRegistered] = useState<string>();
  const set = (k: string, v: string) => navigate('proposals', { ...Object.fromEntries(params), [k]: v }, true);
  const manage = hasRole(account, MANAGERS);
  const formYear = year === 'all' ? String(new Date().getFullYear()) : year;
  return (
    <>
      <ProposalsNav active="proposals" />
      <h1>{t('pp.title')}</h1>
      <p className="muted">{t('pp.intro')}</p>
      {places.error && <ErrorBox message={places.error} />}
      <div className="filters">
        <PlaceYear params={params} places={places.data?.items ?? []} path="proposals" />
        <FilterSelect label={t('pp.kind')} value={kind} onChange={(v) => set('kind', v)} testId="filter-kind" options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))} />
        <FilterSelect label={t('pp.unit')} value={unit} onChange={(v) => set('unit', v)} testId="filter-unit" options={units.map((u) => ({ value: String(u.id), label: u.name }))} />
        <FilterSelect
          label={t('pp.status')}
          value={status}
          onChange={(v) => set('status', v)}
          testId="filter-status"
          options={[...REPLY_STATUSES.map((s) => ({ value: s, label: t(`pp.rs.${s}`) })), { value: 'overdue', label: t('pp.overdue') }]}
        />
        <span className="spacer" />
        <Downloads path="/api/proposals" query={qs(filter)} />
      </div>
      {list.error && <ErrorBox message={list.error} />}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted" data-testid="proposals-total">
            {t('pp.total', { n: list.data?.total ?? 0, date: list.data?.as_of ?? '' })}
          </p>
          <DataTable
            testId="proposal-table"
            rows={shown}
            empty={list.data?.total === 0 ? t('pp.empty') : undefined}
            rowKey={(p) => p.id}
            rowProps={(p) => ({ 'data-testid': 'proposal-row', 'data-id': p.id })}
            columns={[
              { head: t('pp.number'), className: 'nowrap', cell: (p) => p.number },
              { head: t('pp.kind'), className: 'nowrap', cell: (p) => t(`pp.kind.${p.kind}`) },
              { head: t('pp.itemTitle'), cell: (p) => <a href={href(`proposals/item/${p.id}`)}>{p.title}</a> },
              { head: t('pp.proposers'), className: 'small', cell: (p) => p.proposers.join('、') },
              { head: t('pp.lead'), className: 'small', cell: (p) => unitName(units, p.lead_unit_id) || t('none') },
              { head: t('pp.deadline'), className: 'nowrap', cell: (p) => p.reply_deadline ?? t('none') },
              { head: t('pp.status'), cell: (p) => <StatusChip status={p.reply_status} /> },
              { head: t('pp.satisfaction'), className: 'nowrap', cell: (p) => (p.satisfaction ? t(`pp.sat.${p.satisfaction}`) : t('none')) },
            ]}
          />
        </>
      )}
      {manage && (
        <>
          <RegisterForm
            key={`${place}|${year}`}
            place={place}
            year={formYear}
            units={units}
            note={registered}
            onDone={(p) => {
              setRegistered(t('pp.registered', { kind: t(`pp.kind.${p.kind}`), number: p.number }));
              again();
              navigate('proposals', { ...Object.fromEntries(params), place: p.jurisdiction, year: p.year }, true);
            }}
          />
          <ImportForm key={`i${place}|${year}`} place={place} year={formYear} onDone={again} />
        </>
      )}
    </>
  );
}
