/** 督办看板: tasks by lead unit and light (a stacked bar chart), with completion and on-time rates. */
import { useMemo } from 'react';
import { qs, useApi } from '../../api';
import { Chart } from '../../Chart';
import { pct } from '../../format';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { LIGHTS, type Dashboard, type Page, type Task, type UnitDashboard } from '../../types';
import { ErrorBox, Loading } from '../../ui/common';
import { DataTable, type Column } from '../../ui/DataTable';
import { LedgerPick, useLedgers } from './common';

const COLORS = { green: '#15803d', yellow: '#ca8a04', red: '#b91c1c' } as const;

export function LedgerDashboard({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const tasks = useApi<Page<Task>>('/api/ledger/tasks');
  const ledgers = useLedgers(tasks.data?.items);
  const place = params.get('place') ?? ledgers[0]?.place ?? '';
  const year = params.get('year') ?? (ledgers[0] ? String(ledgers[0].year) : '');
  const dash = useApi<Dashboard>(place && year ? `/api/ledger/dashboard${qs({ jurisdiction: place, year })}` : null);

  const option = useMemo(() => {
    const rows = dash.data?.units ?? [];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 12, right: 24, top: 36, bottom: 12, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => (r.unit_id === null ? t('ld.unassigned') : r.unit)) },
      series: LIGHTS.map((l) => ({ name: t(`light.${l}`), type: 'bar', stack: 'light', color: COLORS[l], barMaxWidth: 28, data: rows.map((r) => r[l]) })),
    };
  }, [dash.data, t]);

  const numeric = (head: string, cell: (r: UnitDashboard) => string | number): Column<UnitDashboard> => ({ head, cell, className: 'n', headClassName: 'n' });
  const columns: Column<UnitDashboard>[] = [
    { head: t('ld.lead'), cell: (r) => (r.unit_id === null ? t('ld.unassigned') : r.unit) },
    numeric(t('db.total'), (r) => r.total),
    ...LIGHTS.map((l) => numeric(t(`light.${l}`), (r) => r[l])),
    numeric(t('db.closed'), (r) => r.closed),
    numeric(t('db.overdue'), (r) => r.overdue_open),
    numeric(t('db.completion'), (r) => pct(r.completion_rate)),
    numeric(t('db.onTime'), (r) => pct(r.on_time_rate)),
  ];
  const totals = dash.data?.totals;
  const closed = dash.data?.units.reduce((n, r) => n + r.closed, 0) ?? 0;
  const onTime = dash.data?.units.reduce((n, r) => n + r.closed_on_time, 0) ?? 0;
  const overdue = dash.data?.units.reduce((n, r) => n + r.overdue_open, 0) ?? 0;
  return (
    <section>
      <h1>{t('db.title')}</h1>
      <div className="filters">
        <LedgerPick ledgers={ledgers} place={place} year={year} onPick={(p, y) => navigate('ledger/dashboard', { place: p, year: y }, true)} testId="dashboard-pick" />
      </div>
      {tasks.error && <ErrorBox message={tasks.error} />}
      {dash.error && <ErrorBox message={dash.error} />}
      {!place && !tasks.loading && <p className="muted">{t('db.pick')}</p>}
      {dash.loading && !dash.data && <Loading />}
      {dash.data && totals && (
        <>
          <div className="stats" data-testid="dashboard-stats">
            <div>
              <b>{totals.total}</b>
              <span>{t('db.total')}</span>
            </div>
            {LIGHTS.map((l) => (
              <div key={l} className={`stat-${l}`}>
                <b>{totals[l]}</b>
                <span>{t(`light.${l}`)}</span>
              </div>
            ))}
            <div>
              <b data-testid="completion-rate">{pct(totals.total ? closed / totals.total : null)}</b>
              <span>{t('db.completion')}</span>
            </div>
            <div>
              <b data-testid="on-time-rate">{pct(closed + overdue ? onTime / (closed + overdue) : null)}</b>
              <span>{t('db.onTime')}</span>
            </div>
          </div>
          <h2>{t('db.byUnit')}</h2>
          <Chart option={option} height={Math.max(220, 60 + 44 * dash.data.units.length)} />
          <DataTable testId="dashboard-table" rows={dash.data.units} rowKey={(r) => String(r.unit_id)} columns={columns} />
          <p className="muted small">{t('db.note')}</p>
        </>
      )}
    </section>
  );
}
