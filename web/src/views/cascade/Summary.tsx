/** How the targets of each raise size fared, one line a size: "高于上级1个百分点及以上：14个中9个未完成（另有2个未提及）". */
import { useI18n, type I18n } from '../../i18n';
import type { SummaryRow } from '../../types';

/** The line of one raise size, worded from its counts (the API's `line` is the English of the same). */
export function summaryLine(r: SummaryRow, { t }: Pick<I18n, 't'>): string {
  const decided = r.met + r.missed;
  const head = decided ? t('cc.sum.judged', { decided, missed: r.missed }) : r.places === 1 ? t('cc.sum.one') : t('cc.sum.none', { n: r.places });
  const rest = [
    r.not_reported ? t('cc.sum.not_reported', { n: r.not_reported }) : '',
    r.not_comparable ? t('cc.sum.not_comparable', { n: r.not_comparable }) : '',
    r.unchecked ? t('cc.sum.unchecked', { n: r.unchecked }) : '',
  ].filter(Boolean);
    // Beside a count of judged targets the rest come in addition (另有); with none judged they are all there is.
  const tail = rest.length ? t(decided ? 'cc.sum.rest' : 'cc.sum.restAll', { list: rest.join(t('cc.listSep')) }) : '';
  return `${t(`cc.b.${r.bucket}`)}${t('colon')}${head}${tail}`;
}

export function Summary({ rows }: { rows: readonly SummaryRow[] }) {
  const i18n = useI18n();
  const shown = rows.filter((r) => r.places > 0);
  if (shown.length === 0) return <p className="muted">{i18n.t('cc.noSummary')}</p>;
  return (
    <ul className="cc-summary" data-testid="summary">
      {shown.map((r) => (
        <li key={r.bucket} data-testid="summary-line" data-bucket={r.bucket}>
          {summaryLine(r, i18n)}
        </li>
      ))}
    </ul>
  );
}
