/**
 * The meter: a scorecard's promises by verdict, main targets and commitments as two bars of equal
 * length (shares, each segment labelled with its count), the share a person has reviewed, and the
 * quotable sentence. Loaded with ECharts, only on the scorecard.
 */
import { useMemo, useState } from 'react';
import { Chart } from '../../Chart';
import { useI18n } from '../../i18n';
import { VERDICT_COLOURS, VERDICTS, type CheckItem } from '../../types';
import { GROUPS, summaryLine, tally } from './summary';

export function Meter({ year, items, reviewed }: { year: number | string; items: readonly CheckItem[]; reviewed?: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [copied, setCopied] = useState(false);
  const by = useMemo(() => tally(items), [items]);
  const groups = GROUPS.filter((g) => by[g].total > 0);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 12, top: 34, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, data: VERDICTS.map((v) => t(`v.${v}`)) },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; name: string; data: { count: number }; value: number }) => `${p.name} · ${p.seriesName}${t('colon')}${p.data.count}（${Math.round(p.value)}%）`,
      },
      xAxis: { type: 'value', max: 100, show: false },
      yAxis: { type: 'category', inverse: true, axisTick: { show: false }, data: groups.map((g) => t(g === 'target' ? 'sc.meter.targets' : 'sc.meter.commitments')) },
      series: VERDICTS.map((v) => ({
        name: t(`v.${v}`),
        type: 'bar',
        stack: 'all',
        barWidth: 26,
        itemStyle: { color: VERDICT_COLOURS[v] },
        label: { show: true, color: '#fff', formatter: (p: { data: { count: number } }) => (p.data.count ? String(p.data.count) : '') },
        data: groups.map((g) => ({ value: (100 * by[g][v]) / by[g].total, count: by[g][v] })),
      })),
    }),
    [by, groups, t],
  );
  const total = items.length;
  const line = summaryLine(i18n, year, items, reviewed);
  const copy = () => {
    void navigator.clipboard?.writeText(line).then(() => setCopied(true), () => undefined);
  };
  return (
    <section className="meter" data-testid="meter">
      <h2>{t('sc.meter')}</h2>
      <p className="quote">
        <span data-testid="summary-line">{line}</span>{' '}
        <button type="button" className="link small" onClick={copy}>
          {copied ? t('sc.sum.copied') : t('sc.sum.copy')}
        </button>
      </p>
      <Chart option={option} height={48 + 40 * groups.length} renderer="svg" testId="meter-chart" />
      {reviewed ? (
        <div className="reviewed" data-testid="reviewed-share">
          <div className="bar">
            <span style={{ width: `${(100 * reviewed) / total}%` }} />
          </div>
          <span className="small">{t('sc.meter.reviewed', { n: reviewed, total, share: Math.round((100 * reviewed) / total) })}</span>
        </div>
      ) : (
        <p className="muted small" data-testid="reviewed-share">
          {t('sc.meter.machine')}
        </p>
      )}
    </section>
  );
}
