/** `#/report/:id`: a report's text with its facts highlighted, its outline, its processing notes and a fact's fields. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api';
import { indicatorLabel, levelLabel } from '../../format';
import { useI18n, type I18n } from '../../i18n';
import { href, navigate } from '../../router';
import type { DocumentDetail, FactRecord } from '../../types';
import { ErrorBox, Loading } from '../../ui/common';
import { useTitle } from '../../ui/title';
import { useNarrow } from '../../ui/useNarrow';
import { blockAt, blocksOf } from './blocks';
import { diagnosticText } from './diagnostics';
import { FactDetail, factLabel } from './FactDetail';
import { ReaderText } from './ReaderText';
import { Withdraw } from './Withdraw';

/** The three tables a fact comes from. */
const KINDS = ['target', 'outcome', 'commitment'] as const;
type Kind = (typeof KINDS)[number];

/** What the page's first lines say about the document: level, province, date, meeting, speaker, format, encoding, file. */
function metaLine(doc: DocumentDetail, i18n: I18n): string {
  const format = i18n.lookup(`fmt.${doc.format}`) ?? doc.format;
  return [levelLabel(doc.level, i18n), doc.province, doc.date, doc.meeting, doc.speaker, `${format} · ${doc.encoding.toUpperCase()}`, doc.file_name.split('/').pop()].filter(Boolean).join(' · ');
}

/** Processing notes in a reader's words (the rule id and the developers' message under 技术信息), and files holding the same report. */
function Notes({ doc }: { doc: DocumentDetail }) {
  const i18n = useI18n();
  const { t, lookup } = i18n;
  const unit = lookup(`unit.${doc.offset_unit}`) ?? doc.offset_unit;
  if (doc.warnings.length === 0 && doc.duplicate_files.length === 0) return null;
  return (
    <section className="warnings" data-testid="warnings">
      {doc.warnings.length > 0 && (
        <>
          <h2>
            {t('rd.warnings')}（{t('rd.notes', { n: doc.warnings.length })}）
          </h2>
          <ul>
            {doc.warnings.map((w, i) => (
              <li key={i} className={w.severity}>
                <span className="severity">{lookup(`dg.severity.${w.severity}`) ?? w.severity}</span> {diagnosticText(t, w)}
                {w.offset !== undefined && <span className="muted small"> · {t('loc.at', { offset: w.offset, unit })}</span>}
                <details className="tech">
                  <summary>{t('tech')}</summary>
                  <code>{w.ruleId}</code> {w.message}
                </details>
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
                {d.file} <span className="muted small">{/identical/.test(d.reason) ? t('rd.dupIdentical') : t('rd.dupSame')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function Reader({ id, params }: { id: number; params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const narrow = useNarrow();
  const { data, error, loading } = useApi<{ document: DocumentDetail }>(`/api/documents/${id}`);
  const doc = data?.document;
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const given = params.get('fact');
  const selectedId = given === null ? null : Number(given);
  const at = Number(params.get('at') ?? NaN);
  const end = Number(params.get('end') ?? NaN);
  // `at`–`end`: offsets (a scorecard's promise, a search hit); `find`: words quoted elsewhere (the compare table), marked where they first occur.
  const find = params.get('find');
  const focus = useMemo(() => {
    if (Number.isFinite(at) && Number.isFinite(end)) return { start: at, end };
    const found = find && doc ? doc.text.indexOf(find) : -1;
    return find && found >= 0 ? { start: found, end: found + find.length } : null;
  }, [at, end, find, doc]);

  const blocks = useMemo(() => (doc ? blocksOf(doc.text, doc.sections) : []), [doc]);
  const sectionStarts = useMemo(() => (doc ? doc.sections.map((s) => s.span.start) : []), [doc]);
  const visible = useMemo(() => (doc ? doc.facts.filter((f) => !hidden.has(f.fact)) : []), [doc, hidden]);
  const selected = doc?.facts.find((f) => f.id === selectedId);
  const alsoHere = selected ? visible.filter((f) => f !== selected && f.start < selected.end && f.end > selected.start) : [];
  const select = useCallback((f: FactRecord) => navigate(`report/${id}`, { fact: f.id }, true), [id]);
  const title = useCallback((f: FactRecord) => `${factLabel(i18n, f)} · ${indicatorLabel(f.indicator, lang)}`, [i18n, lang]);
  const heading = doc ? (doc.jurisdiction && doc.report_year ? t('rd.meta', { place: doc.jurisdiction, year: doc.report_year }) : t('rd.unknown')) : undefined;
  useTitle(heading);

  useEffect(() => {
    if (!doc) return;
    // On a phone the fact's sheet covers the lower half: the chosen fact goes to the top.
    document.querySelector(focus ? '[data-focus]' : '.fact.sel')?.scrollIntoView({ block: narrow ? 'start' : 'center' });
    // when the document arrives, the focus changes, or (on a phone) a fact is chosen
  }, [doc, focus?.start, narrow ? selectedId : null]);

  if (error) return <ErrorBox message={error} />;
  if (loading || !doc) return <Loading />;

  const counts = Object.fromEntries(KINDS.map((k) => [k, doc.facts.filter((f) => f.fact === k).length])) as Record<Kind, number>;
  const outline = (
    <ol>
      {doc.sections.map((s, i) => (
        <li key={i} style={{ paddingLeft: `${Math.max(0, s.level - 1) * 0.9}em` }}>
          <button type="button" className="link" onClick={() => document.getElementById(`sec-${i}`)?.scrollIntoView({ block: 'start' })}>
            {s.title ? s.title.replace(/^#+\s*/, '').split('\n')[0] : t(`part.${s.part}`)}
          </button>
        </li>
      ))}
    </ol>
  );

  return (
    <div className={`view reader${selected ? ' with-fact' : ''}`}>
      <div className="reader-head">
        <a href={href('library')} className="small">
          ← {t('rd.back')}
        </a>
        <h1>{heading}</h1>
        <p className="muted small">
          {metaLine(doc, i18n)} · <a href={`/api/documents/${id}/original`} download>{t('rd.original')}</a>
        </p>
        {doc.jurisdiction && doc.report_year && <a href={href('check', { place: doc.jurisdiction, year: doc.report_year })}>{t('rd.check')}</a>}
        <Withdraw id={id} />
      </div>
      <Notes doc={doc} />
      <div className="reader-body">
        <aside className="outline">
          {/* On a phone the outline folds away above the text. */}
          <details open={!narrow} key={String(narrow)}>
            <summary>
              <h2>{t('rd.outline')}</h2>
            </summary>
            {doc.sections.length === 0 ? <p className="muted small">{t('rd.noSections')}</p> : outline}
          </details>
        </aside>
        <ReaderText text={doc.text} blocks={blocks} facts={visible} sectionStarts={sectionStarts} selectedId={selectedId} focus={focus} onSelect={select} title={title} />
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
          {selected ? (
            <FactDetail fact={selected} unit={doc.offset_unit} block={blockAt(blocks, selected.start)} onClose={() => navigate(`report/${id}`, {}, true)} />
          ) : (
            <p className="muted small">{t('rd.hint')}</p>
          )}
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
