/**
 * The scorecard in one sentence a journalist can quote: "2023年主要预期目标8项：已完成1项、未完成2项…；
 * 承诺事项64项：…". Targets (主要预期目标) and commitments (承诺事项) apart; each group lists its
 * verdicts in the vocabulary's order, leaving out those with none.
 */
import type { I18n } from '../../i18n';
import { VERDICTS, type CheckItem, type Verdict } from '../../types';

export type Group = 'target' | 'commitment';
export const GROUPS: readonly Group[] = ['target', 'commitment'];

export type Tally = Record<Verdict, number> & { total: number };

/** Counts by verdict (the current one: a ruling's where there is one) of each group. */
export function tally(items: readonly Pick<CheckItem, 'source' | 'verdict'>[]): Record<Group, Tally> {
  const empty = (): Tally => ({ total: 0, ...(Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>) });
  const out: Record<Group, Tally> = { target: empty(), commitment: empty() };
  for (const item of items) {
    const g = out[item.source];
    g[item.verdict] += 1;
    g.total += 1;
  }
  return out;
}

/** "已完成4项、未完成3项" / "4 met, 3 missed". */
function list(t: I18n['t'], lang: I18n['lang'], counts: Tally): string {
  return VERDICTS.filter((v) => counts[v] > 0)
    .map((v) => t('sc.sum.count', { n: counts[v], verdict: lang === 'en' ? t(`v.${v}`).toLowerCase() : t(`v.${v}`) }))
    .join(t('cc.listSep'));
}

/**
 * The quotable line. `reviewed`: how many items a reviewer ruled on, undefined while the server
 * knows no rulings (every verdict then is the machine's).
 */
export function summaryLine({ t, lang }: Pick<I18n, 't' | 'lang'>, year: number | string, items: readonly Pick<CheckItem, 'source' | 'verdict'>[], reviewed?: number): string {
  const by = tally(items);
  const parts: string[] = [];
  if (by.target.total) parts.push(t('sc.sum.targets', { year, n: by.target.total, list: list(t, lang, by.target) }));
  if (by.commitment.total) parts.push(t(parts.length ? 'sc.sum.commitments' : 'sc.sum.commitmentsFirst', { year, n: by.commitment.total, list: list(t, lang, by.commitment) }));
  const total = by.target.total + by.commitment.total;
  const review = !reviewed ? t('sc.sum.machine') : reviewed >= total ? t('sc.sum.allReviewed') : t('sc.sum.reviewed', { n: reviewed });
  return `${parts.join(t('sc.sum.sep'))}${t('sc.sum.sep')}${review}${t('sc.sum.end')}`;
}
