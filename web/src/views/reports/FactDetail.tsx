/** A selected fact in the reader: its words, its fields by their Chinese names, where it sits (第N段 and offsets). */
import { formatValue, indicatorLabel, kindLabel, qualifierLabel } from '../../format';
import { useI18n, type I18n } from '../../i18n';
import { href } from '../../router';
import type { FactRecord } from '../../types';
import type { Block } from './blocks';

/** "目标", "实绩"…: the label of a fact's table. */
export const factLabel = ({ lookup }: Pick<I18n, 'lookup'>, f: FactRecord) => lookup(`fact.${f.fact}`) ?? f.fact;

/** 第N段, or 标题 for a fact in a heading. */
export function placeOf({ t }: Pick<I18n, 't'>, block: Block | undefined): string {
  if (!block) return t('none');
  return block.heading ? t('loc.heading') : t('loc.para', { n: block.n });
}

export function FactDetail({ fact, unit, block, onClose }: { fact: FactRecord; unit: string; block: Block | undefined; onClose: () => void }) {
  const i18n = useI18n();
  const { t, lang, lookup } = i18n;
  const unitName = lookup(`unit.${unit}`) ?? unit;
  const rows: [label: string, value: string, testId?: string][] = [
    [t('f.indicator'), indicatorLabel(fact.indicator, lang)],
    [t('f.value'), formatValue(fact, i18n)],
    [t('f.kind'), kindLabel(fact.kind, i18n)],
    [t('f.unit'), fact.unit ?? t('none')],
    [t('f.qualifier'), qualifierLabel(fact.qualifier, i18n)],
    [t('f.scope'), fact.scope ?? t('none')],
    [t('f.year'), fact.year === null ? t('none') : String(fact.year)],
    [t('f.headline'), fact.headline ? t('yes') : t('no')],
    [t('f.estimated'), fact.estimated ? t('yes') : t('no')],
    [t('rd.place'), `${placeOf(i18n, block)} · ${t('loc.text', { start: fact.start, end: fact.end })}`, 'fact-place'],
    [t('rd.source'), t('loc.source', { start: fact.source_start, end: fact.source_end, unit: unitName })],
  ];
  return (
    <div className={`fact-detail ${fact.fact}`} data-testid="fact-detail">
      <h3>
        <span className={`chip ${fact.fact}`}>{factLabel(i18n, fact)}</span> #{fact.id}
        <button type="button" className="close" onClick={onClose} aria-label={t('rd.close')} title={t('rd.close')}>
          ×
        </button>
      </h3>
      <blockquote>{fact.text}</blockquote>
      <dl>
        {rows.map(([k, v, testId]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd data-testid={testId}>{v}</dd>
          </div>
        ))}
      </dl>
      {fact.indicator && (
        <a href={href('compare', { indicator: fact.indicator })} className="small">
          {t('nav.compare')} →
        </a>
      )}
      {/* What the API and the CLI call it, for whoever checks a figure against them. */}
      <details className="tech">
        <summary>{t('tech')}</summary>
        <code>
          {fact.fact} #{fact.id} · {fact.indicator ?? '—'} · {fact.kind ?? '—'} · {fact.qualifier ?? '—'} · text {fact.start}–{fact.end} · source {fact.source_start}–{fact.source_end} ({unit})
        </code>
      </details>
    </div>
  );
}
