/** The cascade's data in words: targets, steps in points, why a place has no figure to compare. */
import { formatValue, num } from '../../format';
import type { I18n } from '../../i18n';
import type { CascadeNode, CascadeTarget, Step } from '../../types';

type Words = Pick<I18n, 't' | 'lookup' | 'lang'>;

/** A target as the report states it (7%左右, 6–7%), or 仅定性 when it gives no figure. */
export function targetText(target: CascadeTarget | null, i18n: Words): string {
  if (!target) return i18n.t('none');
  if (target.value === null) return i18n.t('cc.qualitative');
  return formatValue(target, i18n);
}

/** +0.5个百分点 / −1.5个百分点 (a true minus sign, so the figure reads as a difference). */
export function points(n: number, { t }: Words): string {
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  return t('cc.pts', { sign, n: num(Math.abs(n)) });
}

/** 增速（%） / 总量（亿元）: what a target measures, to say why two are not comparable. */
export function measureText(target: CascadeTarget | null, { t }: Words): string {
  if (!target) return t('none');
  return t(`cc.kind.${target.kind}`) + t('cc.paren', { x: target.unit ?? t('none') });
}

/** Targets a bar can show: a figure in per cent (rates compare across levels; amounts do not). */
export function rateBar(n: CascadeNode): number | null {
  return n.target && n.target.unit === '%' && n.target.kind !== 'qualitative' ? n.target.bar : null;
}

/** Why a place has no bar: no report, no target, words only, or not a rate. */
export function whyNoBar(n: CascadeNode, i18n: Words): string {
  if (!n.report) return i18n.t('cc.noReport');
  if (!n.target) return i18n.t('cc.noTarget');
  if (n.target.value === null) return i18n.t('cc.qualitative');
  return measureText(n.target, i18n);
}

/** The core of a step compared in points or not comparable, without the level it is against. */
export function stepCore(step: Step, own: CascadeTarget | null, above: CascadeTarget | null, i18n: Words): string {
  const { t } = i18n;
  switch (step.status) {
    case 'raised':
      // A ceiling (失业率, 以内) is raised by a lower figure: say so, or the minus would read as a cut.
      return step.points! < 0 ? `${points(step.points!, i18n)} · ${t('cc.raised')}` : points(step.points!, i18n);
    case 'same':
      return t('cc.same');
    case 'lowered':
      return points(step.points!, i18n);
    case 'qualitative':
      return t('cc.qualitative') + t('cc.paren', { x: own?.value == null ? t('cc.selfNoFigure') : t('cc.parentNoFigure', { place: step.against ?? '' }) });
    case 'not_comparable':
      return t('cc.notComparable') + t('cc.paren', { x: t('cc.measures', { own: measureText(own, i18n), place: step.against ?? '', parent: measureText(above, i18n) }) });
    case 'parent_missing':
      return t('cc.parentMissing', { place: step.against ?? '' });
    case 'parent_no_target':
      return t('cc.parentNoTarget', { place: step.against ?? '' });
    case 'no_report':
    case 'no_target':
    case 'top':
      return t('none');
  }
}
