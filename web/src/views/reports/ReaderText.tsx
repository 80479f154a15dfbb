/**
 * A report's text in the reader: headings as headings, paragraphs numbered (第N段), facts highlighted,
 * a focus range (a promise opened from the scorecard, a search hit) marked. Each block renders on its
 * own and again only when its facts, the selection inside it or the focus on it change, so choosing a
 * fact in a long report redraws two paragraphs, not the whole text.
 */
import { createElement, memo, useMemo, type ReactNode } from 'react';
import type { FactRecord } from '../../types';
import { firstFrom, spread, type Block } from './blocks';

interface Range {
  start: number;
  end: number;
}

interface BlockProps {
  text: string;
  block: Block;
  facts: readonly FactRecord[];
  /** Section anchors (`sec-{i}`) at their offsets in this block. */
  anchors: readonly { i: number; at: number }[];
  /** The selected fact, when it is in this block. */
  selectedId: number | null;
  /** The focus range, when it touches this block. */
  focus: Range | null;
  onSelect: (f: FactRecord) => void;
  title: (f: FactRecord) => string;
}

/** The block cut at every fact, focus and anchor boundary; each piece with the facts covering it, shortest first. */
function pieces({ block, facts, anchors, focus }: Pick<BlockProps, 'block' | 'facts' | 'anchors' | 'focus'>) {
  const clamp = (n: number) => Math.max(block.from, Math.min(block.end, n));
  const cuts = new Set<number>([block.from, block.end]);
  for (const f of facts) cuts.add(clamp(f.start)).add(clamp(f.end));
  for (const a of anchors) cuts.add(clamp(a.at));
  if (focus) cuts.add(clamp(focus.start)).add(clamp(focus.end));
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((a, k) => {
    const b = points[k + 1];
    return {
      start: a,
      end: b,
      facts: facts.filter((f) => f.start <= a && f.end >= b && f.end > f.start).sort((x, y) => x.end - x.start - (y.end - y.start)),
      focus: !!focus && focus.start <= a && focus.end >= b && focus.end > focus.start,
      anchors: anchors.filter((x) => clamp(x.at) === a).map((x) => x.i),
    };
  });
}

const TextBlock = memo(function TextBlock({ text, block, facts, anchors, selectedId, focus, onSelect, title }: BlockProps) {
  const children: ReactNode[] = pieces({ block, facts, anchors, focus }).map((p) => {
    const marks = p.anchors.map((i) => <span key={`a${i}`} id={`sec-${i}`} className="anchor" />);
    const words = text.slice(p.start, p.end);
    if (p.facts.length === 0) {
      return (
        <span key={p.start} data-focus={p.focus || undefined} className={p.focus ? 'focus' : undefined}>
          {marks}
          {words}
        </span>
      );
    }
    const primary = p.facts[0];
    const sel = p.facts.some((f) => f.id === selectedId);
    return (
      <span key={p.start}>
        {marks}
        <mark
          className={`fact ${primary.fact}${sel ? ' sel' : ''}${p.focus ? ' focus' : ''}`}
          data-fact-id={primary.id}
          data-kind={primary.fact}
          data-focus={p.focus || undefined}
          role="button"
          tabIndex={0}
          title={title(primary)}
          onClick={() => onSelect(primary)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onSelect(primary);
            }
          }}
        >
          {words}
        </mark>
      </span>
    );
  });
  if (block.heading) return createElement(`h${block.heading}`, { className: 'doc-h' }, ...children);
  return (
    <p className="para" data-para={block.n}>
      {children}
    </p>
  );
});

const NONE: readonly never[] = [];

export function ReaderText({ text, blocks, facts, sectionStarts, selectedId, focus, onSelect, title }: {
  text: string;
  blocks: readonly Block[];
  facts: readonly FactRecord[];
  sectionStarts: readonly number[];
  selectedId: number | null;
  focus: Range | null;
  onSelect: (f: FactRecord) => void;
  title: (f: FactRecord) => string;
}) {
  const factsIn = useMemo(() => spread(blocks, facts), [blocks, facts]);
  // A section starting in a blank line is anchored at the next block.
  const anchorsIn = useMemo(() => {
    const out = blocks.map((): { i: number; at: number }[] => []);
    sectionStarts.forEach((at, i) => out[firstFrom(blocks, at)]?.push({ i, at }));
    return out;
  }, [blocks, sectionStarts]);
  return (
    <article className="doc-text" data-testid="doc-text">
      {blocks.map((b, k) => {
        const here = factsIn[k];
        return (
          <TextBlock
            key={b.start}
            text={text}
            block={b}
            facts={here.length ? here : NONE}
            anchors={anchorsIn[k].length ? anchorsIn[k] : NONE}
            selectedId={selectedId !== null && here.some((f) => f.id === selectedId) ? selectedId : null}
            focus={focus && focus.start < b.end && focus.end > b.start ? focus : null}
            onSelect={onSelect}
            title={title}
          />
        );
      })}
    </article>
  );
}
