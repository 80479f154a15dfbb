/**
 * The header of every page: the brand, the sections, the language switch. On a narrow screen the
 * sections fold behind a menu button; the deputies' ballot (`minimal`) shows no office navigation.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { href } from '../router';

const NAV = [
  ['library', 'nav.library'],
  ['check', 'nav.check'],
  ['compare', 'nav.compare'],
  ['cascade', 'nav.cascade'],
  ['search', 'nav.search'],
  ['ledger', 'nav.ledger'],
  ['votes', 'nav.votes'],
  ['proposals', 'nav.proposals'],
] as const;

/** `active`: the section the page belongs under; `minimal`: brand and language only. */
export function Header({ active, minimal = false }: { active: string; minimal?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const [open, setOpen] = useState(false);
  // A section chosen from the menu (or any other way of moving on) folds it again.
  useEffect(() => {
    const close = () => setOpen(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);
  const brand = (
    <>
      <span className="seal">落实</span>
      <span className="tagline">{t('app.tagline')}</span>
    </>
  );
  return (
    <header className={`top${open ? ' open' : ''}${minimal ? ' minimal' : ''}`}>
      {minimal ? (
        <span className="brand">{brand}</span>
      ) : (
        <a className="brand" href={href('library')}>
          {brand}
        </a>
      )}
      {!minimal && (
        <>
          <button type="button" className="menu" data-testid="menu" aria-expanded={open} aria-controls="sections" onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true">☰</span> {t('menu')}
          </button>
          <nav id="sections" aria-label={t('menu')}>
            {NAV.map(([path, key]) => (
              <a key={path} href={href(path)} className={active === path ? 'active' : ''} aria-current={active === path ? 'page' : undefined}>
                {t(key)}
              </a>
            ))}
          </nav>
        </>
      )}
      <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
        {t('lang.switch')}
      </button>
    </header>
  );
}
