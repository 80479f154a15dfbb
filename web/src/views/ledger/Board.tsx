/** The 督办 ledger's lists: the board grouped by lead unit (with generating and importing for supervisors) and a unit officer's own tasks. */
import { useMemo, useState, type FormEvent } from 'react';
import { qs, useApi, useReload } from '../../api';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { hasRole, MANAGERS, unitName, useSession, useUnits } from '../../session';
import { LIGHTS, STATES, type DocumentSummary, type Page, type PlanResult, type PlanRow, type PlanUnitRef, type Task } from '../../types';
import { ErrorBox, Field, FileLinks, FilterSelect, ImportReport, Loading, TableImport } from '../../ui/common';
import { useAction } from '../../ui/useAction';
import { LedgerPick, TaskTable, useLedgers } from './common';

export function Board({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const { account } = useSession();
  const [reload, again] = useReload();
  const tasks = useApi<Page<Task>>('/api/ledger/tasks', reload);
  const units = useUnits();
  const all = tasks.data?.items;
  const ledgers = useLedgers(all);
  const place = params.get('place') ?? ledgers[0]?.place ?? '';
  const year = Number(params.get('year') ?? ledgers[0]?.year ?? NaN);
  const unit = params.get('unit') ?? '';
  const light = params.get('light') ?? '';
  const state = params.get('state') ?? '';
  const set = (patch: Record<string, string>) => navigate('ledger', { ...Object.fromEntries(params), ...patch }, true);
  const shown = (all ?? []).filter(
    (x) =>
      x.jurisdiction === place &&
      x.year === year &&
      (!unit || x.lead_unit_id === Number(unit) || x.responsible_unit_ids.includes(Number(unit))) &&
      (!light || x.light === light) &&
      (!state || x.state === state),
  );
  const groups = useMemo(() => {
    const m = new Map<number | null, Task[]>();
    for (const x of shown) m.set(x.lead_unit_id, [...(m.get(x.lead_unit_id) ?? []), x]);
    return [...m.entries()].sort((a, b) => (a[0] ?? Infinity) - (b[0] ?? Infinity));
  }, [shown]);
  const manage = hasRole(account, MANAGERS);
  const tq = qs({ jurisdiction: place, year: Number.isFinite(year) ? year : undefined });
  return (
    <section>
      <h1>{t('ld.title')}</h1>
      {manage && (
        <GenerateForm
          onDone={(r) => {
            again();
            navigate('ledger', { place: r.place, year: r.year }, true);
          }}
        />
      )}
      {manage && place && Number.isFinite(year) && <ImportPlanForm place={place} year={year} onDone={again} />}
      {tasks.error && <ErrorBox message={tasks.error} />}
      <div className="filters">
        <LedgerPick ledgers={ledgers} place={place} year={Number.isFinite(year) ? String(year) : ''} onPick={(p, y) => set({ place: p, year: y })} testId="ledger-pick" />
        <FilterSelect label={t('ld.unit')} value={unit} onChange={(v) => set({ unit: v })} testId="filter-unit" options={units.map((u) => ({ value: String(u.id), label: u.name }))} />
        <FilterSelect label={t('ld.light')} value={light} onChange={(v) => set({ light: v })} testId="filter-light" options={LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))} />
        <FilterSelect label={t('ld.state')} value={state} onChange={(v) => set({ state: v })} testId="filter-state" options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
        <span className="spacer" />
        {place && (
          <FileLinks
            links={[
              { href: `/api/ledger/progress-table.xlsx${tq}`, label: t('ld.xlsx'), testId: 'progress-xlsx' },
              { href: `/api/ledger/progress-table.html${tq}`, label: t('ld.html'), testId: 'progress-html', open: true },
              { href: `/api/ledger/tasks.xlsx${tq}`, label: t('ld.sheet'), testId: 'ledger-xlsx' },
              // 完成情况报告: each one drawn is kept on the server with its sources.
              manage && Number.isFinite(year) && { href: `/api/ledger/draft-review.docx${tq}`, label: t('ld.draftDocx'), testId: 'draft-docx' },
              manage && Number.isFinite(year) && { href: `/api/ledger/draft-review.html${tq}`, label: t('ld.draftHtml'), testId: 'draft-html', open: true },
            ]}
          />
        )}
      </div>
      {tasks.loading && !tasks.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('ld.total', { n: shown.length })}</p>
          {shown.length === 0 && <p className="muted">{t('ld.empty')}</p>}
          <div data-testid="ledger-board">
            {groups.map(([u, list]) => (
              <div key={String(u)} className="unit-group" data-testid="unit-group">
                <h2>
                  {unitName(units, u, t('ld.unassigned'))}{' '}
                  <span className="counts">
                    {LIGHTS.map((l) => {
                      const n = list.filter((x) => x.light === l).length;
                      return n ? (
                        <span key={l} className={`light ${l}`}>
                          {t(`light.${l}`)} {n}
                        </span>
                      ) : null;
                    })}
                  </span>
                </h2>
                <TaskTable tasks={list} units={units} />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

export function MyTasks() {
  const { t } = useI18n();
  const { account } = useSession();
  const tasks = useApi<Page<Task>>('/api/ledger/tasks');
  const units = useUnits();
  const mine = (tasks.data?.items ?? []).filter((x) => x.state !== 'draft' && !x.archived);
  return (
    <section>
      <h1>{t('my.title')}</h1>
      <p className="muted">
        {t('my.intro')} {account?.unit_id ? unitName(units, account.unit_id) : ''}
      </p>
      {tasks.error && <ErrorBox message={tasks.error} />}
      {tasks.loading && !tasks.data ? <Loading /> : <TaskTable tasks={mine} units={units} empty={t('ld.empty')} />}
    </section>
  );
}

/** 从报告生成台账: one task per target and commitment of a stored report. */
function GenerateForm({ onDone }: { onDone: (r: { place: string; year: number }) => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const reports = useApi<Page<DocumentSummary>>(`/api/reports${qs({ _limit: 1000 })}`);
  const [docId, setDocId] = useState('');
  const { busy, error, result, run } = useAction<{ created: number; skipped: number }>();
  const usable = (reports.data?.items ?? []).filter((d) => d.jurisdiction && d.report_year);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const doc = usable.find((d) => String(d.id) === docId);
    if (!doc) return;
    void run(
      () => send<{ created: number; skipped: number }>('POST', '/api/ledger/generate', { document_id: doc.id }),
      () => onDone({ place: doc.jurisdiction!, year: doc.report_year! }),
    );
  };
  return (
    <form className="filters generate" onSubmit={submit} data-testid="generate-form">
      <Field label={t('ld.pickReport')}>
        <select value={docId} onChange={(e) => setDocId(e.target.value)} data-testid="generate-report" required>
          <option value="">—</option>
          {usable.map((d) => (
            <option key={d.id} value={d.id}>
              {d.jurisdiction} {d.report_year} · {d.file_name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={busy || !docId} data-testid="generate">
        {t('ld.generate')}
      </button>
      {result && (
        <span className="ok" role="status" data-testid="generate-result">
          {t('ld.generated', { created: result.created, skipped: result.skipped })}
        </span>
      )}
      {error && <ErrorBox message={error} />}
    </form>
  );
}

/** 导入分工方案: upload a CSV or XLSX decomposition table and show what became of each row. */
function ImportPlanForm({ place, year, onDone }: { place: string; year: number; onDone: () => void }) {
  const { t } = useI18n();
  const { sendFile } = useSession();
  const { busy, error, result, run } = useAction<PlanResult>();
  const upload = (file: File) => run(() => sendFile<PlanResult>(`/api/ledger/import-plan${qs({ filename: file.name, jurisdiction: place, year })}`, file), onDone);
  const unitText = (r: PlanRow) =>
    [r.lead_unit, ...r.responsible_units]
      .filter((u): u is PlanUnitRef => u !== null)
      .map((u) => (u.created ? `${u.name}${t('ip.newUnit')}` : u.name))
      .join('、');
  return (
    <div data-testid="import-plan">
      <TableImport label={t('ip.title')} hint={t('ip.hint')} fileTestId="import-plan-file" disabled={busy} onFile={(f) => void upload(f)} error={error}>
        {result && (
          <ImportReport
            testId="import-plan"
            summary={t('ip.summary', { matched: result.matched, created: result.created, skipped: result.skipped })}
            result={result}
            problemsHead={t('ip.problems')}
            columns={[
              { head: t('ld.task'), cell: (r) => (r.task_id !== null ? <a href={href(`ledger/task/${r.task_id}`)}>{r.task || '—'}</a> : r.task || '—') },
              { head: t('ip.result'), cell: (r) => `${t(`ip.${r.status}`)}${r.task_id !== null ? ` #${r.task_id}` : ''}` },
              { head: t('ld.responsible'), cell: unitText },
              { head: t('ld.deadline'), cell: (r) => r.deadline ?? '—' },
            ]}
          />
        )}
      </TableImport>
    </div>
  );
}
