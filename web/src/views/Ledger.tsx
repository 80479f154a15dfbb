/** The 督办 ledger: sign-in, the board grouped by lead unit, a task's page and the unit officer's own tasks. */
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, qs, useApi, type DocumentSummary, type Page } from '../api';
import { ErrorBox, Field, FilterSelect, ImportReport, Loading } from '../common';
import { useI18n } from '../i18n';
import { Conflict, LIGHTS, STATES, useLedger, useTableImport, type Action, type HistoryEntry, type Light, type Task, type TaskDetail, type Unit } from '../ledger';
import { href, navigate } from '../router';

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));
const pad = (n: number) => String(n).padStart(2, '0');
/** A stored instant in the browser's local time, `2023-06-15 10:00`. */
const when = (iso: string | null) => {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function LightChip({ light }: { light: Light }) {
  const { t } = useI18n();
  return (
    <span className={`light ${light}`} data-light={light}>
      {t(`light.${light}`)}
    </span>
  );
}

/** The sub-navigation of the ledger pages with the account and the sign-out button. */
function LedgerNav({ active }: { active: string }) {
  const { t } = useI18n();
  const { account, logout } = useLedger();
  const [error, setError] = useState<string>();
  if (!account) return null;
  const links: [string, string][] = [['ledger', 'ld.board']];
  if (account.role === 'unit_officer') links.push(['ledger/mine', 'ld.mine']);
  links.push(['ledger/dashboard', 'ld.dashboard']);
  return (
    <div className="subnav">
      {links.map(([path, key]) => (
        <a key={path} href={href(path)} className={active === path ? 'active' : ''}>
          {t(key)}
        </a>
      ))}
      <span className="spacer" />
      <span className="muted small" data-testid="ledger-account">
        {t('lg.as', { name: account.name, role: t(`role.${account.role}`) })}
      </span>
      <button type="button" className="plain" data-testid="logout" onClick={() => logout().then(() => navigate('login'), (e) => setError(msg(e)))}>
        {t('lg.logout')}
      </button>
      {error && <ErrorBox message={error} />}
    </div>
  );
}

/** Shows the ledger page when signed in, the login form otherwise. */
/** `nav`: show the ledger's own sub-navigation (other sections bring theirs). */
export function RequireLogin({ active, children, nav = true }: { active: string; children: ReactNode; nav?: boolean }) {
  const { account, ready } = useLedger();
  if (!ready) return <Loading />;
  if (!account) return <Login next={active} />;
  return (
    <>
      {nav && <LedgerNav active={active} />}
      {children}
    </>
  );
}

export function Login({ next = 'ledger' }: { next?: string }) {
  const { t } = useI18n();
  const { login, account } = useLedger();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    login(name, password).then(
      () => {
        setBusy(false);
        if (next === 'login') navigate('ledger');
      },
      (err) => {
        setBusy(false);
        setError(err instanceof ApiError && err.status === 401 ? t('lg.wrong') : msg(err));
      },
    );
  };
  useEffect(() => {
    if (account && next === 'login') navigate('ledger', {}, true);
  }, [account, next]);
  return (
    <section className="login">
      <h1>{t('lg.title')}</h1>
      {next === 'ledger' && <p className="muted">{t('lg.need')}</p>}
      <form onSubmit={submit} className="stack" data-testid="login-form">
        <Field label={t('lg.name')}>
          <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required data-testid="login-name" />
        </Field>
        <Field label={t('lg.password')}>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="login-password" />
        </Field>
        <button type="submit" disabled={busy}>
          {t('lg.submit')}
        </button>
      </form>
      {error && <ErrorBox message={error} />}
    </section>
  );
}

function unitName(units: Unit[] | undefined, id: number | null, fallback: string): string {
  if (id === null) return fallback;
  return units?.find((u) => u.id === id)?.name ?? `#${id}`;
}

/** Place/year pairs present in the tasks, newest first. */
function ledgersOf(tasks: Task[]): { place: string; year: number }[] {
  const seen = new Map<string, { place: string; year: number }>();
  for (const x of tasks) seen.set(`${x.jurisdiction}|${x.year}`, { place: x.jurisdiction, year: x.year });
  return [...seen.values()].sort((a, b) => b.year - a.year || a.place.localeCompare(b.place, 'zh'));
}

