/**
 * Picking other evidence: the review report's text, the current evidence marked and brought into
 * view; the reader selects a passage and takes it. The selection is mapped to offsets in the
 * document's text (what every stored span counts in) by measuring the text before it in the box.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import type { DocumentDetail } from '../../types';
import { Loading } from '../../ui/common';

export interface Span {
  start: number;
  end: number;
}

/** Offset of (node, offset) within `box`'s text: the length of everything before it. */
function offsetIn(box: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(box);
  range.setEnd(node, offset);
  return range.toString().length;
}

export function EvidencePicker({ documentId, current, onPick }: { documentId: number; current?: Span; onPick: (span: Span & { text: string }) => void }) {
  const { t } = useI18n();
  const { data } = useApi<{ document: DocumentDetail }>(`/api/documents/${documentId}`);
  const box = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<(Span & { text: string }) | null>(null);
  const text = data?.document.text ?? '';
  useEffect(() => {
    box.current?.querySelector('mark')?.scrollIntoView({ block: 'center' });
  }, [text]);
  const read = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !box.current) return setChosen(null);
    const r = sel.getRangeAt(0);
    if (!box.current.contains(r.startContainer) || !box.current.contains(r.endContainer)) return setChosen(null);
    let start = offsetIn(box.current, r.startContainer, r.startOffset);
    let end = offsetIn(box.current, r.endContainer, r.endOffset);
    // Spaces and line breaks at the edges are not part of a passage.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    setChosen(end > start ? { start, end, text: text.slice(start, end) } : null);
  };
  if (!data) return <Loading />;
  const at = current && current.end <= text.length ? current : undefined;
  return (
    <div className="evidence-picker">
      <p className="small muted">{t('rl.pickHelp')}</p>
      <div ref={box} className="picker-text" data-testid="picker-text" onMouseUp={read} onKeyUp={read} onTouchEnd={read}>
        {at ? (
          <>
            {text.slice(0, at.start)}
            <mark>{text.slice(at.start, at.end)}</mark>
            {text.slice(at.end)}
          </>
        ) : (
          text
        )}
      </div>
      <p className="small">
        <button type="button" disabled={!chosen} onClick={() => chosen && onPick(chosen)} data-testid="picker-use">
          {t('rl.useSelection')}
        </button>{' '}
        {chosen && <span className="muted">{chosen.text.length > 60 ? `${chosen.text.slice(0, 60)}…` : chosen.text}</span>}
      </p>
    </div>
  );
}
