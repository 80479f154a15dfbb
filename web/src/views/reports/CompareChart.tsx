/**
 * Small multiples for the compare view: one small chart per place, the target as a dashed line (a
 * range as a band) against the outcome as a solid line, every panel on the same years. A handful of
 * places at once: each panel stays readable, and no legend has to name eighty series.
 */
import { useMemo } from 'react';
import { Chart } from '../../Chart';
import { num } from '../../format';
import { useI18n } from '../../i18n';
import { convert, VERDICT_COLOURS, type ComparisonRow } from '../../types';

const TARGET = '#d97706';
const OUTCOME = '#1d4ed8';

/** The unit most of the place's figures are stated in: every value of the panel is converted to it. */
function commonUnit(rows: readonly ComparisonRow[]): string | null {
  const n = new Map<string, number>();
  for (const r of rows) for (const u of [r.target_unit, r.outcome_unit]) if (u) n.set(u, (n.get(u) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function Panel({ place, rows, years }: { place: string; rows: readonly ComparisonRow[]; years: readonly number[] }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const unit = commonUnit(rows);
    const at = (y: number) => rows.find((r) => r.year === y);
    const value = (v: number | null, from: string | null) => (v === null ? null : convert(v, from, unit) ?? null);
    const low = years.map((y) => value(at(y)?.target_value ?? null, at(y)?.target_unit ?? null));
    const high = years.map((y) => value(at(y)?.target_max ?? null, at(y)?.target_unit ?? null));
    const band = years.map((_, i) => (low[i] !== null && high[i] !== null ? high[i]! - low[i]! : null));
    const outcome = years.map((y) => {
      const r = at(y);
      const v = value(r?.outcome_value ?? null, r?.outcome_unit ?? null);
      return v === null ? null : { value: v, itemStyle: { color: (r?.verdict === 'met' || r?.verdict === 'missed' ? VERDICT_COLOURS[r.verdict] : OUTCOME) } };
    });
    const hidden = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } };
    return {
      animation: false,
      grid: { left: 8, right: 14, top: 26, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        // The band's two helper series stay out of the tooltip: it names the target and the outcome only.
        formatter: (ps: { seriesName: string; value: unknown; axisValue: string; marker: string }[]) =>
          [ps[0]?.axisValue ?? '', ...ps.filter((p) => !p.seriesName.startsWith('band')).map((p) => `${p.marker}${p.seriesName} ${typeof p.value === 'number' ? `${num(p.value)}${unit ?? ''}` : '—'}`)].join('<br/>'),
      },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: unit ?? '', scale: true, nameTextStyle: { align: 'left' }, splitNumber: 3 },
      series: [
        { name: 'band-low', type: 'line', stack: 'band', data: band.map((b, i) => (b === null ? null : low[i])), ...hidden },
        { name: 'band', type: 'line', stack: 'band', data: band, areaStyle: { color: TARGET, opacity: 0.25 }, ...hidden },
        { name: t('cmp.target'), type: 'line', data: low, color: TARGET, lineStyle: { type: 'dashed' }, symbol: 'emptyCircle', symbolSize: 7 },
        { name: t('cmp.outcome'), type: 'line', data: outcome, color: OUTCOME, symbol: 'circle', symbolSize: 8 },
      ],
    };
  }, [rows, years, t]);
  return (
    <figure className="panel" data-testid="compare-panel" data-place={place}>
      <figcaption>{place}</figcaption>
      <Chart option={option} height={200} />
    </figure>
  );
}

export function CompareChart({ rows, places }: { rows: readonly ComparisonRow[]; places: readonly string[] }) {
  const { t } = useI18n();
  const years = useMemo(() => {
    const ys = rows.filter((r) => places.includes(r.jurisdiction)).map((r) => r.year);
    if (ys.length === 0) return [];
    const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  }, [rows, places]);
  return (
    <>
      <p className="chart-key small muted">
        <span className="key target" /> {t('cmp.band')} <span className="key outcome" /> {t('cmp.line')}
      </p>
      <div className="panels">
        {places.map((p) => (
          <Panel key={p} place={p} rows={rows.filter((r) => r.jurisdiction === p)} years={years} />
        ))}
      </div>
    </>
  );
}
