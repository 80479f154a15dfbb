/** `#/report/:id`: a report's text with its facts highlighted, its outline, its processing notes and a fact's fields. */
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api';
import { formatValue, indicatorLabel, levelLabel } from '../../format';
import { useI18n, type I18n } from '../../i18n';
import { href, navigate } from '../../router';
import type { DocumentDetail, FactRecord } from '../../types';
import { ErrorBox, Loading } from '../../ui/common';

/** The three tables a fact comes from. */
const KINDS = ['target', 'outcome', 'commitment'] as const;
type Kind = (typeof KINDS)[number];

/** "Target", "Outcome"…: the label of a fact's table. */
const factLabel = ({ lookup }: Pick<I18n, 'lookup'>, f: FactRecord) => lookup(`fact.${f.fact}`) ?? f.fact;

interface Segment {
  start: number;
  end: number;
  facts: FactRecord[];
  focus: boolean;
  sections: number[];
}

/** Cuts the text at every fact and section boundary; each piece knows the facts covering it. */
function segment(text: string, facts: FactRecord[], sectionStarts: number[], focus?: { start: number; end: number }): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const f of facts) {
    cuts.add(clamp(f.start));
    cuts.add(clamp(f.end));
  }
  for (const s of sectionStarts) cuts.add(clamp(s));
  if (focus) {
    cuts.add(clamp(focus.start));
    cuts.add(clamp(focus.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = facts.filter((f) => f.start <= a && f.end >= b && f.end > f.start).sort((x, y) => x.end - x.start - (y.end - y.start));
    out.push({
      start: a,
      end: b,
      facts: covering,
      focus: !!focus && focus.start <= a && focus.end >= b && focus.end > focus.start,
      sections: sectionStarts.flatMap((s, idx) => (clamp(s) === a ? [idx] : [])),
    });
  }
  return out;
}

function FactDetail({ fact, unit }: { fact: FactRecord; unit: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const rows: [string, string][] = [
    [t('f.indicator'), fact.indicator ? `${indicatorLabel(fact.indicator, lang)} (${fact.indicator})` : '—'],
    [t('f.value'), formatValue(fact, i18n)],
    [t('f.kind'), fact.kind ?? '—'],
    [t('f.unit'), fact.unit ?? '—'],
    [t('f.qualifier'), fact.qualifier ?? '—'],
    [t('f.scope'), fact.scope ?? '—'],
    [t('f.year'), fact.year === null ? '—' : String(fact.year)],
    [t('f.headline'), fact.headline ? t('yes') : t('no')],
    [t('f.estimated'), fact.estimated ? t('yes') : t('no')],
    [t('rd.offset'), `${fact.start}–${fact.end}`],
    [t('rd.source'), `${fact.source_start}–${fact.source_end} (${unit})`],
  ];
  return (
    <div className={`fact-detail ${fact.fact}`} data-testid="fact-detail">
      <h3>
        <span className={`chip ${fact.fact}`}>{factLabel(i18n, fact)}</span> #{fact.id}
      </h3>
      <blockquote>{fact.text}</blockquote>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {fact.indicator && (
        <a href={href('compare', { indicator: fact.indicator })} className="small">
          {t('nav.compare')} →
        </a>
      )}
    </div>
  );
}

export function Reader({ id, params }: { id: number; params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { data, error, loading } = useApi<{ document: DocumentDetail }>(`/api/documents/${id}`);
  const doc = data?.document;
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const selectedId = Number(params.get('fact') ?? NaN);
  const at = Number(params.get('at') ?? NaN);
  const end = Number(params.get('end') ?? NaN);
  const focus = Number.isFinite(at) && Number.isFinite(end) ? { start: at, end } : undefined;

  const visible = useMemo(() => (doc ? doc.facts.filter((f) => !hidden.has(f.fact)) : []), [doc, hidden]);
  const segs = useMemo(() => (doc ? segment(doc.text, visible, doc.sections.map((s) => s.span.start), focus) : []), [doc, visible, focus?.start, focus?.end]);
  const selected = doc?.facts.find((f) => f.id === selectedId);
  const alsoHere = selected ? segs.find((s) => s.facts.includes(selected))?.facts.filter((f) => f !== selected) ?? [] : [];

  useEffect(() => {
    if (!doc) return;
    const el = document.querySelector(focus ? '[data-focus]' : '.fact.sel');
    el?.scrollIntoView({ block: 'center' });
    // only when the document arrives or the focus changes
  }, [doc, focus?.start]);

  if (error) return <ErrorBox message={error} />;
  if (loading || !doc) return <Loading />;

  const select = (f: FactRecord) => navigate(`report/${id}`, { fact: f.id }, true);
  const counts = Object.fromEntries(KINDS.map((k) => [k, doc.facts.filter((f) => f.fact === k).length])) as Record<Kind, number>;
  const title = doc.jurisdiction && doc.report_year ? t('rd.meta', { place: doc.jurisdiction, year: doc.report_year }) : t('rd.unknown');

  return (
    <div className="view reader">
      <div className="reader-head">
        <a href={href('library')} className="small">
          ← {t('rd.back')}
        </a>
        <h1>{title}</h1>
        <p className="muted small">
          {[levelLabel(doc.level, i18n), doc.province, doc.date, doc.meeting, doc.speaker, `${doc.format}/${doc.encoding}`, doc.file_name.split('/').pop()]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {doc.jurisdiction && doc.report_year && <a href={href('check', { place: doc.jurisdiction, year: doc.report_year })}>{t('rd.check')}</a>}
      </div>
      {(doc.warnings.length > 0 || doc.duplicate_files.length > 0) && (
        <section className="warnings" data-testid="warnings">
          {doc.warnings.length > 0 && (
            <>
              <h2>
                {t('rd.warnings')} ({doc.warnings.length})
              </h2>
              <ul>
                {doc.warnings.map((w, i) => (
                  <li key={i} className={w.severity}>
                    <code>{w.ruleId}</code> {w.message}
                    {w.offset !== undefined && (
                      <span className="muted small">
                        {' '}
                        @{w.offset} {doc.offset_unit}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {doc.duplicate_files.length > 0 && (
            <>
              <h2>{t('rd.duplicates')}</h2>
              <ul>
                {doc.duplicate_files.map((d, i) => (
                  <li key={i}>
                    {d.file} <span className="muted small">{d.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <div className="reader-body">
        <aside className="outline">
          <h2>{t('rd.outline')}</h2>
          {doc.sections.length === 0 && <p className="muted small">{t('rd.noSections')}</p>}
          <ol>
            {doc.sections.map((s, i) => (
              <li key={i} style={{ paddingLeft: `${Math.max(0, s.level - 1) * 0.9}em` }}>
                <button type="button" className="link" onClick={() => document.getElementById(`sec-${i}`)?.scrollIntoView({ block: 'start' })}>
                  {s.title || t(`part.${s.part}`)}
                </button>
              </li>
            ))}
          </ol>
        </aside>
        <article className="doc-text" data-testid="doc-text">
          {segs.map((s) => {
            const anchors = s.sections.map((i) => <span key={`a${i}`} id={`sec-${i}`} className="anchor" />);
            const piece = doc.text.slice(s.start, s.end);
            if (s.facts.length === 0) {
              return (
                <span key={s.start} data-focus={s.focus || undefined} className={s.focus ? 'focus' : undefined}>
                  {anchors}
                  {piece}
                </span>
              );
            }
            const primary = s.facts[0];
            const sel = s.facts.some((f) => f.id === selectedId);
            return (
              <span key={s.start}>
                {anchors}
                <mark
                  className={`fact ${primary.fact}${sel ? ' sel' : ''}${s.focus ? ' focus' : ''}`}
                  data-fact-id={primary.id}
                  data-kind={primary.fact}
                  data-focus={s.focus || undefined}
                  role="button"
                  tabIndex={0}
                  title={`${factLabel(i18n, primary)} · ${indicatorLabel(primary.indicator, lang)}`}
                  onClick={() => select(primary)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select(primary);
                    }
                  }}
                >
                  {piece}
                </mark>
              </span>
            );
          })}
        </article>
        <aside className="facts-panel">
          <div className="legend">
            {KINDS.map((k) => (
              <label key={k} className={`chip ${k}`}>
                <input
                  type="checkbox"
                  checked={!hidden.has(k)}
                  onChange={() =>
                    setHidden((h) => {
                      const n = new Set(h);
                      if (n.has(k)) n.delete(k);
                      else n.add(k);
                      return n;
                    })
                  }
                />
                {t(`fact.${k}`)} {counts[k]}
              </label>
            ))}
          </div>
          {selected ? <FactDetail fact={selected} unit={doc.offset_unit} /> : <p className="muted small">{t('rd.hint')}</p>}
          {alsoHere.map((f) => (
            <button key={f.id} type="button" className="link small block" onClick={() => select(f)}>
              {factLabel(i18n, f)} #{f.id} · {indicatorLabel(f.indicator, lang)}
            </button>
          ))}
        </aside>
      </div>
    </div>
  );
}
