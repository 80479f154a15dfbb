/**
 * One level's places side by side: the places directly under one parent, each target a bar, the
 * parent's target a dashed reference line across them, the next report's outcome a marker.
 * Only targets in per cent are drawn (a county's 亿元 does not share an axis with a province's %).
 */
import { useMemo } from 'react';
import { Chart } from '../../Chart';
import { num } from '../../format';
import { useI18n } from '../../i18n';
import type { CascadeNode } from '../../types';
import { Choice } from '../../ui/common';
import { rateBar, targetText, whyNoBar } from './labels';

/** A parent and the places directly under it. */
export interface Group {
  readonly parent: CascadeNode;
  readonly children: readonly CascadeNode[];
}

const plotted = (g: Group) => g.children.filter((c) => rateBar(c) !== null).length;

/** The parents (in tree order) with at least one place under them that has a rate to draw. */
export function groupsOf(nodes: readonly CascadeNode[]): Group[] {
  const byPlace = new Map(nodes.map((n) => [n.place, n]));
  const groups = new Map<string, { parent: CascadeNode; children: CascadeNode[] }>();
  for (const n of nodes) {
    const parent = n.parent === null ? undefined : byPlace.get(n.parent);
    if (!parent) continue;
    const g = groups.get(parent.place) ?? { parent, children: [] };
    g.children.push(n);
    groups.set(parent.place, g);
  }
  return [...groups.values()].filter((g) => plotted(g) > 0);
}

/** The group shown first: the one with the most places to draw (the higher one on a tie). */
export function largestGroup(groups: readonly Group[]): Group | undefined {
  return groups.reduce<Group | undefined>((best, g) => (!best || plotted(g) > plotted(best) ? g : best), undefined);
}

/** A bar's colour says how the target stands against the parent's. */
const COLOUR: Partial<Record<CascadeNode['step']['status'], string>> = { raised: '#b3261e', same: '#9ca3af', lowered: '#1d4ed8' };
const UNCOMPARED = '#d6d3cd';

/** The nearest level above the group's parent that its places were compared with, when the parent has no rate. */
function farther(group: Group, nodes: readonly CascadeNode[]): CascadeNode | undefined {
  const place = group.children.find((c) => c.ancestor_step?.against)?.ancestor_step?.against;
  return nodes.find((n) => n.place === place);
}

export function SideBySide({ nodes, groups, group, onPick }: { nodes: readonly CascadeNode[]; groups: readonly Group[]; group: Group; onPick: (parent: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const bars = useMemo(() => group.children.filter((c) => rateBar(c) !== null).sort((a, b) => rateBar(b)! - rateBar(a)!), [group]);
  const left = group.children.filter((c) => rateBar(c) === null);
  // Without a rate above, the level further up the places were compared with (their ancestor step), labelled as such.
  const far = rateBar(group.parent) === null ? farther(group, nodes) : undefined;
  const against = far ?? group.parent;
  const ref = rateBar(against);
  const refLabel = t(far ? 'cc.refFar' : 'cc.ref', { place: against.place, target: targetText(against.target, i18n) });
  const stepOf = (n: CascadeNode) => (far ? n.ancestor_step?.status : n.step.status);

  const option = useMemo(() => {
    // 保定市清苑区 under 保定市 reads as 清苑区 on the axis; the tooltip keeps the full name.
    const short = (n: CascadeNode) => (n.place.startsWith(group.parent.place) && n.place !== group.parent.place ? n.place.slice(group.parent.place.length) : n.place);
    const outcomes = bars.flatMap((n, i) => (n.check?.outcome != null && n.check.outcome_unit === '%' ? [[i, n.check.outcome]] : []));
    const many = bars.length > 8;
    return {
      animation: false,
      tooltip: { trigger: 'item' },
      // The bars' colours tell the step (see the intro); only the outcome markers need a key.
      legend: { top: 0, data: outcomes.length ? [t('cc.series.outcome')] : [] },
      grid: { left: 50, right: 30, top: 40, bottom: many ? 80 : 30 },
      xAxis: { type: 'category', data: bars.map(short), axisLabel: { interval: 0, rotate: many ? 40 : 0 } },
      yAxis: { type: 'value', name: '%' },
      series: [
        {
          name: t('cc.series.target'),
          type: 'bar',
          barMaxWidth: 56,
          color: COLOUR.raised,
          data: bars.map((n) => ({ value: rateBar(n), name: n.place, itemStyle: { color: COLOUR[stepOf(n) ?? 'top'] ?? UNCOMPARED } })),
          // Beside many bars the figures would run into each other: the tooltip gives them.
          label: { show: !many, position: 'top', formatter: (p: { dataIndex: number }) => targetText(bars[p.dataIndex].target, i18n) },
          tooltip: { formatter: (p: { dataIndex: number }) => `${bars[p.dataIndex].place}${t('colon')}${targetText(bars[p.dataIndex].target, i18n)}` },
          ...(ref === null
            ? {}
            : {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#1f1f1f', width: 2 },
                  label: { position: 'insideEndTop', formatter: refLabel, color: '#1f1f1f' },
                  data: [{ yAxis: ref }],
                },
              }),
        },
        ...(outcomes.length
          ? [
              {
                name: t('cc.series.outcome'),
                type: 'scatter',
                symbol: 'diamond',
                symbolSize: 14,
                color: '#15803d',
                data: outcomes,
                tooltip: { formatter: (p: { value: [number, number] }) => `${bars[p.value[0]].place}${t('colon')}${num(p.value[1])}%` },
              },
            ]
          : []),
      ],
    };
  }, [bars, group, ref, refLabel, i18n, t, far]);

  return (
    <div data-testid="side">
      <div className="filters">
        <Choice
          label={t('cc.group')}
          value={group.parent.place}
          onChange={onPick}
          testId="cascade-group"
          options={groups.map((g) => ({ value: g.parent.place, label: t('cc.groupOf', { place: g.parent.place, n: g.children.length }) }))}
        />
      </div>
      <Chart option={option} renderer="svg" testId="side-chart" height={bars.length > 8 ? 420 : 340} />
      <p className="small" data-testid="reference">
        {far && t('cc.noRefFar', { place: group.parent.place, why: whyNoBar(group.parent, i18n) })}
        {ref === null ? t('cc.noRef', { place: against.place, why: whyNoBar(against, i18n) }) : `${t('cc.refLine')}${t('colon')}${refLabel}`}
      </p>
      {left.length > 0 && (
        <p className="muted small">{t('cc.notPlotted', { list: left.map((n) => n.place + t('cc.paren', { x: whyNoBar(n, i18n) })).join(t('cc.listSep')) })}</p>
      )}
    </div>
  );
}
