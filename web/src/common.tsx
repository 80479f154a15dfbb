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
