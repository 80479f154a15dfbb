/** Pieces the 建议/提案 pages share: the section nav, the reply-status chip, the place/year picker. */
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { useSession } from '../../session';
import type { ProposalPlace, ReplyStatus } from '../../types';
import { Choice } from '../../ui/common';
import { SectionNav } from '../../ui/SectionNav';
import { AccountBox } from '../account/Login';

export function ProposalsNav({ active }: { active: string }) {
  const { t } = useI18n();
  const { account } = useSession();
  // Visitors see the figures only: the list needs an account.
  const stats = ['proposals/stats', t('pp.stats')] as const;
  return (
    <SectionNav active={active} links={account ? [['proposals', t('pp.list')], stats] : [stats]}>
      {account ? (
        <AccountBox testId="proposals-account" then="proposals" />
      ) : (
        <a href={href('proposals', { signin: 1 })} data-testid="proposals-signin">
          {t('pp.signInLink')}
        </a>
      )}
    </SectionNav>
  );
}

export function StatusChip({ status }: { status: ReplyStatus }) {
  const { t } = useI18n();
  return (
    <span className={`rs ${status}`} data-status={status}>
      {t(`pp.rs.${status}`)}
    </span>
  );
}

/** The place and year the page shows: from the URL, else the newest that has items; `all` years when there are none. */
export function pick(params: URLSearchParams, places: ProposalPlace[]) {
  const place = params.get('place') ?? places[0]?.jurisdiction ?? '';
  const years = places.filter((p) => p.jurisdiction === place).map((p) => p.year);
  const year = params.get('year') ?? (years.length ? String(years[0]) : 'all');
  const all = [...new Set([...places.map((p) => p.jurisdiction), ...(place ? [place] : [])])];
  if (year !== 'all' && !years.includes(Number(year))) years.unshift(Number(year));
  return { place, year, years, all };
}

/** The place and year selects; a new place starts at its newest year. */
export function PlaceYear({ params, places, path }: { params: URLSearchParams; places: ProposalPlace[]; path: string }) {
  const { t } = useI18n();
  const { place, year, years, all } = pick(params, places);
  const set = (k: string, v: string) => {
    const next = Object.fromEntries(params);
    next[k] = v;
    if (k === 'place') delete next.year;
    navigate(path, next, true);
  };
  return (
    <>
      <Choice label={t('pp.place')} value={place} onChange={(v) => set('place', v)} testId="pick-place" options={all.map((p) => ({ value: p, label: p }))} />
      <Choice label={t('pp.year')} value={year} onChange={(v) => set('year', v)} testId="pick-year" options={[...years.map((y) => ({ value: y, label: y })), { value: 'all', label: t('all') }]} />
    </>
  );
}

/** 顿号, commas, semicolons or line breaks between names, the way lists of deputies are written. */
export const names = (s: string) => s.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean);
