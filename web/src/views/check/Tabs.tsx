/** The two views of a place's scorecards: one year's, and every year's side by side. */
import { useI18n } from '../../i18n';
import { checkPath } from './keys';

export function Tabs({ place, year, active }: { place: string; year?: string; active: 'year' | 'years' }) {
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
