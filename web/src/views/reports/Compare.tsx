/**
 * `#/compare`: one indicator's target against its outcome, by place and year (GET /api/compare, which
 * pairs the year-N target with the outcome the year-N+1 report gives). Filters narrow the places
 * (search, level) and the years; the chart shows a handful of places as small multiples; the table
 * gives every row with the gap between outcome and target wherever both are stated.
 */
import { useMemo } from 'react';
import { qs, useApi } from '../../api';
import { formatValue, INDICATOR_ZH, indicatorLabel, levelLabel, num } from '../../format';
import { useI18n, type I18n } from '../../i18n';
import { href, navigate } from '../../router';
import { convert, LEVELS, type ComparisonRow } from '../../types';
import { Choice, Downloads, ErrorBox, FilterSelect, Loading, TextField } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useTitle } from '../../ui/title';
import { CompareChart } from './CompareChart';

/** Places drawn at once: beyond this a panel grid stops being readable on a screen. */
const MAX_PLACES = 6;
/** Places drawn when none are chosen: the ones with the most years of both figures. */
const FIRST_PLACES = 4;
const KINDS = ['growth', 'level'] as const;

/** Outcome minus target, in the target's unit; 0 within a range; undefined when the units cannot be compared. */
function gap(r: ComparisonRow): number | null | undefined {
  if (r.target_value === null || r.outcome_value === null) return null;
  const o = convert(r.outcome_value, r.outcome_unit, r.target_unit);
  if (o === undefined) return undefined;
  const hi = r.target_max ?? r.target_value;
  return o < r.target_value ? o - r.target_value : o > hi ? o - hi : 0;
}

function gapText(r: ComparisonRow, { t }: Pick<I18n, 't'>): string {
  const g = gap(r);
  if (g === null) return t('none');
  if (g === undefined) return t('cmp.incomparable');
  const unit = r.target_unit === '%' ? t('cmp.points') : r.target_unit ?? '';
  return `${g > 0 ? '+' : ''}${num(g)}${unit}`;
}

const both = (r: ComparisonRow) => r.target_value !== null && r.outcome_value !== null;

