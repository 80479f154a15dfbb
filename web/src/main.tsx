import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n';
import { href, useRoute } from './router';
import { Library } from './views/Library';
import { Reader } from './views/Reader';
import { ScorecardView } from './views/Scorecard';
import { Search } from './views/Search';
import './style.css';

// ECharts is large: load it with the Compare view only.
const Compare = lazy(() => import('./views/Compare').then((m) => ({ default: m.Compare })));

const NAV = [
  ['library', 'nav.library'],
  ['check', 'nav.check'],
  ['compare', 'nav.compare'],
  ['search', 'nav.search'],
] as const;

function App() {
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  const view = route.path[0] ?? 'library';
  let body;
  if (view === 'report' && route.path[1]) body = <Reader id={Number(route.path[1])} params={route.params} />;
  else if (view === 'check') body = <ScorecardView params={route.params} />;
  else if (view === 'compare') body = <Compare params={route.params} />;
  else if (view === 'search') body = <Search params={route.params} />;
  else body = <Library params={route.params} />;
  const active = view === 'report' ? 'library' : view;
  return (
    <>
      <header className="top">
        <a className="brand" href={href('library')}>
          <span className="seal">落实</span>
          <span className="tagline">{t('app.tagline')}</span>
        </a>
        <nav>
          {NAV.map(([path, key]) => (
            <a key={path} href={href(path)} className={active === path ? 'active' : ''}>
              {t(key)}
            </a>
          ))}
        </nav>
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
          {t('lang.switch')}
        </button>
      </header>
      <main>
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>{body}</Suspense>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
