/**
 * The frame of a place's scorecards, one year's and every year's side by side: the title, the tabs
 * between the two once a place is chosen, the pickers with the sheet's CSV/XLSX links, and the state
 * of the answer.
 */
import type { ReactNode } from 'react';
import type { Problem } from '../../api';
import { useI18n } from '../../i18n';
import { Downloads, ErrorBox, Loading } from '../../ui/common';
import { checkPath } from './keys';

type View = 'year' | 'years';

function Tabs({ place, year, active }: { place: string; year?: string; active: View }) {
  const { t } = useI18n();
  const yearHref = year ? `#/${checkPath(place, year)}` : `#/check?place=${encodeURIComponent(place)}`;
  return (
    <nav className="tabs" data-testid="check-tabs">
      <a href={yearHref} className={active === 'year' ? 'active' : undefined} aria-current={active === 'year' ? 'page' : undefined}>
        {t('sc.tab.year')}
      </a>
      <a href={`#/check/${encodeURIComponent(place)}/years`} className={active === 'years' ? 'active' : undefined} aria-current={active === 'years' ? 'page' : undefined} data-testid="tab-years">
        {t('sc.tab.years')}
      </a>
    </nav>
  );
}

/**
 * `path`: the API list behind the view; `query`, its query once enough is chosen (null before, when
 * `pick` says what to choose). `children`: the answer, shown by the caller once it has come.
 */
export function CheckPage({ active, intro, place, year, pickers, path, query, pick, error, loading, children }: {
  active: View;
  intro: string;
  place: string;
  year?: string;
  pickers: ReactNode;
  path: string;
  query: string | null;
  pick: string;
  error?: Problem;
  loading: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="view">
      <h1>{t('sc.title')}</h1>
      <p className="muted">{intro}</p>
      {place && <Tabs place={place} year={year} active={active} />}
      <div className="filters">
        {pickers}
        <span className="spacer" />
        {query && <Downloads path={path} query={query} />}
      </div>
      {!query && <p className="muted">{pick}</p>}
      {error && <ErrorBox message={error} />}
      {query && loading && <Loading />}
      {children}
    </div>
  );
}
