import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n';
import { href, useRoute } from './router';
import { Library } from './views/Library';
import { Reader } from './views/Reader';
import { ScorecardView } from './views/Scorecard';
import { Search } from './views/Search';
import { Board, Login, MyTasks, RequireLogin, TaskPage } from './views/Ledger';
import { LedgerCtx, useLedgerAuth } from './ledger';
import { Ballot, VoteResults, VoteSessionPage, VoteSessions } from './views/Votes';
import { ProposalPage, Proposals, ProposalStats } from './views/Proposals';
import './style.css';

// ECharts is large: load it with the Compare view only.
const Compare = lazy(() => import('./views/Compare').then((m) => ({ default: m.Compare })));
const LedgerDashboard = lazy(() => import('./views/LedgerDashboard').then((m) => ({ default: m.LedgerDashboard })));

const NAV = [
  ['library', 'nav.library'],
  ['check', 'nav.check'],
  ['compare', 'nav.compare'],
  ['search', 'nav.search'],
  ['ledger', 'nav.ledger'],
  ['votes', 'nav.votes'],
  ['proposals', 'nav.proposals'],
] as const;

function App() {
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  const auth = useLedgerAuth();
  const view = route.path[0] ?? 'library';
  let body;
  if (view === 'login') body = <Login next="login" />;
  else if (view === 'ledger') {
    const sub = route.path[1];
    if (sub === 'task' && route.path[2]) body = <RequireLogin active="ledger"><TaskPage id={Number(route.path[2])} /></RequireLogin>;
    else if (sub === 'mine') body = <RequireLogin active="ledger/mine"><MyTasks /></RequireLogin>;
    else if (sub === 'dashboard') body = <RequireLogin active="ledger/dashboard"><LedgerDashboard params={route.params} /></RequireLogin>;
    else body = <RequireLogin active="ledger"><Board params={route.params} /></RequireLogin>;
  } else if (view === 'votes') {
    const sub = route.path[1];
    if (sub === 'session' && route.path[2]) body = <RequireLogin active={route.path.join('/')} nav={false}><VoteSessionPage id={Number(route.path[2])} /></RequireLogin>;
    else if (sub === 'results' && route.path[2]) body = <VoteResults id={Number(route.path[2])} />;
    else body = <VoteSessions />;
  } else if (view === 'proposals') {
    const sub = route.path[1];
    if (sub === 'item' && route.path[2]) body = <RequireLogin active={route.path.join('/')} nav={false}><ProposalPage id={Number(route.path[2])} /></RequireLogin>;
    else if (sub === 'stats') body = <ProposalStats params={route.params} />;
    else body = <Proposals params={route.params} />;
  } else if (view === 'vote') body = <Ballot />;
  else if (view === 'report' && route.path[1]) body = <Reader id={Number(route.path[1])} params={route.params} />;
  else if (view === 'check') body = <ScorecardView params={route.params} />;
  else if (view === 'compare') body = <Compare params={route.params} />;
  else if (view === 'search') body = <Search params={route.params} />;
  else body = <Library params={route.params} />;
  const active = view === 'report' ? 'library' : view === 'login' ? 'ledger' : view === 'vote' ? 'votes' : view;
  return (
    <LedgerCtx.Provider value={auth}>
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
    </LedgerCtx.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
