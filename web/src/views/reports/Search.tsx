/** `#/search`: full-text search over the reports, with snippets that open the report at the match. */
import { useEffect, useState, type FormEvent } from 'react';
import { qs, useApi } from '../../api';
import { levelLabel } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { LEVELS, PARTS, type Page, type SearchHit } from '../../types';
import { Downloads, ErrorBox, Field, FilterSelect, Loading } from '../../ui/common';

const KEYS = ['q', 'level', 'place', 'from', 'to', 'part'] as const;
type Form = Record<(typeof KEYS)[number], string>;

export function Search({ params }: { params: URLSearchParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const current = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Form;
  const [form, setForm] = useState<Form>(current);
  const key = params.toString();
  useEffect(() => setForm(Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Form), [key]);

  const year = (s: string) => (/^\d{4}$/.test(s) ? s : undefined);
  const query = current.q.trim()
    ? qs({ q: current.q.trim(), level: current.level, jurisdiction: current.place.trim(), year_from: year(current.from), year_to: year(current.to), part: current.part, _limit: 100 })
    : null;
  const { data, error, loading } = useApi<Page<SearchHit> & { query: string }>(query ? `/api/search${query}` : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate('search', form);
  };
  const input = (k: keyof Form, extra: Record<string, unknown> = {}) => (
    <input value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} {...extra} />
  );

  return (
    <div className="view">
      <h1>{t('sr.title')}</h1>
      <form className="filters" onSubmit={submit} role="search">
        <Field label={t('sr.q')}>{input('q', { placeholder: t('sr.placeholder'), className: 'q', type: 'search', 'data-testid': 'search-q' })}</Field>
        <FilterSelect label={t('lib.level')} value={form.level} onChange={(v) => setForm({ ...form, level: v })} options={LEVELS.map((l) => ({ value: l, label: levelLabel(l, i18n) }))} />
        <Field label={t('lib.place')}>{input('place', { size: 8 })}</Field>
        <Field label={t('sr.from')}>{input('from', { size: 5, inputMode: 'numeric' })}</Field>
        <Field label={t('sr.to')}>{input('to', { size: 5, inputMode: 'numeric' })}</Field>
        <FilterSelect label={t('sr.part')} value={form.part} onChange={(v) => setForm({ ...form, part: v })} options={PARTS.map((p) => ({ value: p, label: t(`part.${p}`) }))} />
        <button type="submit">{t('sr.go')}</button>
        <span className="spacer" />
        {query && <Downloads path="/api/search" query={query} />}
      </form>
      {error && <ErrorBox message={error} />}
      {loading && <Loading />}
      {data && !loading && (
        <>
          <p className="muted">{data.total === 0 ? t('sr.empty') : t('sr.total', { n: data.total })}</p>
          <ol className="hits" data-testid="hits">
            {data.items.map((h) => (
              <li key={h.document.id}>
                <h3>
                  <a href={href(`report/${h.document.id}`)}>
                    {h.document.jurisdiction ?? t('rd.unknown')} {h.document.report_year ?? ''}
                  </a>{' '}
                  <span className="muted small">{t('sr.matches', { n: h.matches })}</span>
                </h3>
                <ul>
                  {h.snippets.map((s) => (
                    <li key={s.start}>
                      <a className="snippet" href={href(`report/${h.document.id}`, { at: s.start, end: s.end })}>
                        …{s.before}
                        <mark>{s.match}</mark>
                        {s.after}…
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
