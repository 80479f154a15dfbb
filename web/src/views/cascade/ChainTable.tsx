/** The chain as a table in tree order: each place indented under its parent, its target, the step from the level above, the next report's verdict. */
import { levelLabel, num } from '../../format';
import { useI18n, type I18n } from '../../i18n';
import { href } from '../../router';
import type { CascadeNode } from '../../types';
import { DataTable } from '../../ui/DataTable';
import { stepCore, targetText } from './labels';

const COMPARED = new Set<CascadeNode['step']['status']>(['raised', 'same', 'lowered']);

function PlaceCell({ n, top }: { n: CascadeNode; top: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const level = levelLabel(n.level, i18n);
  return (
    <span className="cc-place" style={{ paddingLeft: `${(n.depth - top) * 1.4}em` }}>
      {n.report ? <a href={href(`report/${n.report.document_id}`)}>{n.place}</a> : <span className="cc-gap-name">{n.place}</span>}
      {level !== n.place && <span className="muted small"> {level}</span>}
      {n.report && n.report.others.length > 0 && <span className="muted small block">{t('cc.otherReports', { n: n.report.others.length })}</span>}
    </span>
  );
}

function TargetCell({ n }: { n: CascadeNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!n.report) return <span className="cc-gap" data-testid="gap">{t('cc.noReport')}</span>;
  if (!n.target) return <span className="muted">{t('cc.noTarget')}</span>;
  const tg = n.target;
  return (
    <>
      <a href={href(`report/${tg.document_id}`, { at: tg.start, end: tg.end })} title={tg.text}>
        {targetText(tg, i18n)}
      </a>
      {tg.scope && <span className="muted small"> {tg.scope}</span>}
      {tg.others.length > 0 && (
        <span className="muted small block" title={tg.others.join('\n')}>
          {t('cc.others', { n: tg.others.length })}
        </span>
      )}
    </>
  );
}

/** Where the level above sets no figure to compare: the nearest level further up that does, named as such. */
function AncestorLine({ n, byPlace, i18n }: { n: CascadeNode; byPlace: Map<string, CascadeNode>; i18n: I18n }) {
  const a = n.ancestor_step;
  if (!a || !a.against) return null;
  const { t } = i18n;
  // One level passed over is the step's own message (上级报告未入库); more are listed.
  const skipped = a.skipped.length > 1 ? a.skipped.map((s) => t(`cc.skip.${s.reason}`, { place: s.place })).join(t('cc.listSep')) : '';
  return (
    <div className="small cc-ancestor" data-testid="ancestor">
      {t('cc.ancestor', { place: a.against })}
      {stepCore(a, n.target, byPlace.get(a.against)?.target ?? null, i18n)}
      {skipped && <span className="muted">{t('cc.paren', { x: t('cc.skipped', { list: skipped }) })}</span>}
    </div>
  );
}

function StepCell({ n, byPlace }: { n: CascadeNode; byPlace: Map<string, CascadeNode> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const against = n.step.against;
  const above = against ? (byPlace.get(against)?.target ?? null) : null;
  return (
    <>
      <span className={`cc-step cc-${n.step.status}`}>{stepCore(n.step, n.target, above, i18n)}</span>
      {n.lower_than_parent && (
        <span className="cc-flag" data-testid="lower-flag">
          {t('cc.lower')}
        </span>
      )}
      {COMPARED.has(n.step.status) && against && (
        <span className="muted small block">{above ? t('cc.against', { place: against, target: targetText(above, i18n) }) : t('cc.againstPlace', { place: against })}</span>
      )}
      <AncestorLine n={n} byPlace={byPlace} i18n={i18n} />
    </>
  );
}

function OutcomeCell({ n }: { n: CascadeNode }) {
  const { t } = useI18n();
  const c = n.check;
  if (!c || c.outcome === null) return <>{t('none')}</>;
  return (
    <>
      <a href={href(`report/${c.review_document}`)} title={c.outcome_text ?? undefined}>
        {num(c.outcome)}
        {c.outcome_unit ?? ''}
      </a>
      {c.estimated && <span className="muted small"> {t('cc.estimated')}</span>}
    </>
  );
}

function VerdictCell({ n, year }: { n: CascadeNode; year: number }) {
  const { t } = useI18n();
  const card = href('check', { place: n.place, year });
  if (n.check)
    return (
      <a className={`verdict ${n.check.verdict}`} href={card} data-testid="verdict">
        {t(`v.${n.check.verdict}`)}
      </a>
    );
  if (n.unchecked === 'no_next_report') return <span className="muted small">{t('cc.noNext')}</span>;
  // A fault: the scorecard did not list this target. Its page shows what it did list.
  if (n.unchecked === 'not_in_scorecard') return <a href={card}>{t('cc.notInCard')}</a>;
  return null;
}

export function ChainTable({ nodes, year }: { nodes: readonly CascadeNode[]; year: number }) {
  const { t } = useI18n();
  const byPlace = new Map(nodes.map((n) => [n.place, n]));
  const top = Math.min(...nodes.map((n) => n.depth));
  return (
    <DataTable
      className="grid cc-chain"
      testId="chain"
      rows={nodes}
      rowKey={(n) => n.place}
      rowProps={(n) => ({
        'data-testid': 'chain-row',
        'data-place': n.place,
        'data-step': n.step.status,
        className: [n.report ? '' : 'cc-gap-row', n.lower_than_parent ? 'cc-lower-row' : ''].join(' ').trim() || undefined,
      })}
      columns={[
        { head: t('col.place'), cell: (n) => <PlaceCell n={n} top={top} /> },
        { head: t('cc.col.target'), className: 'nowrap', testId: 'target', cell: (n) => <TargetCell n={n} /> },
        { head: t('cc.col.step'), testId: 'step', cell: (n) => <StepCell n={n} byPlace={byPlace} /> },
        { head: t('cc.col.outcome'), className: 'nowrap', cell: (n) => <OutcomeCell n={n} /> },
        { head: t('cc.col.verdict'), className: 'nowrap', testId: 'check', cell: (n) => <VerdictCell n={n} year={year} /> },
      ]}
    />
  );
}
