import { useRef, useState, type DragEvent } from 'react';
import { LEVELS, qs, uploadFile, useApi, type DocumentSummary, type Page, type UploadResult } from '../api';
import { Downloads, ErrorBox, Field, Loading } from '../common';
import { levelLabel } from '../format';
import { useI18n } from '../i18n';
import { IMPORTERS } from '../../../src/accounts/roles';
import { useLedger } from '../ledger';
import { href, navigate } from '../router';
import { Login } from './Ledger';


/** The upload area for accounts that may import; a sign-in for everyone else. */
function ImportArea({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { account, ready } = useLedger();
  const [signIn, setSignIn] = useState(false);
  if (!ready) return null;
  if (account && IMPORTERS.includes(account.role)) return <Uploader onDone={onDone} />;
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
  const { csrf } = useLedger();
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
                  {r.result.message}
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
                  {r.result.body.warnings.length > 0 && <span className="muted small"> · {r.result.body.warnings.map((w) => w.message).join('；')}</span>}
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
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
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
      <ImportArea onDone={() => setReload((n) => n + 1)} />
      <div className="filters">
        <Field label={t('lib.level')}>
          <select value={level} onChange={(e) => set('level', e.target.value)}>
            <option value="">{t('all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l, t)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('lib.place')}>
          <input value={place} placeholder={t('lib.placeholder')} onChange={(e) => set('place', e.target.value)} />
        </Field>
        <Field label={t('lib.year')}>
          <input value={year} inputMode="numeric" size={6} onChange={(e) => set('year', e.target.value)} />
        </Field>
        <span className="spacer" />
        {data && <span className="muted">{t('lib.total', { n: data.total })}</span>}
        <Downloads path="/api/reports" query={query} />
      </div>
      {error && <ErrorBox message={error} />}
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('lib.empty')}</p>}
      {data && data.items.length > 0 && (
        <table className="grid" data-testid="reports">
          <thead>
            <tr>
              <th>{t('col.place')}</th>
              <th>{t('col.year')}</th>
              <th>{t('col.level')}</th>
              <th>{t('col.province')}</th>
              <th>{t('col.date')}</th>
              <th className="n">{t('col.targets')}</th>
              <th className="n">{t('col.outcomes')}</th>
              <th className="n">{t('col.commitments')}</th>
              <th>{t('col.file')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={href(`report/${d.id}`)}>{d.jurisdiction ?? t('rd.unknown')}</a>
                </td>
                <td>{d.report_year ?? '—'}</td>
                <td>{levelLabel(d.level, t)}</td>
                <td>{d.province ?? '—'}</td>
                <td>{d.date ?? '—'}</td>
                <td className="n">{d.n_targets}</td>
                <td className="n">{d.n_outcomes}</td>
                <td className="n">{d.n_commitments}</td>
                <td className="muted small file">
                  {d.file_name.split('/').pop()}
                  {d.part > 1 ? ` §${d.part}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