function TaskTable({ tasks, units }: { tasks: Task[]; units?: Unit[] }) {
  const { t } = useI18n();
  return (
    <table className="grid" data-testid="task-table">
      <thead>
        <tr>
          <th>{t('ld.light')}</th>
          <th>{t('ld.task')}</th>
          <th>{t('ld.responsible')}</th>
          <th>{t('ld.deadline')}</th>
          <th>{t('ld.state')}</th>
          <th>{t('ld.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((x) => (
          <tr key={x.id} data-testid="task-row" data-task-id={x.id}>
            <td>
              <LightChip light={x.light} />
            </td>
            <td>
              <a href={href(`ledger/task/${x.id}`)}>{x.title}</a>
            </td>
            <td className="small">{x.responsible_unit_ids.map((u) => unitName(units, u, '')).join('、') || t('none')}</td>
            <td className="nowrap">{x.deadline}</td>
            <td className="nowrap">{t(`state.${x.state}`)}</td>
            <td className="n">{x.progress_figure ?? t('none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GenerateForm({ onDone }: { onDone: (r: { place: string; year: number }) => void }) {
  const { t } = useI18n();
  const { send } = useLedger();
  const reports = useApi<Page<DocumentSummary>>(`/api/reports${qs({ _limit: 1000 })}`);
  const [docId, setDocId] = useState('');
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const usable = (reports.data?.items ?? []).filter((d) => d.jurisdiction && d.report_year);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const doc = usable.find((d) => String(d.id) === docId);
    if (!doc) return;
    setBusy(true);
    setError(undefined);
    send<{ created: number; skipped: number }>('POST', '/api/ledger/generate', { document_id: doc.id }).then(
      (r) => {
        setBusy(false);
        setResult(t('ld.generated', { created: r.created, skipped: r.skipped }));
        onDone({ place: doc.jurisdiction!, year: doc.report_year! });
      },
      (err) => {
        setBusy(false);
        setError(msg(err));
      },
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
          {result}
        </span>
      )}
      {error && <ErrorBox message={error} />}
    </form>
  );
}

interface PlanUnitRef {
  id: number;
  name: string;
  created: boolean;
}

interface PlanRow {
  row: number;
  task: string;
  status: 'matched' | 'created' | 'skipped' | 'failed' | 'conflict';
  task_id: number | null;
  lead_unit: PlanUnitRef | null;
  responsible_units: PlanUnitRef[];
  deadline: string | null;
  problems: string[];
}

interface PlanResult {
  problems: string[];
  created_units: PlanUnitRef[];
  rows: PlanRow[];
  matched: number;
  created: number;
  skipped: number;
}

/** 导入分工方案: upload a CSV or XLSX decomposition table and show what became of each row. */
function ImportPlanForm({ place, year, onDone }: { place: string; year: number; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, result, upload: send } = useTableImport<PlanResult>(onDone);
  const upload = (file: File) => send(`/api/ledger/import-plan${qs({ filename: file.name, jurisdiction: place, year })}`, file);
  const unitText = (r: PlanRow) =>
    [r.lead_unit, ...r.responsible_units]
      .filter((u): u is PlanUnitRef => u !== null)
      .map((u) => (u.created ? `${u.name}${t('ip.newUnit')}` : u.name))
      .join('、');
  return (
    <div className="filters generate" data-testid="import-plan">
      <Field label={t('ip.title')}>
        <input type="file" accept=".csv,.xlsx,text/csv" disabled={busy} data-testid="import-plan-file" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </Field>
      <span className="muted small">{t('ip.hint')}</span>
      {error && <ErrorBox message={error} />}
      {result && (
        <ImportReport
          testId="import-plan-result"
          rowTestId="import-plan-row"
          summary={t('ip.summary', { matched: result.matched, created: result.created, skipped: result.skipped })}
          problems={result.problems}
          headers={[t('ip.row'), t('ld.task'), t('ip.result'), t('ld.responsible'), t('ld.deadline'), t('ip.problems')]}
          rows={result.rows}
          cells={(r) => [
            r.row,
            r.task_id !== null ? <a href={href(`ledger/task/${r.task_id}`)}>{r.task || '—'}</a> : r.task || '—',
            `${t(`ip.${r.status}`)}${r.task_id !== null ? ` #${r.task_id}` : ''}`,
            unitText(r),
            r.deadline ?? '—',
            <span className="small">{r.problems.join('；')}</span>,
          ]}
        />
      )}
    </div>
  );
}

/** 合并 / 拆分 for supervisors: simple forms on the task page. */
function MergeSplit({ task, busy, onMerge, onSplit }: { task: Task; busy: boolean; onMerge: (from: number[]) => void; onSplit: (titles: string[]) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [titles, setTitles] = useState('');
  const ids = from.split(/[\s,，、]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const lines = titles.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <div data-testid="merge-split">
      <h2>{t('ms.title')}</h2>
      <form
        className="filters"
        data-testid="merge-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (ids.length) onMerge(ids);
        }}
      >
        <Field label={t('ms.mergeFrom')}>
          <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="12, 15" data-testid="merge-from" />
        </Field>
        <button type="submit" disabled={busy || !ids.length || task.archived} data-testid="merge">
          {t('ms.merge')}
        </button>
      </form>
      <form
        className="filters"
        data-testid="split-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (lines.length >= 2) onSplit(lines);
        }}
      >
        <Field label={t('ms.splitTitles')}>
          <textarea rows={3} value={titles} onChange={(e) => setTitles(e.target.value)} data-testid="split-titles" />
        </Field>
        <button type="submit" disabled={busy || lines.length < 2 || task.archived} data-testid="split">
          {t('ms.split')}
        </button>
      </form>
    </div>
  );
}

