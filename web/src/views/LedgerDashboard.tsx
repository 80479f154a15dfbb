/** 督办看板: tasks by lead unit and light (a stacked bar chart), with completion and on-time rates. */
import { useMemo } from 'react';
import { qs, useApi, type Page } from '../api';
import { Chart } from '../Chart';
import { ErrorBox, Field, Loading } from '../common';
import { useI18n } from '../i18n';
import { LIGHTS, pct, type Dashboard, type Task } from '../ledger';
import { navigate } from '../router';

const COLORS = { green: '#15803d', yellow: '#ca8a04', red: '#b91c1c' } as const;

export function LedgerDashboard({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const tasks = useApi<Page<Task>>('/api/ledger/tasks');
  const ledgers = useMemo(() => {
    const seen = new Map<string, { place: string; year: number }>();
    for (const x of tasks.data?.items ?? []) seen.set(`${x.jurisdiction}|${x.year}`, { place: x.jurisdiction, year: x.year });
    return [...seen.values()].sort((a, b) => b.year - a.year || a.place.localeCompare(b.place, 'zh'));
  }, [tasks.data]);
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

  const totals = dash.data?.totals;
  const closed = dash.data?.units.reduce((n, r) => n + r.closed, 0) ?? 0;
  const onTime = dash.data?.units.reduce((n, r) => n + r.closed_on_time, 0) ?? 0;
  const overdue = dash.data?.units.reduce((n, r) => n + r.overdue_open, 0) ?? 0;
  return (
    <section>
      <h1>{t('db.title')}</h1>
      <div className="filters">
        <Field label={`${t('ld.place')} / ${t('ld.year')}`}>
          <select
            value={`${place}|${year}`}
            onChange={(e) => {
              const [p, y] = e.target.value.split('|');
              navigate('ledger/dashboard', { place: p, year: y }, true);
            }}
            data-testid="dashboard-pick"
          >
            {ledgers.map((l) => (
              <option key={`${l.place}|${l.year}`} value={`${l.place}|${l.year}`}>
                {l.place} {l.year}
              </option>
            ))}
          </select>
        </Field>
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
          <table className="grid" data-testid="dashboard-table">
            <thead>
              <tr>
                <th>{t('ld.lead')}</th>
                <th className="n">{t('db.total')}</th>
                {LIGHTS.map((l) => (
                  <th key={l} className="n">
                    {t(`light.${l}`)}
                  </th>
                ))}
                <th className="n">{t('db.closed')}</th>
                <th className="n">{t('db.overdue')}</th>
                <th className="n">{t('db.completion')}</th>
                <th className="n">{t('db.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {dash.data.units.map((r) => (
                <tr key={String(r.unit_id)}>
                  <td>{r.unit_id === null ? t('ld.unassigned') : r.unit}</td>
                  <td className="n">{r.total}</td>
                  {LIGHTS.map((l) => (
                    <td key={l} className="n">
                      {r[l]}
                    </td>
                  ))}
                  <td className="n">{r.closed}</td>
                  <td className="n">{r.overdue_open}</td>
                  <td className="n">{pct(r.completion_rate)}</td>
                  <td className="n">{pct(r.on_time_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('db.note')}</p>
        </>
      )}
    </section>
  );
}
