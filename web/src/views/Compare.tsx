import { useMemo } from 'react';
import { qs, useApi, type FactRecord, type Page } from '../api';
import { Chart } from '../Chart';
import { Downloads, ErrorBox, Field, Loading } from '../common';
import { formatValue, INDICATOR_ZH, indicatorLabel, num } from '../format';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';

interface Row {
  place: string;
  year: number;
  target?: FactRecord;
  outcome?: FactRecord;
}

const PALETTE = ['#b3261e', '#1d4ed8', '#15803d', '#b45309', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];
const measureOf = (f: FactRecord) => `${f.kind ?? ''}|${f.unit ?? ''}`;

export function Compare({ params }: { params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const indicator = params.get('indicator') || 'gdp';
  const tq = qs({ indicator, _limit: 10000 });
  const oq = qs({ indicator, headline: 'true', _limit: 10000 });
  const targets = useApi<Page<FactRecord>>(`/api/targets${tq}`);
  const outcomes = useApi<Page<FactRecord>>(`/api/outcomes${oq}`);

  // Growth rates and absolute amounts do not share an axis: show one measure at a time, the commonest by default.
  const measures = useMemo(() => {
    const n = new Map<string, number>();
    for (const f of [...(targets.data?.items ?? []), ...(outcomes.data?.items ?? [])]) n.set(measureOf(f), (n.get(measureOf(f)) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  }, [targets.data, outcomes.data]);
  const measure = params.get('measure') && measures.includes(params.get('measure')!) ? params.get('measure')! : measures[0];

  const rows = useMemo(() => {
    const map = new Map<string, Row>();
    const put = (f: FactRecord, key: 'target' | 'outcome', fallbackYear: number | null) => {
      const year = f.year ?? fallbackYear;
      if (!f.jurisdiction || year === null || measureOf(f) !== measure) return;
      const k = `${f.jurisdiction}|${year}`;
      const row = map.get(k) ?? { place: f.jurisdiction, year };
      if (!row[key] || (f.headline && !row[key]!.headline)) row[key] = f;
      map.set(k, row);
    };
    for (const f of targets.data?.items ?? []) put(f, 'target', f.report_year);
    for (const f of outcomes.data?.items ?? []) put(f, 'outcome', f.report_year === null ? null : f.report_year - 1);
    return [...map.values()].sort((a, b) => a.place.localeCompare(b.place, 'zh') || a.year - b.year);
  }, [targets.data, outcomes.data, measure]);

  const option = useMemo(() => {
    const years = [...new Set(rows.map((r) => r.year))].sort();
    const places = [...new Set(rows.map((r) => r.place))];
    const tName = t('cmp.target');
    const oName = t('cmp.outcome');
    const series = places.flatMap((p, i) => {
      const color = PALETTE[i % PALETTE.length];
      const value = (y: number, k: 'target' | 'outcome') => rows.find((r) => r.place === p && r.year === y)?.[k]?.value ?? null;
      return [
        { name: `${p} ${tName}`, type: 'line', color, connectNulls: true, lineStyle: { type: 'dashed' }, symbol: 'emptyCircle', symbolSize: 8, data: years.map((y) => value(y, 'target')) },
        { name: `${p} ${oName}`, type: 'line', color, connectNulls: true, symbol: 'circle', symbolSize: 8, data: years.map((y) => value(y, 'outcome')) },
      ];
    });
    const unit = measure?.split('|')[1] ?? '';
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: unit, scale: true, boundaryGap: ['15%', '15%'] },
      series,
    };
  }, [rows, measure, t]);

  const error = targets.error ?? outcomes.error;
  const options = Object.keys(INDICATOR_ZH).includes(indicator) ? Object.keys(INDICATOR_ZH) : [indicator, ...Object.keys(INDICATOR_ZH)];

  return (
    <div className="view">
      <h1>{t('cmp.title')}</h1>
      <p className="muted">{t('cmp.intro')}</p>
      <div className="filters">
        <Field label={t('cmp.indicator')}>
          <select value={indicator} onChange={(e) => navigate('compare', { indicator: e.target.value }, true)} data-testid="indicator">
            {options.map((id) => (
              <option key={id} value={id}>
                {indicatorLabel(id, lang)}
              </option>
            ))}
          </select>
        </Field>
        {measures.length > 1 && (
          <Field label={t('cmp.measure')}>
            <select value={measure} onChange={(e) => navigate('compare', { indicator, measure: e.target.value }, true)}>
              {measures.map((m) => (
                <option key={m} value={m}>
                  {m.replace('|', ' · ')}
                </option>
              ))}
            </select>
          </Field>
        )}
        <span className="spacer" />
        <span className="small muted">{t('cmp.targets')}</span>
        <Downloads path="/api/targets" query={tq} />
        <span className="small muted">{t('cmp.outcomes')}</span>
        <Downloads path="/api/outcomes" query={oq} />
      </div>
      {error && <ErrorBox message={error} />}
      {(targets.loading || outcomes.loading) && <Loading />}
      {!targets.loading && !outcomes.loading && rows.length === 0 && !error && <p className="muted">{t('cmp.empty')}</p>}
      {rows.length > 0 && (
        <>
          <Chart option={option} />
          <table className="grid" data-testid="compare-table">
            <thead>
              <tr>
                <th>{t('col.place')}</th>
                <th>{t('f.year')}</th>
                <th>{t('cmp.target')}</th>
                <th>{t('cmp.outcome')}</th>
                <th className="n">{t('cmp.diff')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const gap = r.target?.value != null && r.outcome?.value != null ? r.outcome.value - r.target.value : null;
                return (
                  <tr key={`${r.place}${r.year}`}>
                    <td>{r.place}</td>
                    <td>{r.year}</td>
                    <td>{r.target ? <a href={href(`report/${r.target.document_id}`, { fact: r.target.id })}>{formatValue(r.target, t, lang)}</a> : '—'}</td>
                    <td>
                      {r.outcome ? <a href={href(`report/${r.outcome.document_id}`, { fact: r.outcome.id })}>{formatValue(r.outcome, t, lang)}</a> : '—'}
                      {r.outcome?.estimated && <span className="muted small"> ({t('sc.estimated')})</span>}
                    </td>
                    <td className={`n ${gap === null ? '' : gap >= 0 ? 'pos' : 'neg'}`}>{gap === null ? '—' : `${gap > 0 ? '+' : ''}${num(gap)}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