export function Board({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const { account } = useLedger();
  const [reload, setReload] = useState(0);
  const tasks = useApi<Page<Task>>('/api/ledger/tasks', reload);
  const units = useApi<{ items: Unit[] }>('/api/ledger/units');
  const all = tasks.data?.items ?? [];
  const ledgers = useMemo(() => ledgersOf(all), [all]);
  const place = params.get('place') ?? ledgers[0]?.place ?? '';
  const year = Number(params.get('year') ?? ledgers[0]?.year ?? NaN);
  const unit = params.get('unit') ?? '';
  const light = params.get('light') ?? '';
  const state = params.get('state') ?? '';
  const set = (k: string, v: string) => {
    const next = Object.fromEntries(params);
    next[k] = v;
    if (k === 'ledger') {
      const [p, y] = v.split('|');
      delete next.ledger;
      next.place = p;
      next.year = y;
    }
    navigate('ledger', next, true);
  };
  const shown = all.filter(
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
  const manage = account?.role === 'admin' || account?.role === 'supervisor';
  const tq = qs({ jurisdiction: place, year: Number.isFinite(year) ? year : undefined });
  return (
    <section>
      <h1>{t('ld.title')}</h1>
      {manage && (
        <GenerateForm
          onDone={(r) => {
            setReload((n) => n + 1);
            navigate('ledger', { place: r.place, year: r.year }, true);
          }}
        />
      )}
      {manage && place && Number.isFinite(year) && <ImportPlanForm place={place} year={year} onDone={() => setReload((n) => n + 1)} />}
      {tasks.error && <ErrorBox message={tasks.error} />}
      <div className="filters">
        <Field label={`${t('ld.place')} / ${t('ld.year')}`}>
          <select value={`${place}|${Number.isFinite(year) ? year : ''}`} onChange={(e) => set('ledger', e.target.value)} data-testid="ledger-pick">
            {ledgers.map((l) => (
              <option key={`${l.place}|${l.year}`} value={`${l.place}|${l.year}`}>
                {l.place} {l.year}
              </option>
            ))}
          </select>
        </Field>
        <FilterSelect label={t('ld.unit')} value={unit} onChange={(v) => set('unit', v)} testId="filter-unit"
          options={(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))} />
        <FilterSelect label={t('ld.light')} value={light} onChange={(v) => set('light', v)} testId="filter-light"
          options={LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))} />
        <FilterSelect label={t('ld.state')} value={state} onChange={(v) => set('state', v)} testId="filter-state"
          options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
        <span className="spacer" />
        {place && (
          <span className="downloads">
            <a href={`/api/ledger/progress-table.xlsx${tq}`} download data-testid="progress-xlsx">
              {t('ld.xlsx')}
            </a>
            <a href={`/api/ledger/progress-table.html${tq}`} target="_blank" rel="noopener" data-testid="progress-html">
              {t('ld.html')}
            </a>
          </span>
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
                  {unitName(units.data?.items, u, t('ld.unassigned'))}{' '}
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
                <TaskTable tasks={list} units={units.data?.items} />
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
  const { account } = useLedger();
  const tasks = useApi<Page<Task>>('/api/ledger/tasks');
  const units = useApi<{ items: Unit[] }>('/api/ledger/units');
  const mine = (tasks.data?.items ?? []).filter((x) => x.state !== 'draft' && !x.archived);
  return (
    <section>
      <h1>{t('my.title')}</h1>
      <p className="muted">
        {t('my.intro')} {account?.unit_id ? unitName(units.data?.items, account.unit_id, '') : ''}
      </p>
      {tasks.error && <ErrorBox message={tasks.error} />}
      {tasks.loading && !tasks.data ? <Loading /> : mine.length ? <TaskTable tasks={mine} units={units.data?.items} /> : <p className="muted">{t('ld.empty')}</p>}
    </section>
  );
}

const NEEDS_DEADLINE: Action[] = ['request_extension'];

function historyLabel(t: (k: string) => string, action: string): string {
  for (const key of [`act.${action}`, `h.${action}`]) {
    const s = t(key);
    if (s !== key) return s;
  }
  return action;
}

export function TaskPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { account, send } = useLedger();
  const [reload, setReload] = useState(0);
  const detail = useApi<TaskDetail & { ok: true }>(`/api/ledger/tasks/${id}`, reload);
  const history = useApi<{ items: HistoryEntry[] }>(`/api/ledger/tasks/${id}/history`, reload);
  const units = useApi<{ items: Unit[] }>('/api/ledger/units');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string }>();
  const [busy, setBusy] = useState(false);
  // A 409 brings the current task: show it until the next reload.
  const [current, setCurrent] = useState<Task>();
  const task = current ?? detail.data?.task;

  useEffect(() => setCurrent(undefined), [detail.data]);

  const run = (p: Promise<unknown>, ok: string) => {
    setBusy(true);
    p.then(
      () => {
        setBusy(false);
        setNotice({ kind: 'ok', text: ok });
        setReload((n) => n + 1);
      },
      (e) => {
        setBusy(false);
        if (e instanceof Conflict) {
          setNotice({ kind: 'conflict', text: t('tk.conflict', { v: e.current.version }) });
          setReload((n) => n + 1);
          setCurrent(e.current);
        } else setNotice({ kind: 'error', text: msg(e) });
      },
    );
  };

  if (detail.error) return <ErrorBox message={detail.error} />;
  if (!task || !detail.data) return <Loading />;
  const role = account?.role;
  const manage = role === 'admin' || role === 'supervisor';
  const unitList = units.data?.items ?? [];
  const src = task.source;
  return (
    <section className="task-page" data-testid="task-page">
      <p>
        <a href={href('ledger', { place: task.jurisdiction, year: task.year })}>← {t('tk.back')}</a>
      </p>
      <h1 data-testid="task-title">
        <LightChip light={task.light} /> {task.title}
      </h1>
      {notice && (
        <div className={notice.kind === 'ok' ? 'ok-box' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid={`notice-${notice.kind}`}>
          {notice.text}
        </div>
      )}
      <div className="task-cols">
        <div>
          <h2>{t('tk.fields')}</h2>
          <dl className="fields" data-testid="task-fields">
            <dt>{t('ld.state')}</dt>
            <dd data-testid="task-state">{t(`state.${task.state}`)}</dd>
            <dt>{t('ld.deadline')}</dt>
            <dd>
              {task.deadline}
              {task.overdue ? ' ⚠' : ''}
            </dd>
            <dt>{t('tk.phrase')}</dt>
            <dd>{task.deadline_phrase ?? t('none')}</dd>
            <dt>{t('ld.lead')}</dt>
            <dd data-testid="task-lead">{unitName(unitList, task.lead_unit_id, t('ld.unassigned'))}</dd>
            <dt>{t('ld.responsible')}</dt>
            <dd>{task.responsible_unit_ids.map((u) => unitName(unitList, u, '')).join('、') || t('none')}</dd>
            <dt>{t('tk.sourceKind')}</dt>
            <dd>{t(`fact.${task.source_kind}`)}</dd>
            <dt>{t('tk.indicator')}</dt>
            <dd>{task.indicator ?? t('none')}</dd>
            <dt>{t('tk.figure')}</dt>
            <dd>{task.figure.text ?? (task.figure.value !== null ? `${task.figure.value}${task.figure.unit ?? ''}` : t('none'))}</dd>
            <dt>{t('tk.firmness')}</dt>
            <dd>{task.firmness ?? t('none')}</dd>
            <dt>{t('tk.livelihood')}</dt>
            <dd>{task.livelihood ? t('yes') : t('no')}</dd>
            <dt>{t('tk.progressFigure')}</dt>
            <dd>{task.progress_figure ?? t('none')}</dd>
            <dt>{t('tk.lastProgress')}</dt>
            <dd>{when(task.last_progress_at)}</dd>
            <dt>{t('tk.reasons')}</dt>
            <dd>{task.light_reasons.join('；') || t('none')}</dd>
            <dt>{t('tk.version')}</dt>
            <dd data-testid="task-version">{task.version}</dd>
          </dl>
          {task.pending_extension && <p className="pending">{t('tk.pendingExt', { deadline: task.pending_extension.deadline })}</p>}
          {src.sentence && (
            <>
              <h2>{t('tk.source')}</h2>
              <blockquote className="source" data-testid="task-source">
                {src.sentence}
              </blockquote>
              {task.document_id !== null && src.start !== null && src.end !== null && (
                <a href={href(`report/${task.document_id}`, { at: src.start, end: src.end })} data-testid="task-source-link">
                  {t('tk.openSource')}
                </a>
              )}
            </>
          )}
          {role && (
            <EditForm
              key={`${task.id}-${task.version}`}
              task={task}
              units={unitList}
              manage={manage}
              busy={busy}
              onSave={(patch) => run(send('PUT', `/api/ledger/tasks/${task.id}`, { version: task.version, ...patch }), t('tk.saved', { v: task.version + 1 }))}
            />
          )}
        </div>
        <div>
          <h2>{t('tk.workflow')}</h2>
          <Workflow
            key={`wf-${task.version}`}
            task={task}
            actions={current ? [] : detail.data.actions}
            busy={busy}
            canUrge={manage}
            canInstruct={role === 'leader' || role === 'admin'}
            onAction={(action, note, deadline) =>
              run(send('POST', `/api/ledger/tasks/${task.id}/actions/${action}`, { version: task.version, ...(note ? { note } : {}), ...(deadline ? { deadline } : {}) }), t('act.done', { action: t(`act.${action}`) }))
            }
            onNotice={(kind, text) => run(send('POST', `/api/ledger/tasks/${task.id}/${kind}`, { text }), t('act.done', { action: t(kind === 'urge' ? 'act.urge' : 'act.instruct') }))}
          />
          {manage && !task.archived && (
            <MergeSplit
              key={`ms-${task.version}`}
              task={task}
              busy={busy}
              onMerge={(from) => run(send('POST', `/api/ledger/tasks/${task.id}/merge`, { version: task.version, from }), t('act.done', { action: t('ms.merge') }))}
              onSplit={(titles) => run(send('POST', `/api/ledger/tasks/${task.id}/split`, { version: task.version, titles }), t('act.done', { action: t('ms.split') }))}
            />
          )}
          {detail.data.links && (detail.data.links.merged_into !== null || detail.data.links.split_into.length > 0 || detail.data.links.merged_from.length > 0 || detail.data.links.split_from !== null) && (
            <p data-testid="task-links">
              {detail.data.links.merged_into !== null && <a href={href(`ledger/task/${detail.data.links.merged_into}`)}>{t('ms.mergedInto', { id: detail.data.links.merged_into })}</a>}
              {detail.data.links.split_from !== null && <a href={href(`ledger/task/${detail.data.links.split_from}`)}>{t('ms.splitFrom', { id: detail.data.links.split_from })}</a>}
              {detail.data.links.merged_from.length > 0 && <span> {t('ms.mergedFrom', { ids: detail.data.links.merged_from.join('、') })}</span>}
              {detail.data.links.split_into.map((i) => (
                <a key={i} href={href(`ledger/task/${i}`)}>
                  {' '}
                  {t('ms.splitInto', { id: i })}
                </a>
              ))}
            </p>
          )}
          {role && role !== 'leader' && task.state !== 'draft' && task.state !== 'closed' && (
            <ProgressForm busy={busy} onSubmit={(p) => run(send('POST', `/api/ledger/tasks/${task.id}/progress`, { version: task.version, ...p }), t('act.done', { action: t('tk.progressForm') }))} />
          )}
          <h2>{t('tk.progressList')}</h2>
          {detail.data.progress.length === 0 ? (
            <p className="muted">{t('tk.noProgress')}</p>
          ) : (
            <ul className="progress-list" data-testid="progress-list">
              {detail.data.progress.map((p) => (
                <li key={p.id}>
                  <span className="muted small">{p.report_date}</span> {p.narrative}
                  {p.figure !== null && <span className="muted"> （{p.figure}）</span>}
                  {p.evidence.map((u) => (
                    <a key={u} className="small evidence" href={/^https?:/.test(u) ? u : undefined} rel="noopener noreferrer" target="_blank">
                      {u}
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {detail.data.notices.length > 0 && (
            <>
              <h2>{t('tk.notices')}</h2>
              <ul className="progress-list">
                {detail.data.notices.map((n) => (
                  <li key={n.id}>
                    <span className="muted small">{when(n.at)}</span> <strong>{t(n.kind === 'urge' ? 'act.urge' : 'act.instruct')}</strong> {n.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('tk.timeline')}</h2>
          {history.error && <ErrorBox message={history.error} />}
          {history.data && history.data.items.length === 0 && <p className="muted">{t('tk.noHistory')}</p>}
          <ol className="timeline" data-testid="timeline">
            {(history.data?.items ?? []).map((h) => (
              <li key={h.id} data-testid="timeline-entry" data-action={h.action}>
                <span className="muted small">{when(h.at)}</span> <strong>{historyLabel(t, h.action)}</strong>
                {h.account_name && <span className="muted"> · {h.account_name}</span>}
                {h.action === 'edit' && h.after && <div className="note">{t('h.fields', { fields: Object.keys(h.after).filter((k) => k !== 'version' && k !== 'updated_at').join('、') })}</div>}
                {h.note && <div className="note">{h.note}</div>}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}

type Patch = Record<string, unknown>;

function EditForm({ task, units, manage, busy, onSave }: { task: Task; units: Unit[]; manage: boolean; busy: boolean; onSave: (p: Patch) => void }) {
  const { t } = useI18n();
  const [deadline, setDeadline] = useState(task.deadline);
  const [lead, setLead] = useState(task.lead_unit_id === null ? '' : String(task.lead_unit_id));
  const [resp, setResp] = useState<string[]>(task.responsible_unit_ids.map(String));
  const [internal, setInternal] = useState(task.internal_note ?? '');
  const [unitNote, setUnitNote] = useState(task.unit_note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!manage) return onSave({ unit_note: unitNote || null });
    onSave({
      deadline,
      lead_unit_id: lead ? Number(lead) : null,
      responsible_unit_ids: resp.map(Number),
      internal_note: internal || null,
      unit_note: unitNote || null,
    });
  };
  return (
    <form className="stack edit" onSubmit={submit} data-testid="edit-form">
      <h2>{t('tk.edit')}</h2>
      {manage && (
        <>
          <Field label={t('ld.deadline')}>
            <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="edit-deadline" />
          </Field>
          <Field label={t('ld.lead')}>
            <select value={lead} onChange={(e) => setLead(e.target.value)} data-testid="edit-lead">
              <option value="">{t('ld.unassigned')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('ld.responsible')}>
            <select multiple value={resp} onChange={(e) => setResp([...e.target.selectedOptions].map((o) => o.value))} data-testid="edit-responsible">
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('tk.internalNote')}>
            <textarea value={internal} onChange={(e) => setInternal(e.target.value)} rows={2} />
          </Field>
        </>
      )}
      <Field label={t('tk.unitNote')}>
        <textarea value={unitNote} onChange={(e) => setUnitNote(e.target.value)} rows={2} data-testid="edit-unit-note" />
      </Field>
      <button type="submit" disabled={busy} data-testid="save">
        {t('tk.save')}
      </button>
    </form>
  );
}

function Workflow({
  task,
  actions,
  busy,
  canUrge,
  canInstruct,
  onAction,
  onNotice,
}: {
  task: Task;
  actions: Action[];
  busy: boolean;
  canUrge: boolean;
  canInstruct: boolean;
  onAction: (a: Action, note: string, deadline: string) => void;
  onNotice: (kind: 'urge' | 'instructions', text: string) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState(task.deadline);
  const [text, setText] = useState('');
  const needsDeadline = actions.some((a) => NEEDS_DEADLINE.includes(a));
  const open = task.state !== 'draft' && task.state !== 'closed';
  return (
    <div className="workflow" data-testid="workflow">
      {actions.length === 0 ? (
        <p className="muted">{t('act.none')}</p>
      ) : (
        <>
          <Field label={t('act.note')}>
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="action-note" />
          </Field>
          {needsDeadline && (
            <Field label={t('act.newDeadline')}>
              <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="action-deadline" />
            </Field>
          )}
          <div className="buttons">
            {actions.map((a) => (
              <button key={a} type="button" disabled={busy} className={`act ${a}`} data-action={a} onClick={() => onAction(a, note, NEEDS_DEADLINE.includes(a) ? deadline : '')}>
                {t(`act.${a}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {open && (canUrge || canInstruct) && (
        <form
          className="stack notice-form"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <Field label={`${canUrge ? t('act.urge') : ''}${canUrge && canInstruct ? ' / ' : ''}${canInstruct ? t('act.instruct') : ''}`}>
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} data-testid="notice-text" />
          </Field>
          <div className="buttons">
            {canUrge && (
              <button type="button" disabled={busy || !text.trim()} data-action="urge" onClick={() => onNotice('urge', text)}>
                {t('act.urge')}
              </button>
            )}
            {canInstruct && (
              <button type="button" disabled={busy || !text.trim()} data-action="instructions" onClick={() => onNotice('instructions', text)}>
                {t('act.instruct')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}

function ProgressForm({ busy, onSubmit }: { busy: boolean; onSubmit: (p: { report_date: string; narrative: string; figure: number | null; evidence: string[]; internal: boolean }) => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [narrative, setNarrative] = useState('');
  const [figure, setFigure] = useState('');
  const [evidence, setEvidence] = useState('');
  const [internal, setInternal] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      report_date: date,
      narrative,
      figure: figure.trim() === '' ? null : Number(figure),
      evidence: evidence.split('\n').map((s) => s.trim()).filter(Boolean),
      internal,
    });
  };
  return (
    <form className="stack progress-form" onSubmit={submit} data-testid="progress-form">
      <h2>{t('tk.progressForm')}</h2>
      <Field label={t('tk.reportDate')}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required data-testid="progress-date" />
      </Field>
      <Field label={t('tk.narrative')}>
        <textarea value={narrative} onChange={(e) => setNarrative(e.target.value)} rows={3} required data-testid="progress-narrative" />
      </Field>
      <Field label={t('tk.figureNow')}>
        <input type="number" step="any" value={figure} onChange={(e) => setFigure(e.target.value)} data-testid="progress-figure" />
      </Field>
      <Field label={t('tk.evidence')}>
        <textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={2} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('tk.internal')}
      </label>
      <button type="submit" disabled={busy} data-testid="progress-submit">
        {t('tk.submit')}
      </button>
    </form>
  );
}
