/**
 * `#/check/<place>/<year>` (or `#/check?place=&year=`): a report's targets and quantified commitments,
 * each checked against the next year's review, with the meter on top. `…/item/<key>` opens one
 * promise expanded: the link a reader shares.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { qs, useApi, useReload } from '../../api';
import { formatValue, indicatorLabel, isOneOf, num } from '../../format';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { VERDICTS, type CheckItem, type Scorecard } from '../../types';
import { Choice, ErrorBox, Loading } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useTitle } from '../../ui/title';
import { Detail } from './Detail';
import { useStoredPlaces } from './places';
import { Orphaned } from './Orphaned';
import { CheckPage } from './Page';

// ECharts is large: the meter loads it apart from the table.
const Meter = lazy(() => import('./Meter').then((m) => ({ default: m.Meter })));

/** A scorecard as the server answers it. */
type Card = Scorecard & { ok: true };

interface Row {
  item: CheckItem;
  key: string;
}

const COLUMNS = 6;

function CheckTable({ rows, card, open, toggle, testId, onSaved }: { rows: Row[]; card: Card; open: Set<string>; toggle: (key: string) => void; testId?: string; onSaved: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <DataTable
      className="grid check"
      testId={testId}
      rows={rows}
      rowKey={(r) => r.key}
      rowProps={({ key }) => ({ className: `row ${open.has(key) ? 'open' : ''}`, 'data-testid': 'check-row', 'data-key': key, onClick: () => toggle(key), 'aria-expanded': open.has(key) })}
      after={({ item, key }) => open.has(key) && <Detail item={item} card={card} colSpan={COLUMNS} onSaved={onSaved} />}
      columns={[
        {
          head: t('sc.verdict'),
          cell: ({ item }) => (
            <>
              <span className={`verdict ${item.verdict}`}>{t(`v.${item.verdict}`)}</span>
              <span className="machine-tag" data-testid="verdict-source">
                {item.current === 'ruling' ? t('sc.ruled') : t('sc.machine')}
              </span>
            </>
          ),
        },
        { head: t('sc.indicator'), cell: ({ item }) => indicatorLabel(item.indicator, lang) },
        { head: t('sc.promise'), className: 'promise', cell: ({ item }) => item.commitment },
        { head: t('sc.target'), className: 'nowrap', cell: ({ item }) => (item.target ? formatValue(item.target, i18n) : '—') },
        {
          head: t('sc.outcome'),
          className: 'nowrap',
          cell: ({ item }) => (
            <>
              {item.outcome !== undefined ? `${num(item.outcome)}${item.outcome_unit ?? ''}` : '—'}
              {item.estimated ? <span className="muted small"> ({t('sc.estimated')})</span> : null}
            </>
          ),
        },
        {
          cell: ({ key }) => (
            <button type="button" className="link" aria-label={t('sc.expand')}>
              {open.has(key) ? '▾' : '▸'}
            </button>
          ),
        },
      ]}
    />
  );
}

/** The first 24 characters of a promise: enough to name it in a tab or a preview. */
const shortText = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

export function ScorecardView({ params, path = [] }: { params: URLSearchParams; path?: string[] }) {
  const { t } = useI18n();
  // `#/check/<place>/<year>[/item/<key>]`, else the query form.
  const place = path[1] ?? params.get('place') ?? '';
  const year = path[2] ?? params.get('year') ?? '';
  const focus = path[3] === 'item' ? path[4] : undefined;
  const given = params.get('verdict') ?? '';
  const verdict = isOneOf(VERDICTS, given) ? given : '';
  const [open, setOpen] = useState<Set<string>>(() => new Set(focus ? [focus] : []));
  const { places, years } = useStoredPlaces(place);
  const query = place && /^\d{4}$/.test(year) ? qs({ jurisdiction: place, year }) : null;
  const [reload, again] = useReload();
  const { data, error, loading } = useApi<Card>(query ? `/api/check${query}` : null, reload);
  const set = (patch: Record<string, string>) => {
    setOpen(new Set());
    navigate('check', { place, year, verdict, ...patch }, true);
  };
  const toggle = (key: string) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });

  // A promise's link opens it (again, when the hash changes on the same page) and brings it into view.
  useEffect(() => {
    if (focus) setOpen((o) => (o.has(focus) ? o : new Set([...o, focus])));
  }, [focus]);
  const focused = focus ? data?.items.find((i) => i.key === focus) : undefined;
  useEffect(() => {
    if (!focused) return;
    document.querySelector(`[data-testid=check-detail][data-key="${CSS.escape(focused.key)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focused]);
  useTitle(focused ? t('sc.itemTitle', { promise: shortText(focused.commitment), place, year }) : undefined);

  const rows: Row[] = (data?.items ?? []).map((item) => ({ item, key: item.key })).filter(({ item, key }) => !verdict || item.verdict === verdict || key === focus);
  const headline = rows.filter(({ item }) => item.headline);
  const other = rows.filter(({ item }) => !item.headline);

  return (
    <CheckPage
      active="year"
      intro={t('sc.intro')}
      place={place}
      year={year}
      pickers={
        <>
          <Choice label={t('sc.place')} value={place} onChange={(v) => set({ place: v, year: '' })} testId="check-place" blank="" options={places.map((p) => ({ value: p, label: p }))} />
          <Choice label={t('sc.year')} value={year} onChange={(v) => set({ year: v })} testId="check-year" blank="" options={years.map((y) => ({ value: y, label: y }))} />
        </>
      }
      path="/api/check"
      query={query}
      pick={t('sc.pick')}
      error={error}
      loading={loading}
    >
      {data && !loading && (
        <>
          <Suspense fallback={<Loading />}>
            <Meter year={year} items={data.items} reviewed={data.reviewed} />
          </Suspense>
          <div className={`verdict-filter${verdict ? ' filtered' : ''}`} role="group">
            <button type="button" className={`verdict all ${verdict === '' ? 'on' : ''}`} onClick={() => set({ verdict: '' })}>
              {t('all')} {data.items.length}
            </button>
            {VERDICTS.filter((v) => v !== 'partly_met' || data.counts[v] > 0).map((v) => (
              <button key={v} type="button" className={`verdict ${v} ${verdict === v ? 'on' : ''}`} onClick={() => set({ verdict: verdict === v ? '' : v })} data-testid={`filter-${v}`}>
                {t(`v.${v}`)} {data.counts[v]}
              </button>
            ))}
          </div>
          <p className="muted small">
            {data.plan_report.label} → {data.review_report.label}
          </p>
          {focus && !focused && <ErrorBox message={t('sc.noItem')} />}
          {headline.length > 0 && (
            <>
              <h2>{t('sc.headline')}</h2>
              <CheckTable testId="check-headline" rows={headline} card={data} open={open} toggle={toggle} onSaved={again} />
            </>
          )}
          {other.length > 0 && (
            <>
              <h2>{t('sc.other')}</h2>
              <CheckTable rows={other} card={data} open={open} toggle={toggle} onSaved={again} />
            </>
          )}
          <Orphaned card={data} />
        </>
      )}
    </CheckPage>
  );
}
