import type { ReactNode } from 'react';
import { useI18n } from './i18n';

/** Links to the API's CSV/XLSX form of a list (`/api/reports` → `/api/reports.csv?…`). */
export function Downloads({ path, query = '' }: { path: string; query?: string }) {
  const { t } = useI18n();
  return (
    <span className="downloads">
      <a href={`${path}.csv${query}`} download>
        {t('dl.csv')}
      </a>
      <a href={`${path}.xlsx${query}`} download>
        {t('dl.xlsx')}
      </a>
    </span>
  );
}

export function ErrorBox({ message }: { message: string }) {
  return (
    <div className="error" role="alert">
      {message}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted">{t('loading')}</p>;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A labelled filter: one select whose first choice, "", means all. */
export function FilterSelect({ label, value, onChange, options, testId }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** What became of each row of an imported table: a summary, file-level problems, one line per row. */
export function ImportReport<R extends { row: number; status: string }>({ testId, rowTestId, summary, problems, headers, rows, cells }: {
  testId: string;
  rowTestId: string;
  summary: string;
  problems: string[];
  headers: string[];
  rows: R[];
  cells: (row: R) => ReactNode[];
}) {
  return (
    <div data-testid={testId}>
      <p className="ok" role="status">
        {summary}
      </p>
      {problems.map((p) => (
        <p key={p} className="muted small">
          {p}
        </p>
      ))}
      <table className="grid">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-testid={rowTestId} data-status={r.status}>
              {cells(r).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
