/** Hash routes (`#/report/3?fact=12`) so every view has a shareable URL and the server needs no rewrites. */
import { useEffect, useState } from 'react';
import { qs } from './api';

export interface Route {
  path: string[];
  params: URLSearchParams;
}

/** The route the address bar shows now (outside React: for code that must not act on a page left meanwhile). */
export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const [p = '', q = ''] = raw.split('?');
  return { path: p.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(q) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  return `#/${path}${qs(params)}`;
}

/** Changes the URL; `replace` keeps form edits out of the history. */
export function navigate(path: string, params: Record<string, string | number | undefined | null> = {}, replace = false): void {
  const target = href(path, params);
  if (replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}
