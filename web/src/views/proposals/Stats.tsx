/** `#/proposals/stats` (and `#/proposals` for visitors): the figures per 承办单位, which are public. */
import { qs, useApi } from '../../api';
import { isOneOf, pct } from '../../format';
import { useI18n, type Key, type T } from '../../i18n';
import { href, navigate } from '../../router';
import { useSession } from '../../session';
import { KINDS, type ProposalKind, type ProposalPlace, type StatsAnswer, type StatsRow } from '../../types';
import { Downloads, ErrorBox, FilterSelect, Loading } from '../../ui/common';
import { DataTable, type Column } from '../../ui/DataTable';
import { useTitle } from '../../ui/title';
import { PlaceYear, pick, ProposalsNav } from './common';

/** The line a work report prints: 办理人大代表建议N件、政协委员提案M件，办结率X%，满意率Y%. */
export function summaryLine(t: T, s: StatsAnswer): string {
  const count: Record<ProposalKind, number> = { suggestion: 0, proposal: 0 };
  for (const g of s.groups) if (g.kind) count[g.kind] += g.total;
  const parts = KINDS.filter((k) => count[k] > 0).map((k) => t(`pp.sum.${k}`, { n: count[k] }));
  if (parts.length === 0) return t('pp.sum.none');
  let line = t('pp.sum.handled', { items: parts.join(t('pp.sum.join')) }) + t('pp.sum.completion', { p: pct(s.total.completion_rate) });
  if (s.total.satisfaction_rate !== null) line += t('pp.sum.satisfaction', { p: pct(s.total.satisfaction_rate) });
  return line;
}

interface Line {
  row: StatsRow;
  name: string;
  sum: boolean;
}

function StatsTable({ s }: { s: StatsAnswer }) {
  const { t } = useI18n();
  const numeric = (c: Extract<Key, `pp.c.${string}`>, cell: (r: StatsRow, l: Line) => string | number): Column<Line> => ({
    head: t(c),
    headClassName: 'n',
    className: 'n',
    cell: (l) => cell(l.row, l),
  });
  const lines: Line[] = [
    ...s.units.map((r) => ({ row: r, name: r.unit_id === null ? t('pp.unassignedUnit') : r.unit ?? '', sum: false })),
    { row: s.total, name: t('pp.sumTotal'), sum: true },
  ];
  return (
    <DataTable
      testId="stats-table"
      rows={lines}
      rowKey={(l) => l.name}
      rowProps={(l) => ({ className: l.sum ? 'sum' : undefined, 'data-testid': 'stats-row' })}
      columns={[
        { head: t('pp.c.unit'), cell: (l) => l.name },
        numeric('pp.c.total', (r) => r.total),
        numeric('pp.c.replied', (r) => r.replied),
        numeric('pp.c.on_time', (r) => r.replied_on_time),
        numeric('pp.c.late', (r) => r.replied_late),
        numeric('pp.c.open_overdue', (r) => r.open_overdue),
        numeric('pp.c.open', (r) => r.open),
        numeric('pp.c.unassigned', (r) => r.unassigned),
        numeric('pp.c.completion', (r) => pct(r.completion_rate)),
        numeric('pp.c.on_time_rate', (r) => pct(r.on_time_rate)),
        numeric('pp.c.rated', (r) => r.rated),
        numeric('pp.c.satisfaction', (r) => pct(r.satisfaction_rate)),
        // 会办 is not part of the total: each item counts once, for its lead unit.
        numeric('pp.c.assisting', (r, l) => (l.sum ? t('none') : r.assisting)),
      ]}
    />
  );
}

export function ProposalStats({ params, path = 'proposals/stats' }: { params: URLSearchParams; path?: string }) {
  const { t } = useI18n();
  const { account, ready } = useSession();
  const places = useApi<{ items: ProposalPlace[] }>('/api/public/proposals/places');
  const { place, year } = pick(params, places.data?.items ?? []);
  const kind = params.get('kind') ?? '';
  const q = qs({ jurisdiction: place, year: year === 'all' ? undefined : year, kind: kind || undefined });
  const s = useApi<StatsAnswer>(place ? `/api/public/proposals/stats${q}` : null);
  useTitle(t('pp.statsTitle'));
  return (
    <>
      <ProposalsNav active="proposals/stats" />
      <h1>{t('pp.statsTitle')}</h1>
      <p className="muted">{t('pp.statsIntro')}</p>
      {places.error && <ErrorBox message={places.error} />}
      {places.data && places.data.items.length === 0 && <p className="muted">{t('pp.noPlaces')}</p>}
      {place && (
        <div className="filters">
          <PlaceYear params={params} places={places.data?.items ?? []} path={path} />
          <FilterSelect
            label={t('pp.kind')}
            value={kind}
            onChange={(v) => navigate(path, { ...Object.fromEntries(params), kind: v }, true)}
            testId="stats-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))}
          />
          <span className="spacer" />
          <Downloads path="/api/public/proposals/stats" query={q} />
        </div>
      )}
      {s.error && <ErrorBox message={s.error} />}
      {s.loading && !s.data && <Loading />}
      {s.data && (
        <>
          <p className="summary" data-testid="stats-summary">
            {summaryLine(t, s.data)}
          </p>
          <p className="muted small">
            {place} · {year === 'all' ? t('pp.allYears') : t('pp.yearN', { y: year })} · {isOneOf(KINDS, kind) ? t(`pp.kindLong.${kind}`) : t('pp.bothKinds')} ·{' '}
            {t('pp.asOf', { date: s.data.as_of })}
          </p>
          <StatsTable s={s.data} />
          <p className="muted small">{t('pp.statsNote')}</p>
        </>
      )}
      {!account && ready && (
        <p className="muted small">
          <a href={href('proposals', { signin: 1 })}>{t('pp.signIn')}</a>
        </p>
      )}
    </>
  );
}
