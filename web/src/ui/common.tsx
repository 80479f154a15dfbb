/** Small pieces every page uses: downloads, errors, loading, labelled fields, inputs and selects, forms, notices, import reports. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Problem } from '../api';
import { useI18n } from '../i18n';
import type { Unit } from '../types';
import { DataTable, type Column } from './DataTable';
import { describe } from './problem';

/** A file the server makes: downloaded, or with `open` shown in a new tab (an HTML page to print). */
export interface FileLink {
  href: string;
  label: string;
  testId?: string;
  open?: boolean;
}

/** A row of file links; `false` stands for a link not offered here. */
export function FileLinks({ links }: { links: readonly (FileLink | false)[] }) {
  return (
    <span className="downloads">
      {links
        .filter((l): l is FileLink => l !== false)
        .map((l) => (
          <a key={l.href} href={l.href} download={!l.open || undefined} target={l.open ? '_blank' : undefined} rel={l.open ? 'noopener' : undefined} data-testid={l.testId}>
            {l.label}
          </a>
        ))}
    </span>
  );
}

/** Links to the API's CSV/XLSX form of a list (`/api/reports` → `/api/reports.csv?…`). */
export function Downloads({ path, query = '' }: { path: string; query?: string }) {
  const { t, lang } = useI18n();
  // The sheet speaks the page's language: Chinese headers and values unless the page is in English.
  const q = lang === 'en' ? `${query}${query.includes('?') ? '&' : '?'}lang=en` : query;
  return (
    <FileLinks
      links={[
        { href: `${path}.csv${q}`, label: t('dl.csv') },
        { href: `${path}.xlsx${q}`, label: t('dl.xlsx') },
      ]}
    />
  );
}

/** A failure in the reader's language; the server's own words under 详情. */
export function ProblemText({ problem }: { problem: Problem }) {
  const { t } = useI18n();
  const { text, detail } = describe(t, problem);
  return (
    <>
      {text}
      {detail && (
        <details className="detail">
          <summary>{t('detail')}</summary>
          {detail}
        </details>
      )}
    </>
  );
}

/** `message`: a sentence already worded, or an error to describe. */
export function ErrorBox({ message }: { message: Problem }) {
  return (
    <div className="error" role="alert">
      <ProblemText problem={message} />
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

/** A labelled input (text, password, date, number…); `onChange` gets the value, the other props go to the input. */
export function TextField({ label, onChange, testId, ...input }: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <Field label={label}>
      <input {...input} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </Field>
  );
}

/**
 * A form of `children` fields and one submit button, which stays disabled while `disabled` (a request
 * under way, an incomplete entry); `onSubmit` runs without reloading the page, and `error`, the last
 * failure, shows under the form.
 */
export function ActionForm({ onSubmit, disabled, submit, submitTestId, error, className, testId, children }: {
  onSubmit: () => void;
  disabled: boolean;
  /** The button's words. */
  submit: string;
  submitTestId?: string;
  error?: Problem;
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <>
      <form
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        data-testid={testId}
      >
        {children}
        <button type="submit" disabled={disabled} data-testid={submitTestId}>
          {submit}
        </button>
      </form>
      {error && <ErrorBox message={error} />}
    </>
  );
}

export interface Option {
  value: string | number;
  label: ReactNode;
}

/** A labelled select; `blank`, when given, labels a first choice whose value is "". */
export function Choice({ label, value, onChange, options, blank, testId }: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  options: readonly Option[];
  blank?: string;
  testId?: string;
}) {
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled filter: one select whose first choice, "", means all. */
export function FilterSelect(props: { label: string; value: string; onChange: (value: string) => void; options: readonly Option[]; testId?: string }) {
  const { t } = useI18n();
  return <Choice {...props} blank={t('all')} />;
}

/** The options of a select of units. */
export function UnitOptions({ units }: { units: readonly Unit[] }) {
  return (
    <>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </>
  );
}

/** What came of a step on a record page: a sentence, or a failure to describe. */
export interface Notice {
  kind: 'ok' | 'error' | 'conflict';
  text: Problem;
}

export function NoticeBox({ notice }: { notice: Notice }) {
  return (
    <div className={notice.kind === 'ok' ? 'ok-box' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid={`notice-${notice.kind}`}>
      <ProblemText problem={notice.text} />
    </div>
  );
}

/** A file input for a CSV or XLSX table; the input is cleared so the same file can be sent again. */
export function TableFileInput({ onFile, disabled, testId }: { onFile: (file: File) => void; disabled?: boolean; testId: string }) {
  return (
    <input
      type="file"
      accept=".csv,.xlsx,text/csv"
      disabled={disabled}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}

/**
 * Importing a CSV or XLSX table: a row of `fields` (where the rows go), the file input and a `hint`;
 * under it the failure, if any, and `children` (the report of what became of each row).
 */
export function TableImport({ label, hint, fileTestId, disabled, onFile, error, fields, children }: {
  label: string;
  hint: string;
  fileTestId: string;
  disabled: boolean;
  onFile: (file: File) => void;
  error?: Problem;
  fields?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="filters generate">
        {fields}
        <Field label={label}>
          <TableFileInput disabled={disabled} testId={fileTestId} onFile={onFile} />
        </Field>
        <span className="muted small">{hint}</span>
      </div>
      {error && <ErrorBox message={error} />}
      {children}
    </>
  );
}

/**
 * What became of each row of an imported table: a summary, file-level problems, one line per row
 * (its number in the file, the `columns`, its problems).
 */
export function ImportReport<R extends { row: number; status: string; problems: string[] }>({ testId, summary, result, columns, problemsHead }: {
  /** Names the report; each row is `{testId}-row`. */
  testId: string;
  summary: string;
  result: { problems: string[]; rows: R[] };
  columns: Column<R>[];
  problemsHead: string;
}) {
  const { t } = useI18n();
  const { problems, rows } = result;
  return (
    <div data-testid={`${testId}-result`}>
      <p className="ok" role="status">
        {summary}
      </p>
      {problems.map((p) => (
        <p key={p} className="muted small">
          {p}
        </p>
      ))}
      <DataTable
        rows={rows}
        rowKey={(r) => r.row}
        rowProps={(r) => ({ 'data-testid': `${testId}-row`, 'data-status': r.status })}
        columns={[
          { head: t('imp.row'), cell: (r) => r.row },
          ...columns,
          { head: problemsHead, cell: (r) => <span className="small">{r.problems.join('；')}</span> },
        ]}
      />
    </div>
  );
}
