/**
 * `#/cascade?indicator=gdp&year=2022&root=河北省&parent=保定市`: the target cascade (层层加码) — one
 * indicator's targets for a year from the nation down, each against the level above; the places under
 * one parent side by side; how often targets of each raise size were met. Every pick is in the URL.
 */
import { useMemo } from 'react';
import { qs, useApi } from '../../api';
import { INDICATOR_ZH, indicatorLabel } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import type { Cascade, CascadeNode, DocumentSummary, Page } from '../../types';
import { Choice, Downloads, ErrorBox, Loading } from '../../ui/common';
import { useTitle } from '../../ui/title';
import { ChainTable } from './ChainTable';
import { groupsOf, largestGroup, SideBySide } from './SideBySide';
import { Summary } from './Summary';
import './cascade.css';

/** The places a user may start the tree from: the levels above the current top, the top, and every place below it that has places under it. */
function rootChoices(nodes: readonly CascadeNode[], root: string): { value: string; label: string }[] {
  const top = nodes.find((n) => n.place === root);
  const parents = new Set(nodes.map((n) => n.parent));
  const above = (top?.path.slice(1, -1) ?? []).map((place, i) => ({ place, depth: i + 1 }));
  const below = nodes.filter((n) => n.depth > 0 && (n.place === root || parents.has(n.place)));
  // Full-width spaces indent a place under its parent (a select's options take no markup).
  return [...above, ...below].map((n) => ({ value: n.place, label: '\u3000'.repeat(Math.max(0, n.depth - 1)) + n.place }));
}

export function CascadeView({ params }: { params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  useTitle(t('cc.title'));
  const indicator = params.get('indicator') || 'gdp';
  const root = params.get('root') ?? '';
  const parent = params.get('parent') ?? '';
  const reports = useApi<Page<DocumentSummary>>('/api/reports?_limit=10000');
  const years = useMemo(() => [...new Set((reports.data?.items ?? []).map((d) => d.report_year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [reports.data]);
  const given = params.get('year') ?? '';
  // Without a pick, the latest year anything is stored for.
  const year = /^\d{4}$/.test(given) ? given : years.length ? String(years[0]) : '';
  const query = year ? qs({ indicator, year, root }) : null;
  const { data, error, loading } = useApi<Cascade & { ok: true }>(query ? `/api/cascade${query}` : null);
  const set = (patch: Record<string, string>) => navigate('cascade', { indicator, year: given, root, parent, ...patch }, true);

  const nodes = useMemo(() => data?.nodes ?? [], [data]);
  const groups = useMemo(() => groupsOf(nodes), [nodes]);
  const group = groups.find((g) => g.parent.place === parent) ?? largestGroup(groups);
  const indicators = Object.keys(INDICATOR_ZH).includes(indicator) ? Object.keys(INDICATOR_ZH) : [indicator, ...Object.keys(INDICATOR_ZH)];
  const yearOptions = year && !years.includes(Number(year)) ? [Number(year), ...years] : years;

  return (
    <div className="view">
      <h1>{t('cc.title')}</h1>
      <p className="muted">{t('cc.intro')}</p>
      <div className="filters">
        <Choice
          label={t('cc.indicator')}
          value={indicator}
          onChange={(v) => set({ indicator: v, parent: '' })}
          testId="cascade-indicator"
          options={indicators.map((id) => ({ value: id, label: indicatorLabel(id, lang) }))}
        />
        <Choice label={t('cc.year')} value={year} onChange={(v) => set({ year: v, parent: '' })} testId="cascade-year" options={yearOptions.map((y) => ({ value: y, label: y }))} />
        <Choice
          label={t('cc.root')}
          value={data && root ? data.root : ''}
          onChange={(v) => set({ root: v, parent: '' })}
          testId="cascade-root"
          blank={t('cc.nation')}
          options={data ? rootChoices(nodes, data.root) : []}
        />
        <span className="spacer" />
        {query && <Downloads path="/api/cascade" query={query} />}
      </div>
      {!year && !reports.loading && <p className="muted">{t('cc.pickYear')}</p>}
      {(error ?? reports.error) && <ErrorBox message={(error ?? reports.error)!} />}
      {loading && <Loading />}
      {data && !loading && nodes.length === 0 && <p className="muted">{t('cc.empty', { year })}</p>}
      {data && !loading && nodes.length > 0 && (
        // What is shown, for a reader's tools and tests to tell an answer from the one before it.
        <div data-testid="cascade-result" data-indicator={data.indicator} data-year={data.year} data-root={data.root}>
          <h2>{t('cc.chain')}</h2>
          <ChainTable nodes={nodes} year={data.year} />
          <h2>{t('cc.side')}</h2>
          <p className="muted small">{t('cc.sideIntro')}</p>
          {group ? <SideBySide nodes={nodes} groups={groups} group={group} onPick={(p) => set({ parent: p })} /> : <p className="muted">{t('cc.noChart')}</p>}
          <h2>{t('cc.summary')}</h2>
          <Summary rows={data.summary} />
        </div>
      )}
      {data && data.unplaced.length > 0 && (
        <p className="muted small" data-testid="unplaced">
          {t('cc.unplaced', { n: data.unplaced.length })}
          {data.unplaced.map((u, i) => (
            <span key={u.document_id}>
              {i > 0 && t('cc.listSep')}
              <a href={href(`report/${u.document_id}`)}>{u.jurisdiction ?? `#${u.document_id}`}</a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
