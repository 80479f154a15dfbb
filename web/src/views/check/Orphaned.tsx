/** Rulings whose promise a re-import or a new reading no longer produces: listed, never dropped. */
import { when } from '../../format';
import { useI18n } from '../../i18n';
import type { Scorecard } from '../../types';
import { DataTable } from '../../ui/DataTable';

export function Orphaned({ card }: { card: Scorecard }) {
  const { t } = useI18n();
  if (!card.orphaned.length) return null;
  return (
    <section data-testid="orphaned">
      <h2>{t('rl.orphaned', { n: card.orphaned.length })}</h2>
      <p className="muted small">{t('rl.orphanedIntro')}</p>
      <DataTable
        rows={card.orphaned}
        rowKey={(o) => o.key}
        columns={[
          { head: t('sc.verdict'), cell: (o) => <span className={`verdict ${o.verdict}`}>{t(`v.${o.verdict}`)}</span> },
          { head: t('sc.promise'), className: 'promise', cell: (o) => o.promise },
          { head: t('rl.reviewer'), cell: (o) => o.reviewer },
          { head: t('rl.date'), className: 'nowrap', cell: (o) => when(o.ruled_at) },
          { head: t('rl.reason'), cell: (o) => o.reason ?? '—' },
        ]}
      />
    </section>
  );
}
