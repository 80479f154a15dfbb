import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n, type T } from './i18n';
import { useRoute, type Route } from './router';
import { SessionCtx, useSessionState } from './session';
import { VERDICT_COLOURS } from './types';
import { Header } from './ui/Header';
import { useTitle } from './ui/title';
import { Login, RequireLogin } from './views/account/Login';
import { People } from './views/account/People';
import { Reset } from './views/account/Reset';
import { Board, MyTasks } from './views/ledger/Board';
import { LedgerPage } from './views/ledger/common';
import { TaskPage } from './views/ledger/TaskPage';
import { ProposalPage } from './views/proposals/ItemPage';
import { Proposals } from './views/proposals/List';
import { ProposalStats } from './views/proposals/Stats';
import { Library } from './views/reports/Library';
import { Reader } from './views/reports/Reader';
import { ScorecardView } from './views/check/Scorecard';
import { YearsView } from './views/check/Years';
import { Search } from './views/reports/Search';
import { Ballot } from './views/votes/Ballot';
import { VoteSessionPage } from './views/votes/SessionPage';
import { VoteResults, VoteSessions } from './views/votes/Sessions';
import './style.css';
import './narrow.css';

// A shared link's path form (`/check/…`, whose page the server fills with the promise's title and
// preview) opens the same view as its hash route.
if (location.pathname !== '/' && !location.hash) history.replaceState(null, '', `/#${location.pathname}${location.search}`);

// Verdict colours come from the shared vocabulary: badges (CSS) and charts use the same ones.
for (const [verdict, colour] of Object.entries(VERDICT_COLOURS)) document.documentElement.style.setProperty(`--${verdict}`, colour);

// ECharts is large: load it with the pages that draw charts only.
const Compare = lazy(() => import('./views/reports/Compare').then((m) => ({ default: m.Compare })));
const CascadeView = lazy(() => import('./views/cascade/Cascade').then((m) => ({ default: m.CascadeView })));
const LedgerDashboard = lazy(() => import('./views/ledger/Dashboard').then((m) => ({ default: m.LedgerDashboard })));

/** The page for a route. */
function page({ path, params }: Route): ReactNode {
  const [view = 'library', sub, id] = path;
  const item = id ? Number(id) : undefined;
  switch (view) {
    case 'login':
      return <Login next="login" />;
    case 'reset':
      return <Reset />;
    case 'people':
      return <LedgerPage active="people"><People /></LedgerPage>;
    case 'ledger':
      if (sub === 'task' && item) return <LedgerPage active="ledger"><TaskPage id={item} /></LedgerPage>;
      if (sub === 'mine') return <LedgerPage active="ledger/mine"><MyTasks /></LedgerPage>;
      if (sub === 'dashboard') return <LedgerPage active="ledger/dashboard"><LedgerDashboard params={params} /></LedgerPage>;
      return <LedgerPage active="ledger"><Board params={params} /></LedgerPage>;
    case 'votes':
      if (sub === 'session' && item) return <RequireLogin active={path.join('/')}><VoteSessionPage id={item} /></RequireLogin>;
      if (sub === 'results' && item) return <VoteResults id={item} />;
      return <VoteSessions />;
    case 'proposals':
      if (sub === 'item' && item) return <RequireLogin active={path.join('/')}><ProposalPage id={item} /></RequireLogin>;
      if (sub === 'stats') return <ProposalStats params={params} />;
      return <Proposals params={params} />;
    case 'vote':
      return <Ballot />;
    case 'report':
      return sub ? <Reader id={Number(sub)} params={params} /> : <Library params={params} />;
    case 'check':
      return path[2] === 'years' ? <YearsView place={path[1]} /> : <ScorecardView params={params} path={path} />;
    case 'compare':
      return <Compare params={params} />;
    case 'cascade':
      return <CascadeView params={params} />;
    case 'search':
      return <Search params={params} />;
    default:
      return <Library params={params} />;
  }
}

/** The page title a route has until its view names it more precisely (a report, a task, a session). */
function routeTitle({ path, params }: Route, t: T): string {
  const [view = 'library', sub] = path;
  const with_ = (...parts: (string | null)[]) => parts.filter(Boolean).join(' · ');
  switch (view) {
    case 'login':
      return t('lg.title');
    case 'reset':
      return t('rs.title');
    case 'people':
      return t('pe.title');
    case 'ledger':
      return sub === 'mine' ? t('my.title') : sub === 'dashboard' ? t('db.title') : t('ld.title');
    case 'votes':
      return t('vt.title');
    case 'vote':
      return t('vt.ballotTitle');
    case 'proposals':
      return sub === 'stats' ? t('pp.statsTitle') : t('pp.title');
    case 'check':
      return with_(t('sc.title'), path[1] ?? params.get('place'), path[2] ?? params.get('year'));
    case 'compare':
      return t('cmp.title');
    case 'report':
      return path[1] ? t('rd.reader') : t('lib.title');
    case 'search':
      return with_(t('sr.title'), params.get('q'));
    default:
      return t('lib.title');
  }
}

/** Sets the route's title; placed before the page, whose own title (set after, effects running in order) wins. */
function RouteTitle({ route }: { route: Route }) {
  const { t } = useI18n();
  useTitle(routeTitle(route, t));
  return null;
}

/** The header link a view belongs under. */
const SECTION: Record<string, string> = { report: 'library', login: 'ledger', reset: 'ledger', people: 'ledger', vote: 'votes' };

function App() {
  const { t } = useI18n();
  const route = useRoute();
  const session = useSessionState();
  const view = route.path[0] ?? 'library';
  return (
    <SessionCtx.Provider value={session}>
      <Header active={SECTION[view] ?? view} minimal={view === 'vote'} />
      <RouteTitle route={route} />
      <main className={view === 'vote' ? 'ballot-page' : undefined}>
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>{page(route)}</Suspense>
      </main>
    </SessionCtx.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
