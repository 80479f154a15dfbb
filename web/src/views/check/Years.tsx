/**
 * `#/check/<place>/years`: every stored year of a place side by side (GET /api/check/years). Rows are
 * indicators (main targets first), columns years, each cell the verdict badges of that year's
 * promises on the indicator, each badge the link to its promise.
 */
import { qs, useApi } from '../../api';
import { indicatorLabel } from '../../format';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { VERDICTS, type Verdict } from '../../types';
import { Choice } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useTitle } from '../../ui/title';
import { checkPath } from './keys';
import { useStoredPlaces } from './places';
import { CheckPage } from './Page';

interface Cell {
  key: string;
  verdict: Verdict;
  commitment: string;
  headline: boolean;
}
/** GET /api/check/years (YearsTable in src/check/years.ts, which the browser cannot type-check: it imports the store's helpers). */
interface YearsAnswer {
  jurisdiction: string;
  years: { year: number; counts: Record<Verdict, number>; total: number }[];
  rows: { indicator: string; headline: boolean; cells: Record<string, Cell[]> }[];
}

export function YearsView({ place }: { place: string }) {
  const { t, lang } = useI18n();
  const { places } = useStoredPlaces(place);
  const query = place ? qs({ jurisdiction: place }) : null;
  const { data, error, loading } = useApi<YearsAnswer>(query ? `/api/check/years${query}` : null);
  useTitle(place ? `${t('sc.tab.years')} · ${place}` : undefined);
  const years = data?.years ?? [];
  const badge = (year: number, c: Cell) => (
    <a key={c.key} className={`verdict ${c.verdict}`} href={`#/${checkPath(place, year, c.key)}`} title={c.commitment} data-testid="year-verdict">
      {t(`v.${c.verdict}`)}
    </a>
  );
  return (
    <CheckPage
      active="years"
      intro={t('sc.years.intro')}
      place={place}
      pickers={<Choice label={t('sc.place')} value={place} onChange={(v) => navigate(v ? `check/${encodeURIComponent(v)}/years` : 'check')} testId="years-place" blank="" options={places.map((p) => ({ value: p, label: p }))} />}
      path="/api/check/years"
      query={query}
      pick={t('sc.years.pick')}
      error={error}
      loading={loading}
    >
      {data && !loading && years.length === 0 && <p className="muted">{t('sc.years.none')}</p>}
      {data && !loading && years.length > 0 && (
        <>
          <DataTable
            className="grid years"
            testId="years-table"
            rows={data.rows}
            rowKey={(r) => r.indicator}
            rowProps={(r) => ({ className: r.headline ? 'headline' : undefined, 'data-testid': 'years-row' })}
            columns={[
              { head: t('sc.indicator'), className: 'nowrap', cell: (r) => indicatorLabel(r.indicator, lang) },
              ...years.map((y) => ({
                head: <a href={`#/${checkPath(place, y.year)}`}>{t('sc.years.col', { year: y.year })}</a>,
                label: t('sc.years.col', { year: y.year }),
                cell: (r: YearsAnswer['rows'][number]) => <span className="badges">{(r.cells[String(y.year)] ?? []).map((c) => badge(y.year, c))}</span>,
              })),
            ]}
          />
          <h2>{t('sc.years.totals')}</h2>
          <DataTable
            className="grid"
            testId="years-totals"
            rows={years}
            rowKey={(y) => y.year}
            columns={[
              { head: t('sc.year'), cell: (y) => <a href={`#/${checkPath(place, y.year)}`}>{y.year}</a> },
              { head: t('sc.years.total'), className: 'n', cell: (y) => y.total },
              ...VERDICTS.map((v) => ({ head: t(`v.${v}`), className: 'n', cell: (y: YearsAnswer['years'][number]) => y.counts[v] ?? 0 })),
            ]}
          />
        </>
      )}
    </CheckPage>
  );
}
