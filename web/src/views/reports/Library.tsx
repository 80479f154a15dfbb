/** `#/library`: the stored reports with filters and downloads, and the upload area for accounts that may import. */
import { useRef, useState, type DragEvent } from 'react';
import { qs, uploadFile, useApi, useReload, type UploadResult } from '../../api';
import { levelLabel } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { IMPORTERS, LEVELS, type DocumentSummary, type Page } from '../../types';
import { Downloads, ErrorBox, FilterSelect, Loading, ProblemText, TextField } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { Login } from '../account/Login';
import { diagnosticText } from './diagnostics';

/** The upload area for accounts that may import; a sign-in for everyone else. */
function ImportArea({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { account, ready } = useSession();
  const [signIn, setSignIn] = useState(false);
  if (!ready) return null;
  if (hasRole(account, IMPORTERS)) return <Uploader onDone={onDone} />;
  return (
    <section className="dropzone" data-testid="import-locked">
      <p className="muted">{t(account ? 'up.noRole' : 'up.needLogin')}</p>
      {!account && !signIn && (
        <button type="button" onClick={() => setSignIn(true)} data-testid="import-sign-in">
          {t('up.signIn')}
        </button>
      )}
      {!account && signIn && <Login next="library" />}
    </section>
  );
}

interface UploadRow {
  key: number;
  name: string;
  progress: number;
  result?: UploadResult;
}

function Uploader({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { csrf } = useSession();
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  async function send(files: File[]) {
    const batch = files.map((f) => ({ key: ++seq.current, name: f.name, progress: 0 }));
    setRows((r) => [...batch, ...r]);
    const update = (key: number, patch: Partial<UploadRow>) => setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    for (const [i, file] of files.entries()) {
      const key = batch[i].key;
      const result = await uploadFile(file, csrf, (p) => update(key, { progress: p }));
      update(key, { progress: 1, result });
    }
    onDone();
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) void send(files);
  }

  return (
    <section
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>
        {t('up.drop')}{' '}
        <button type="button" className="link" onClick={() => input.current?.click()}>
          {t('up.choose')}
        </button>
      </p>
      <p className="muted small">{t('up.hint')}</p>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void send(files);
        }}
      />
      {rows.length > 0 && (
        <ul className="uploads" aria-live="polite">
          {rows.map((r) => (
            <li key={r.key} className={r.result ? (r.result.ok ? `ok ${r.result.body?.status ?? ''}` : 'bad') : 'pending'} data-testid="upload-row">
              <span className="fname">{r.name}</span>
              {!r.result && (
                <>
                  <progress max={1} value={r.progress} /> <span className="muted">{t('up.uploading')}</span>
                </>
              )}
              {r.result && !r.result.ok && (
                <span className="status">
                  {t('up.failed')}
                  {t('colon')}
                  <ProblemText problem={r.result.error ?? String(r.result.status)} />
                </span>
              )}
              {r.result?.ok && r.result.body && (
                <span className="status">
                  {t(r.result.body.status === 'duplicate' ? 'up.duplicate' : 'up.imported')} · {t('up.docs', { n: r.result.body.documentIds.length })}{' '}
                  {r.result.body.documentIds.map((id) => (
                    <a key={id} href={href(`report/${id}`)}>
                      {t('up.open')} #{id}
                    </a>
                  ))}
                  {r.result.body.warnings.length > 0 && (
                    <span className="muted small" title={r.result.body.warnings.map((w) => `${w.ruleId}: ${w.message}`).join('\n')}>
                      {' '}
                      · {r.result.body.warnings.map((w) => diagnosticText(t, w)).join('；')}
                    </span>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Library({ params }: { params: URLSearchParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reload, again] = useReload();
  const level = params.get('level') ?? '';
  const place = params.get('place') ?? '';
  const year = params.get('year') ?? '';
  const validYear = /^\d{4}$/.test(year) ? year : undefined;
  const query = qs({ level, jurisdiction: place.trim(), year_from: validYear, year_to: validYear, _limit: 1000 });
  const { data, error, loading } = useApi<Page<DocumentSummary>>(`/api/reports${query}`, reload);
  const set = (k: string, v: string) => navigate('library', { level, place, year, [k]: v }, true);

  return (
    <div className="view">
      <h1>{t('lib.title')}</h1>
      <ImportArea onDone={again} />
      <div className="filters">
        <FilterSelect label={t('lib.level')} value={level} onChange={(v) => set('level', v)} options={LEVELS.map((l) => ({ value: l, label: levelLabel(l, i18n) }))} />
        <TextField label={t('lib.place')} value={place} placeholder={t('lib.placeholder')} onChange={(v) => set('place', v)} />
        <TextField label={t('lib.year')} value={year} inputMode="numeric" size={6} onChange={(v) => set('year', v)} />
        <span className="spacer" />
        {data && <span className="muted">{t('lib.total', { n: data.total })}</span>}
        <Downloads path="/api/reports" query={query} />
      </div>
      {error && <ErrorBox message={error} />}
      {loading && !data && <Loading />}
      {data && (
        <DataTable
          testId="reports"
          rows={data.items}
          empty={t('lib.empty')}
          rowKey={(d) => d.id}
          columns={[
            { head: t('col.place'), cell: (d) => <a href={href(`report/${d.id}`)}>{d.jurisdiction ?? t('rd.unknown')}</a> },
            { head: t('col.year'), cell: (d) => d.report_year ?? '—' },
            { head: t('col.level'), cell: (d) => levelLabel(d.level, i18n) },
            { head: t('col.province'), cell: (d) => d.province ?? '—' },
            { head: t('col.date'), className: 'nowrap', cell: (d) => d.date ?? '—' },
            { head: t('col.targets'), headClassName: 'n', className: 'n', cell: (d) => d.n_targets },
            { head: t('col.outcomes'), headClassName: 'n', className: 'n', cell: (d) => d.n_outcomes },
            { head: t('col.commitments'), headClassName: 'n', className: 'n', cell: (d) => d.n_commitments },
            { head: t('col.file'), className: 'muted small file', cell: (d) => `${d.file_name.split('/').pop()}${d.part > 1 ? ` §${d.part}` : ''}` },
          ]}
        />
      )}
    </div>
  );
}
