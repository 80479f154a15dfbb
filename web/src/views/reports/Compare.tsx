/** `#/compare`: one indicator's targets and outcomes across places and years, as a chart and a table. */
import { useMemo } from 'react';
import { qs, useApi } from '../../api';
import { Chart } from '../../Chart';
import { formatValue, INDICATOR_ZH, indicatorLabel, num } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import type { FactRecord, Page } from '../../types';
import { Choice, Downloads, ErrorBox, Loading } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';

interface Row {
  place: string;
  year: number;
  target?: FactRecord;
  outcome?: FactRecord;
}

const PALETTE = ['#b3261e', '#1d4ed8', '#15803d', '#b45309', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];
const measureOf = (f: FactRecord) => `${f.kind ?? ''}|${f.unit ?? ''}`;
/** Outcome minus target, when both have a value. */
const gap = (r: Row) => (r.target?.value != null && r.outcome?.value != null ? r.outcome.value - r.target.value : null);
const gapClass = (g: number | null) => `n ${g === null ? '' : g >= 0 ? 'pos' : 'neg'}`;
const gapText = (g: number | null) => (g === null ? '—' : `${g > 0 ? '+' : ''}${num(g)}`);

export function Compare({ params }: { params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
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
        <Choice
          label={t('cmp.indicator')}
          value={indicator}
          onChange={(v) => navigate('compare', { indicator: v }, true)}
          testId="indicator"
          options={options.map((id) => ({ value: id, label: indicatorLabel(id, lang) }))}
        />
        {measures.length > 1 && (
          <Choice label={t('cmp.measure')} value={measure} onChange={(v) => navigate('compare', { indicator, measure: v }, true)} options={measures.map((m) => ({ value: m, label: m.replace('|', ' · ') }))} />
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
          <DataTable
            testId="compare-table"
            rows={rows}
            rowKey={(r) => `${r.place}${r.year}`}
            columns={[
              { head: t('col.place'), cell: (r) => r.place },
              { head: t('f.year'), cell: (r) => r.year },
              { head: t('cmp.target'), cell: (r) => (r.target ? <a href={href(`report/${r.target.document_id}`, { fact: r.target.id })}>{formatValue(r.target, i18n)}</a> : '—') },
              {
                head: t('cmp.outcome'),
                cell: (r) => (
                  <>
                    {r.outcome ? <a href={href(`report/${r.outcome.document_id}`, { fact: r.outcome.id })}>{formatValue(r.outcome, i18n)}</a> : '—'}
                    {r.outcome?.estimated && <span className="muted small"> ({t('sc.estimated')})</span>}
                  </>
                ),
              },
              { head: t('cmp.diff'), headClassName: 'n', className: (r) => gapClass(gap(r)), cell: (r) => gapText(gap(r)) },
            ]}
          />
        </>
      )}
    </div>
  );
}
