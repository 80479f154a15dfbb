/** `#/check`: a report's targets and quantified commitments, each checked against the next year's review. */
import { useMemo, useState } from 'react';
import { qs, useApi } from '../../api';
import { formatValue, indicatorLabel, isOneOf, num } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { VERDICTS, type CheckItem, type DocumentSummary, type Page, type Scorecard } from '../../types';
import { Choice, Downloads, ErrorBox, Loading } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';

interface Row {
  item: CheckItem;
  /** The item's place in the scorecard: what stays open across filters. */
  i: number;
}

/** Both sides of one check: the promise, the evidence, the rule that decided. */
function Detail({ item, card }: { item: CheckItem; card: Scorecard }) {
  const { t, lang } = useI18n();
  return (
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
          <span className="muted">
            {' '}
            ({t('sc.confidence')} {item.confidence.toFixed(2)})
          </span>{' '}
          {item.note && (
            <>
              <b>
                {t('sc.note')}
                {t('colon')}
              </b>
              {item.note}{' '}
            </>
          )}
          {item.revised && (
            <>
              <b>
                {t('sc.revised')}
                {t('colon')}
              </b>
              {num(item.revised.value)} — {item.revised.text}
            </>
          )}
        </p>
      </td>
    </tr>
  );
}

function CheckTable({ rows, card, open, toggle, testId }: { rows: Row[]; card: Scorecard; open: Set<number>; toggle: (i: number) => void; testId?: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <DataTable
      className="grid check"
      testId={testId}
      rows={rows}
      rowKey={(r) => r.i}
      rowProps={({ i }) => ({ className: `row ${open.has(i) ? 'open' : ''}`, 'data-testid': 'check-row', onClick: () => toggle(i), 'aria-expanded': open.has(i) })}
      after={({ item, i }) => open.has(i) && <Detail item={item} card={card} />}
      columns={[
        { head: t('sc.verdict'), cell: ({ item }) => <span className={`verdict ${item.verdict}`}>{t(`v.${item.verdict}`)}</span> },
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
          cell: ({ i }) => (
            <button type="button" className="link" aria-label={t('sc.expand')}>
              {open.has(i) ? '▾' : '▸'}
            </button>
          ),
        },
      ]}
    />
  );
}

export function ScorecardView({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const place = params.get('place') ?? '';
  const year = params.get('year') ?? '';
  const given = params.get('verdict') ?? '';
  const verdict = isOneOf(VERDICTS, given) ? given : '';
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

  const indexed: Row[] = (data?.items ?? []).map((item, i) => ({ item, i })).filter(({ item }) => !verdict || item.verdict === verdict);
  const headline = indexed.filter(({ item }) => item.headline);
  const other = indexed.filter(({ item }) => !item.headline);

  return (
    <div className="view">
      <h1>{t('sc.title')}</h1>
      <p className="muted">{t('sc.intro')}</p>
      <div className="filters">
        <Choice label={t('sc.place')} value={place} onChange={(v) => set({ place: v, year: '' })} testId="check-place" blank="" options={places.map((p) => ({ value: p, label: p }))} />
        <Choice label={t('sc.year')} value={year} onChange={(v) => set({ year: v })} testId="check-year" blank="" options={years.map((y) => ({ value: y, label: y }))} />
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
              <CheckTable testId="check-headline" rows={headline} card={data} open={open} toggle={toggle} />
            </>
          )}
          {other.length > 0 && (
            <>
              <h2>{t('sc.other')}</h2>
              <CheckTable rows={other} card={data} open={open} toggle={toggle} />
            </>
          )}
        </>
      )}
    </div>
  );
}
