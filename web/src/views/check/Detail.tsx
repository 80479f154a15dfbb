/** An expanded scorecard item: both passages side by side, the basis of the verdict, who decided it, its link. */
import type { ReactNode } from 'react';
import { num } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { renderEn, renderZh, type CheckItem, type Scorecard } from '../../types';
import { checkPath, shareUrl } from './keys';
import { RulingForm, RulingHistory, RulingLine } from './Ruling';

/** A passage of one report, with the link that opens the report at it. */
function Passage({ head, text, doc, span, children }: { head: string; text?: string; doc?: number; span?: { start: number; end: number }; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div>
      <h4>{head}</h4>
      {text !== undefined ? <p className="sentence">{text}</p> : <p className="muted">{t('sc.noEvidence')}</p>}
      {text !== undefined && doc !== undefined && span && (
        <a className="small" href={href(`report/${doc}`, { at: span.start, end: span.end })}>
          {t('sc.open')}
        </a>
      )}
      {children}
    </div>
  );
}

/**
 * The basis line ("依据：目标增长7%左右，容差0.5个百分点，实绩增长6%，未达到"), drawn in the page's language
 * from the reason's fields by the server's own renderer: never the English rule text in Chinese.
 */
export function basisLine(item: CheckItem, lang: 'zh' | 'en'): string {
  return lang === 'en' ? renderEn(item.reason) : renderZh(item.reason);
}

export function Detail({ item, card, colSpan, onSaved }: { item: CheckItem; card: Scorecard; colSpan: number; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const place = card.jurisdiction ?? '';
  const year = card.year ?? '';
  // A reviewer's chosen passage stands in for the machine's.
  const evidence = item.ruling?.evidence ?? item.evidence;
  return (
    <tr className="detail" data-testid="check-detail" data-key={item.key}>
      <td colSpan={colSpan}>
        <div className="side-by-side">
          <Passage head={t('sc.plan', { label: card.plan_report.label })} text={item.commitment} doc={card.plan_report.id} span={item.plan_span} />
          <Passage head={t(item.ruling?.evidence ? 'sc.reviewRuled' : 'sc.review', { label: card.review_report.label })} text={evidence?.text} doc={card.review_report.id} span={evidence}>
            {item.ruling?.evidence && item.evidence && <p className="small muted">{t('sc.machineEvidence', { text: item.evidence.text })}</p>}
          </Passage>
        </div>
        <p className="small basis" data-testid="basis">
          {basisLine(item, lang)}
          <span className="muted">
            {' '}
            ({t('sc.confidence')} {item.confidence.toFixed(2)})
          </span>
        </p>
        {(item.note || item.revised) && (
          <p className="small">
            {item.note && (
              <>
                <b>
                  {t('sc.note')}
                  {t('colon')}
                </b>
                {item.note}{' '}
              </>
            )}
            {item.revised && (
              <>
                <b>
                  {t('sc.revised')}
                  {t('colon')}
                </b>
                {num(item.revised.value)} — {item.revised.text}
              </>
            )}
          </p>
        )}
        <RulingLine item={item} />
        {item.ruling && card.jurisdiction && card.year !== null && <RulingHistory item={item} place={card.jurisdiction} year={card.year} />}
        {card.jurisdiction && card.year !== null && <RulingForm item={item} place={card.jurisdiction} year={card.year} reviewDoc={card.review_report.id} onSaved={onSaved} />}
        {place && year !== '' && (
          <p className="small">
            <a href={`#/${checkPath(place, year, item.key)}`} data-testid="item-link">
              {t('sc.itemLink')}
            </a>{' '}
            <button type="button" className="link" onClick={() => void navigator.clipboard?.writeText(shareUrl(place, year, item.key))} title={shareUrl(place, year, item.key)}>
              {t('sc.copyShare')}
            </button>
          </p>
        )}
      </td>
    </tr>
  );
}
