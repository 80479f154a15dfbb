import { Fragment, useMemo, useState } from 'react';
import { qs, useApi, VERDICTS, type CheckItem, type DocumentSummary, type Page, type Scorecard, type Verdict } from '../api';
import { Downloads, ErrorBox, Field, Loading } from '../common';
import { formatValue, indicatorLabel, num } from '../format';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';

function Rows({ items, card, open, toggle }: { items: { item: CheckItem; i: number }[]; card: Scorecard; open: Set<number>; toggle: (i: number) => void }) {
  const { t, lang } = useI18n();
  return (
    <>
      {items.map(({ item, i }) => {
        const isOpen = open.has(i);
        return (
          <Fragment key={i}>
            <tr className={`row ${isOpen ? 'open' : ''}`} data-testid="check-row" onClick={() => toggle(i)} aria-expanded={isOpen}>
              <td>
                <span className={`verdict ${item.verdict}`}>{t(`v.${item.verdict}`)}</span>
              </td>
              <td>{indicatorLabel(item.indicator, lang)}</td>
              <td className="promise">{item.commitment}</td>
              <td className="nowrap">{item.target ? formatValue(item.target, t, lang) : '—'}</td>
              <td className="nowrap">
                {item.outcome !== undefined ? `${num(item.outcome)}${item.outcome_unit ?? ''}` : '—'}
                {item.estimated ? <span className="muted small"> ({t('sc.estimated')})</span> : null}
              </td>
              <td>
                <button type="button" className="link" aria-label={t('sc.expand')}>
                  {isOpen ? '▾' : '▸'}
                </button>
              </td>
            </tr>
            {isOpen && (
              <tr className="detail" data-testid="check-detail">
                <td colSpan={6}>
                  <div className="side-by-side">
                    <div>
                      <h4>{t('sc.plan', { label: card.plan_report.label })}</h4>
                      <p className="sentence">{item.commitment}</p>
                      {card.plan_report.id !== undefined && (
                        <a className="small" href={href(`report/${card.plan_report.id}`, { at: item.plan_span.start, end: item.plan_span.end })}>
                          {t('sc.open')}
                        </a>
                      )}
                    </div>
                    <div>
                      <h4>{t('sc.review', { label: card.review_report.label })}</h4>
                      {item.evidence ? (
                        <>
                          <p className="sentence">{item.evidence.text}</p>
                          {card.review_report.id !== undefined && (
                            <a className="small" href={href(`report/${card.review_report.id}`, { at: item.evidence.start, end: item.evidence.end })}>
                              {t('sc.open')}
                            </a>
                          )}
                        </>
                      ) : (
                        <p className="muted">{t('sc.noEvidence')}</p>
                      )}
                    </div>
                  </div>
                  <p className="small">
                    {lang === 'en' ? item.reason.text_en : item.reason.text}
                    <span className="muted"> ({t('sc.confidence')} {item.confidence.toFixed(2)})</span>{' '}
                    {item.note && (
                      <>
                        <b>{t('sc.note')}{t('colon')}</b>
                        {item.note}{' '}
                      </>
                    )}
                    {item.revised && (
                      <>
                        <b>{t('sc.revised')}{t('colon')}</b>
                        {num(item.revised.value)} — {item.revised.text}
                      </>
                    )}
                  </p>
                </td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </>
  );
}

export function ScorecardView({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const place = params.get('place') ?? '';
  const year = params.get('year') ?? '';
  const verdict = (params.get('verdict') ?? '') as Verdict | '';
  const [open, setOpen] = useState<Set<number>>(new Set());
  const reports = useApi<Page<DocumentSummary>>('/api/reports?_limit=10000');
  const places = useMemo(() => [...new Set((reports.data?.items ?? []).map((d) => d.jurisdiction).filter((j): j is string => !!j))].sort(), [reports.data]);
  const years = useMemo(
    () => [...new Set((reports.data?.items ?? []).filter((d) => d.jurisdiction === place).map((d) => d.report_year).filter((y): y is number => y !== null))].sort(),
    [reports.data, place],
  );
  const query = place && /^\d{4}$/.test(year) ? qs({ jurisdiction: place, year }) : null;
  const { data, error, loading } = useApi<Scorecard & { ok: true }>(query ? `/api/check${query}` : null);
  const set = (patch: Record<string, string>) => {
    setOpen(new Set());
    navigate('check', { place, year, verdict, ...patch }, true);
  };
  const toggle = (i: number) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(i)) n.delete(i);
      else n.add(i);
      return n;
    });

  const indexed = (data?.items ?? []).map((item, i) => ({ item, i })).filter(({ item }) => !verdict || item.verdict === verdict);
  const headline = indexed.filter(({ item }) => item.headline);
  const other = indexed.filter(({ item }) => !item.headline);

  const head = (
    <thead>
      <tr>
        <th>{t('sc.verdict')}</th>
        <th>{t('sc.indicator')}</th>
        <th>{t('sc.promise')}</th>
        <th>{t('sc.target')}</th>
        <th>{t('sc.outcome')}</th>
        <th />
      </tr>
    </thead>
  );

  return (
    <div className="view">
      <h1>{t('sc.title')}</h1>
      <p className="muted">{t('sc.intro')}</p>
      <div className="filters">
        <Field label={t('sc.place')}>
          <select value={place} onChange={(e) => set({ place: e.target.value, year: '' })} data-testid="check-place">
            <option value="" />
            {places.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sc.year')}>
          <select value={year} onChange={(e) => set({ year: e.target.value })} data-testid="check-year">
            <option value="" />
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <span className="spacer" />
        {query && <Downloads path="/api/check" query={query} />}
      </div>
      {!query && <p className="muted">{t('sc.pick')}</p>}
      {error && <ErrorBox message={error} />}
      {query && loading && <Loading />}
      {data && !loading && (
        <>
          <div className={`verdict-filter${verdict ? ' filtered' : ''}`} role="group">
            <button type="button" className={`verdict all ${verdict === '' ? 'on' : ''}`} onClick={() => set({ verdict: '' })}>
              {t('all')} {data.items.length}
            </button>
            {VERDICTS.map((v) => (
              <button key={v} type="button" className={`verdict ${v} ${verdict === v ? 'on' : ''}`} onClick={() => set({ verdict: verdict === v ? '' : v })} data-testid={`filter-${v}`}>
                {t(`v.${v}`)} {data.counts[v]}
              </button>
            ))}
          </div>
          <p className="muted small">
            {data.plan_report.label} → {data.review_report.label}
          </p>
          {headline.length > 0 && (
            <>
              <h2>{t('sc.headline')}</h2>
              <table className="grid check" data-testid="check-headline">
                {head}
                <tbody>
                  <Rows items={headline} card={data} open={open} toggle={toggle} />
                </tbody>
              </table>
            </>
          )}
          {other.length > 0 && (
            <>
              <h2>{t('sc.other')}</h2>
              <table className="grid check">
                {head}
                <tbody>
                  <Rows items={other} card={data} open={open} toggle={toggle} />
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