export function Compare({ params }: { params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const get = (k: string) => params.get(k) ?? '';
  const indicator = get('indicator') || 'gdp';
  const kind = get('kind') === 'level' ? 'level' : 'growth';
  const [level, q, from, to] = [get('level'), get('q').trim(), get('from'), get('to')];
  const set = (patch: Record<string, string>) => navigate('compare', { ...Object.fromEntries(params), ...patch }, true);
  const query = qs({ indicator, kind, level, jurisdiction: q });
  const { data, error, loading } = useApi<{ items: ComparisonRow[] }>(`/api/compare${query}`);
  useTitle(`${t('cmp.title')} · ${indicatorLabel(indicator, lang)}`);

  const all = data?.items;
  const years = useMemo(() => [...new Set((all ?? []).map((r) => r.year))].sort((a, b) => a - b), [all]);
  const rows = useMemo(() => (all ?? []).filter((r) => (!from || r.year >= Number(from)) && (!to || r.year <= Number(to))), [all, from, to]);
  const placeList = useMemo(() => {
    const score = new Map<string, number>();
    for (const r of rows) score.set(r.jurisdiction, (score.get(r.jurisdiction) ?? 0) + (both(r) ? 100 : 1));
    return [...score.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([p]) => p);
  }, [rows]);
  const asked = get('places').split(',').filter((p) => placeList.includes(p));
  const shown = (asked.length ? asked : placeList.slice(0, FIRST_PLACES)).slice(0, MAX_PLACES);
  const choose = (places: string[]) => set({ places: places.join(',') });
  // The table: the places in the chart, or (asked for) every place the filters leave.
  const whole = get('all') === '1';
  const table = whole ? rows : rows.filter((r) => shown.includes(r.jurisdiction));

  const options = Object.keys(INDICATOR_ZH).includes(indicator) ? Object.keys(INDICATOR_ZH) : [indicator, ...Object.keys(INDICATOR_ZH)];
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const value = (v: number | null, max: number | null, unit: string | null, qualifier: string | null) => formatValue({ value: v, value_max: max, unit, qualifier }, i18n);
  const source = (doc: number | null, text: string | null, shownText: string) =>
    doc === null ? shownText : <a href={href(`report/${doc}`, { find: text })} title={text ?? undefined}>{shownText}</a>;

  return (
    <div className="view compare">
      <h1>{t('cmp.title')}</h1>
      <p className="muted">{t('cmp.intro')}</p>
      <div className="filters">
        <Choice label={t('cmp.indicator')} value={indicator} onChange={(v) => navigate('compare', { indicator: v }, true)} testId="indicator" options={options.map((id) => ({ value: id, label: indicatorLabel(id, lang) }))} />
        <Choice label={t('cmp.measure')} value={kind} onChange={(v) => set({ kind: v, places: '' })} testId="compare-kind" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <FilterSelect label={t('cmp.level')} value={level} onChange={(v) => set({ level: v, places: '' })} testId="compare-level" options={LEVELS.map((l) => ({ value: l, label: levelLabel(l, i18n) }))} />
        <TextField label={t('cmp.q')} type="search" value={get('q')} placeholder={t('cmp.qHint')} onChange={(q) => set({ q, places: '' })} testId="compare-q" />
        <FilterSelect label={t('cmp.from')} value={from} onChange={(v) => set({ from: v })} testId="compare-from" options={yearOptions} />
        <FilterSelect label={t('cmp.to')} value={to} onChange={(v) => set({ to: v })} testId="compare-to" options={yearOptions} />
        <span className="spacer" />
        <Downloads path="/api/compare" query={qs({ indicator, kind, level, jurisdiction: q, year_from: from, year_to: to })} />
      </div>
      {error && <ErrorBox message={error} />}
      {loading && !data && <Loading />}
      {data && rows.length === 0 && <p className="muted">{t('cmp.empty')}</p>}
      {rows.length > 0 && (
        <>
          <div className="chosen" data-testid="compare-places">
            <span className="muted small">{t('cmp.shown')}</span>
            {shown.map((p) => (
              <button key={p} type="button" className="chip place" onClick={() => choose(shown.filter((x) => x !== p))} aria-label={t('cmp.remove', { place: p })} title={t('cmp.remove', { place: p })}>
                {p} ×
              </button>
            ))}
            {shown.length < MAX_PLACES ? (
              <select value="" onChange={(e) => e.target.value && choose([...shown, e.target.value])} aria-label={t('cmp.add')} data-testid="compare-add">
                <option value="">{t('cmp.addPick')}</option>
                {placeList
                  .filter((p) => !shown.includes(p))
                  .map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
              </select>
            ) : (
              <span className="muted small">{t('cmp.max', { n: MAX_PLACES })}</span>
            )}
          </div>
          <CompareChart rows={rows} places={shown} />
          <h2>{t('cmp.tableTitle')}</h2>
          <p className="muted small">
            {t('cmp.rows', { n: table.length, places: whole ? placeList.length : shown.length })}{' '}
            {placeList.length > shown.length && (
              <button type="button" className="link" onClick={() => set({ all: whole ? '' : '1' })} data-testid="compare-all">
                {whole ? t('cmp.onlyShown') : t('cmp.allPlaces', { n: placeList.length })}
              </button>
            )}
          </p>
          <DataTable
            testId="compare-table"
            rows={table}
            rowKey={(r) => `${r.jurisdiction}|${r.year}`}
            rowProps={(r) => ({ 'data-testid': 'compare-row', 'data-both': both(r) })}
            columns={[
              { head: t('col.place'), cell: (r) => r.jurisdiction },
              { head: t('f.year'), cell: (r) => r.year },
              { head: t('cmp.target'), testId: 'target', cell: (r) => (r.target_value === null ? t('none') : source(r.target_document, r.target_text, value(r.target_value, r.target_max, r.target_unit, r.target_qualifier))) },
              {
                head: t('cmp.outcome'),
                testId: 'outcome',
                cell: (r) =>
                  r.outcome_value === null ? (
                    t('none')
                  ) : (
                    <>
                      {source(r.outcome_document, r.outcome_text, value(r.outcome_value, null, r.outcome_unit, null))}
                      {r.outcome_estimated && <span className="muted small"> ({t('sc.estimated')})</span>}
                    </>
                  ),
              },
              { head: t('cmp.diff'), headClassName: 'n', testId: 'gap', className: (r) => `n ${r.verdict === 'met' ? 'pos' : r.verdict === 'missed' ? 'neg' : ''}`, cell: (r) => gapText(r, i18n) },
              { head: t('cmp.verdict'), cell: (r) => (r.verdict && both(r) ? <span className={`verdict ${r.verdict}`}>{t(`v.${r.verdict}`)}</span> : t('none')) },
            ]}
          />
        </>
      )}
    </div>
  );
}
