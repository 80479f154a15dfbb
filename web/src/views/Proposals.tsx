/**
 * 建议/提案 pages: the list (signed in; the office registers and imports
 * items there), one item's page with the steps open to the account (交办,
 * 答复, 满意度, 跟踪办理) and its history, and the figures per 承办单位,
 * which are public.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, qs, useApi } from '../api';
import { Downloads, ErrorBox, Field, FilterSelect, ImportReport, Loading } from '../common';
import { useI18n, type T } from '../i18n';
import { Conflict, pct, useLedger, useTableImport, type Unit } from '../ledger';
import { href, navigate } from '../router';
import {
  KINDS, REPLY_STATUSES, SATISFACTIONS, type ImportAnswer, type ProposalAction, type ProposalDetail, type ProposalKind, type ProposalList,
  type ProposalPlace, type ProposalView, type ReplyStatus, type Satisfaction, type StatsAnswer, type StatsRow,
} from '../proposals';
import { Login } from './Ledger';

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));
const pad = (n: number) => String(n).padStart(2, '0');
/** A stored instant in the browser's local time, `2023-06-15 10:00`. */
const when = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const MANAGE = ['admin', 'supervisor'];
/** 顿号, commas, semicolons or line breaks between names, the way lists of deputies are written. */
const names = (s: string) => s.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean);

function ProposalsNav({ active }: { active: string }) {
  const { t } = useI18n();
  const { account, logout } = useLedger();
  // Visitors see the figures only: the list needs an account.
  const links: [string, string][] = account ? [['proposals', 'pp.list'], ['proposals/stats', 'pp.stats']] : [['proposals/stats', 'pp.stats']];
  return (
    <div className="subnav">
      {links.map(([path, key]) => (
        <a key={path} href={href(path)} className={active === path ? 'active' : ''}>
          {t(key)}
        </a>
      ))}
      <span className="spacer" />
      {account ? (
        <>
          <span className="muted small" data-testid="proposals-account">
            {t('lg.as', { name: account.name, role: t(`role.${account.role}`) })}
          </span>
          <button type="button" className="plain" onClick={() => void logout().then(() => navigate('proposals'))}>
            {t('lg.logout')}
          </button>
        </>
      ) : (
        <a href={href('proposals', { signin: 1 })} data-testid="proposals-signin">
          {t('pp.signInLink')}
        </a>
      )}
    </div>
  );
}

export function StatusChip({ status }: { status: ReplyStatus }) {
  const { t } = useI18n();
  return (
    <span className={`rs ${status}`} data-status={status}>
      {t(`pp.rs.${status}`)}
    </span>
  );
}

const unitName = (units: Unit[] | undefined, id: number | null) => (id === null ? '' : units?.find((u) => u.id === id)?.name ?? `#${id}`);

/** The place and year the page shows: from the URL, else the newest that has items. */
function pick(params: URLSearchParams, places: ProposalPlace[]) {
  const place = params.get('place') ?? places[0]?.jurisdiction ?? '';
  const years = places.filter((p) => p.jurisdiction === place).map((p) => p.year);
  const year = params.get('year') ?? (years.length ? String(years[0]) : 'all');
  const all = [...new Set([...places.map((p) => p.jurisdiction), ...(place ? [place] : [])])];
  if (year !== 'all' && !years.includes(Number(year))) years.unshift(Number(year));
  return { place, year, years, all };
}

function PlaceYear({ params, places, path, onChange }: { params: URLSearchParams; places: ProposalPlace[]; path: string; onChange?: () => void }) {
  const { t } = useI18n();
  const { place, year, years, all } = pick(params, places);
  const set = (k: string, v: string) => {
    const next = Object.fromEntries(params);
    next[k] = v;
    if (k === 'place') delete next.year;
    onChange?.();
    navigate(path, next, true);
  };
  return (
    <>
      <Field label={t('pp.place')}>
        <select value={place} onChange={(e) => set('place', e.target.value)} data-testid="pick-place">
          {all.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('pp.year')}>
        <select value={year} onChange={(e) => set('year', e.target.value)} data-testid="pick-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
          <option value="all">{t('all')}</option>
        </select>
      </Field>
    </>
  );
}

/** `#/proposals`: the list when signed in; the public figures otherwise. */
export function Proposals({ params }: { params: URLSearchParams }) {
  const { account, ready } = useLedger();
  // Once signed in, `signin` has done its work: keep it out of the URL the filters build on.
  useEffect(() => {
    if (!account || !params.get('signin')) return;
    const next = Object.fromEntries(params);
    delete next.signin;
    navigate('proposals', next, true);
  }, [account, params]);
  if (!ready) return <Loading />;
  if (!account) {
    if (params.get('signin')) {
      return (
        <>
          <ProposalsNav active="proposals" />
          <Login next="proposals" />
        </>
      );
    }
    return <ProposalStats params={params} path="proposals" />;
  }
  return <ProposalListPage params={params} />;
}

function ProposalListPage({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const { account } = useLedger();
  const [reload, setReload] = useState(0);
  const places = useApi<{ items: ProposalPlace[] }>('/api/public/proposals/places', reload);
  const units = useApi<{ items: Unit[] }>('/api/ledger/units', reload);
  const { place, year } = pick(params, places.data?.items ?? []);
  const kind = params.get('kind') ?? '';
  const unit = params.get('unit') ?? '';
  const status = params.get('status') ?? '';
  const filter = {
    jurisdiction: place || undefined,
    year: year === 'all' ? undefined : year,
    kind: kind || undefined,
    unit_id: unit || undefined,
    status: status && status !== 'overdue' ? status : undefined,
    overdue: status === 'overdue' ? 'true' : undefined,
  };
  const list = useApi<ProposalList>(places.data ? `/api/proposals${qs(filter)}` : null, reload);
  // 建议 before 提案, then by number as people count (2 before 12), the order of the offices' own lists.
  const shown = [...(list.data?.items ?? [])].sort(
    (a, b) => b.year - a.year || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.number.localeCompare(b.number, 'zh', { numeric: true }),
  );
  const [registered, setRegistered] = useState<string>();
  const set = (k: string, v: string) => navigate('proposals', { ...Object.fromEntries(params), [k]: v }, true);
  const manage = account !== null && MANAGE.includes(account.role);
  const unitList = units.data?.items ?? [];
  return (
    <>
      <ProposalsNav active="proposals" />
      <h1>{t('pp.title')}</h1>
      <p className="muted">{t('pp.intro')}</p>
      {places.error && <ErrorBox message={places.error} />}
      <div className="filters">
        <PlaceYear params={params} places={places.data?.items ?? []} path="proposals" />
        <FilterSelect label={t('pp.kind')} value={kind} onChange={(v) => set('kind', v)} testId="filter-kind" options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))} />
        <FilterSelect label={t('pp.unit')} value={unit} onChange={(v) => set('unit', v)} testId="filter-unit" options={unitList.map((u) => ({ value: String(u.id), label: u.name }))} />
        <FilterSelect
          label={t('pp.status')}
          value={status}
          onChange={(v) => set('status', v)}
          testId="filter-status"
          options={[...REPLY_STATUSES.map((s) => ({ value: s, label: t(`pp.rs.${s}`) })), { value: 'overdue', label: t('pp.overdue') }]}
        />
        <span className="spacer" />
        <Downloads path="/api/proposals" query={qs(filter)} />
      </div>
      {list.error && <ErrorBox message={list.error} />}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted" data-testid="proposals-total">
            {t('pp.total', { n: list.data?.total ?? 0, date: list.data?.as_of ?? '' })}
          </p>
          {list.data?.total === 0 ? (
            <p className="muted">{t('pp.empty')}</p>
          ) : (
            <table className="grid" data-testid="proposal-table">
              <thead>
                <tr>
                  <th>{t('pp.number')}</th>
                  <th>{t('pp.kind')}</th>
                  <th>{t('pp.itemTitle')}</th>
                  <th>{t('pp.proposers')}</th>
                  <th>{t('pp.lead')}</th>
                  <th>{t('pp.deadline')}</th>
                  <th>{t('pp.status')}</th>
                  <th>{t('pp.satisfaction')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id} data-testid="proposal-row" data-id={p.id}>
                    <td className="nowrap">{p.number}</td>
                    <td className="nowrap">{t(`pp.kind.${p.kind}`)}</td>
                    <td>
                      <a href={href(`proposals/item/${p.id}`)}>{p.title}</a>
                    </td>
                    <td className="small">{p.proposers.join('、')}</td>
                    <td className="small">{unitName(unitList, p.lead_unit_id) || t('none')}</td>
                    <td className="nowrap">{p.reply_deadline ?? t('none')}</td>
                    <td>
                      <StatusChip status={p.reply_status} />
                    </td>
                    <td className="nowrap">{p.satisfaction ? t(`pp.sat.${p.satisfaction}`) : t('none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {manage && (
        <>
          <RegisterForm
            key={`${place}|${year}`}
            place={place}
            year={year === 'all' ? String(new Date().getFullYear()) : year}
            units={unitList}
            note={registered}
            onDone={(p) => {
              setRegistered(t('pp.registered', { kind: t(`pp.kind.${p.kind}`), number: p.number }));
              setReload((n) => n + 1);
              navigate('proposals', { ...Object.fromEntries(params), place: p.jurisdiction, year: p.year }, true);
            }}
          />
          <ImportForm key={`i${place}|${year}`} place={place} year={year === 'all' ? String(new Date().getFullYear()) : year} onDone={() => setReload((n) => n + 1)} />
        </>
      )}
    </>
  );
}

function UnitSelects({ units, lead, assist, onLead, onAssist, required }: {
  units: Unit[];
  lead: string;
  assist: string[];
  onLead: (v: string) => void;
  onAssist: (v: string[]) => void;
  required: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('pp.lead')}>
        <select value={lead} onChange={(e) => onLead(e.target.value)} required={required} data-testid="lead-unit">
          <option value="">{required ? '—' : t('pp.notYet')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('pp.assistPick')}>
        <select multiple value={assist} disabled={!lead} onChange={(e) => onAssist([...e.target.selectedOptions].map((o) => o.value))} data-testid="assist-units">
          {units
            .filter((u) => String(u.id) !== lead)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </Field>
    </>
  );
}

/** `note`: what the last registration did, kept by the list: the form starts afresh when the list moves to the new item's year. */
function RegisterForm({ place, year, units, note, onDone }: { place: string; year: string; units: Unit[]; note?: string; onDone: (p: ProposalView) => void }) {
  const { t } = useI18n();
  const { send } = useLedger();
  const empty = { jurisdiction: place, year, kind: 'suggestion' as ProposalKind, number: '', title: '', proposers: '', received_at: '', lead: '', assist: [] as string[], assigned_at: '' };
  const [f, setF] = useState(empty);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const lead = f.lead ? { lead_unit_id: Number(f.lead), assist_unit_ids: f.assist.map(Number).filter((u) => u !== Number(f.lead)), ...(f.assigned_at ? { assigned_at: f.assigned_at } : {}) } : {};
    send<{ proposal: ProposalView }>('POST', '/api/proposals', {
      jurisdiction: f.jurisdiction.trim(), year: Number(f.year), kind: f.kind, number: f.number.trim(), title: f.title.trim(), proposers: names(f.proposers),
      ...(f.received_at ? { received_at: f.received_at } : {}), ...lead,
    }).then(
      (r) => {
        setBusy(false);
        setF({ ...empty, jurisdiction: f.jurisdiction, year: f.year, kind: f.kind });
        onDone(r.proposal);
      },
      (err) => {
        setBusy(false);
        setError(msg(err));
      },
    );
  };
  return (
    <section className="card">
      <h2>{t('pp.register')}</h2>
      <form className="generate" onSubmit={submit} data-testid="register-form">
        <div className="filters">
          <Field label={t('pp.place')}>
            <input required value={f.jurisdiction} onChange={(e) => setF({ ...f, jurisdiction: e.target.value })} size={8} data-testid="reg-place" />
          </Field>
          <Field label={t('pp.year')}>
            <input required type="number" value={f.year} onChange={(e) => setF({ ...f, year: e.target.value })} style={{ width: '6em' }} data-testid="reg-year" />
          </Field>
          <Field label={t('pp.kind')}>
            <select value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as ProposalKind })} data-testid="reg-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`pp.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('pp.number')}>
            <input required value={f.number} onChange={(e) => setF({ ...f, number: e.target.value })} size={6} data-testid="reg-number" />
          </Field>
          <Field label={t('pp.itemTitle')}>
            <input required value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} size={32} data-testid="reg-title" />
          </Field>
          <Field label={t('pp.proposersHint')}>
            <input value={f.proposers} onChange={(e) => setF({ ...f, proposers: e.target.value })} size={16} data-testid="reg-proposers" />
          </Field>
          <Field label={t('pp.receivedAt')}>
            <input type="date" value={f.received_at} onChange={(e) => setF({ ...f, received_at: e.target.value })} />
          </Field>
        </div>
        {/* The multi-select is tall: its row aligns at the top so the labels line up. */}
        <div className="filters tall">
          <UnitSelects units={units} lead={f.lead} assist={f.assist} onLead={(lead) => setF({ ...f, lead })} onAssist={(assist) => setF({ ...f, assist })} required={false} />
          <Field label={t('pp.assignedAtOpt')}>
            <input type="date" value={f.assigned_at} disabled={!f.lead} onChange={(e) => setF({ ...f, assigned_at: e.target.value })} />
          </Field>
        </div>
        <button type="submit" disabled={busy} data-testid="reg-submit">
          {t('pp.registerBtn')}
        </button>
      </form>
      {note && (
        <p className="ok" role="status" data-testid="reg-note">
          {note}
        </p>
      )}
      {error && <ErrorBox message={error} />}
    </section>
  );
}

/** 导入清单: a CSV or XLSX from the congress or CPPCC office, with what became of each row. */
function ImportForm({ place, year, onDone }: { place: string; year: string; onDone: () => void }) {
  const { t } = useI18n();
  const [where, setWhere] = useState({ place, year, kind: '' });
  const { busy, error, result, upload: send } = useTableImport<ImportAnswer>(onDone);
  const upload = (file: File) =>
    send(`/api/proposals/import${qs({ filename: file.name, jurisdiction: where.place.trim(), year: where.year, kind: where.kind || undefined })}`, file);
  const unitText = (r: ImportAnswer['rows'][number]) =>
    [r.lead_unit, ...r.assist_units]
      .filter((u) => u !== null)
      .map((u, i) => `${u.name}${u.created ? t('pp.newUnit') : ''}${i === 0 && r.lead_unit ? t('pp.leadMark') : ''}`)
      .join('、');
  return (
    <section className="card" data-testid="import-form">
      <h2>{t('pp.import')}</h2>
      <div className="filters generate">
        <Field label={t('pp.place')}>
          <input value={where.place} onChange={(e) => setWhere({ ...where, place: e.target.value })} size={8} />
        </Field>
        <Field label={t('pp.year')}>
          <input type="number" value={where.year} onChange={(e) => setWhere({ ...where, year: e.target.value })} style={{ width: '6em' }} />
        </Field>
        <Field label={t('pp.kind')}>
          <select value={where.kind} onChange={(e) => setWhere({ ...where, kind: e.target.value })}>
            <option value="">{t('pp.kindFromFile')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`pp.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('pp.importFile')}>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            disabled={busy || !where.place.trim() || !where.year}
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </Field>
        <span className="muted small">{t('pp.importHint')}</span>
      </div>
      {error && <ErrorBox message={error} />}
      {result && (
        <ImportReport
          testId="import-result"
          rowTestId="import-row"
          summary={t('pp.importSummary', { created: result.created, existing: result.existing, skipped: result.skipped })}
          problems={result.problems}
          headers={[t('pp.row'), t('pp.number'), t('pp.itemTitle'), t('pp.result'), t('pp.units'), t('pp.deadline'), t('pp.problems')]}
          rows={result.rows}
          cells={(r) => [
            r.row,
            r.number || t('none'),
            r.id !== null ? <a href={href(`proposals/item/${r.id}`)}>{r.title || t('none')}</a> : r.title || t('none'),
            t(`pp.imp.${r.status}`),
            <span className="small">{unitText(r) || t('none')}</span>,
            r.reply_deadline ?? t('none'),
            <span className="small">{r.problems.join('；')}</span>,
          ]}
        />
      )}
    </section>
  );
}

function historyLabel(t: T, action: string): string {
  const key = `pp.h.${action}`;
  const s = t(key);
  return s === key ? action : s;
}

/** `#/proposals/item/:id` */
export function ProposalPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { send } = useLedger();
  const [reload, setReload] = useState(0);
  const d = useApi<ProposalDetail>(`/api/proposals/${id}`, reload);
  const units = useApi<{ items: Unit[] }>('/api/ledger/units');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string }>();
  const [busy, setBusy] = useState(false);
  // Forms start afresh from the reloaded item after a step succeeds; after a conflict they keep what was typed.
  const [done, setDone] = useState(0);
  const [resetForms, setResetForms] = useState(false);
  useEffect(() => {
    if (!resetForms || !d.data) return;
    setResetForms(false);
    setDone((n) => n + 1);
  }, [d.data]);
  if (d.loading && !d.data) return <Loading />;
  if (d.error && !d.data) return <ErrorBox message={d.error} />;
  if (!d.data) return null;
  const { proposal: p, history, actions } = d.data;
  const unitList = units.data?.items ?? [];
  const run = (action: ProposalAction, body: Record<string, unknown>) => {
    setBusy(true);
    setNotice(undefined);
    send('POST', `/api/proposals/${p.id}/${action === 'follow_up' ? 'follow-up' : action}`, { version: p.version, ...body }).then(
      () => {
        setBusy(false);
        setNotice({ kind: 'ok', text: t(`pp.done.${action}`) });
        setResetForms(true);
        setReload((n) => n + 1);
      },
      (e) => {
        setBusy(false);
        // Someone else changed the item, or its state no longer allows the step: show why and what it is now.
        if (e instanceof ApiError && e.status === 409) {
          setNotice({ kind: 'conflict', text: e instanceof Conflict ? t('pp.conflict', { v: e.current.version }) : e.message });
          setReload((n) => n + 1);
        } else setNotice({ kind: 'error', text: msg(e) });
      },
    );
  };
  const kindLabel = t(`pp.kindLong.${p.kind}`);
  return (
    <>
      <ProposalsNav active="proposals" />
      <p className="small">
        <a href={href('proposals', { place: p.jurisdiction, year: p.year })}>← {t('pp.back')}</a>
      </p>
      <h1 data-testid="proposal-title">
        <span className="muted">
          {t('pp.numbered', { kind: t(`pp.kind.${p.kind}`), number: p.number })}
        </span>{' '}
        {p.title}
      </h1>
      {notice && (
        <div className={notice.kind === 'ok' ? 'ok-box' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid={`notice-${notice.kind}`}>
          {notice.text}
        </div>
      )}
      <div className="task-cols">
        <div>
          <h2>{t('pp.fields')}</h2>
          <dl className="fields" data-testid="proposal-fields">
            <dt>{t('pp.kind')}</dt>
            <dd>{kindLabel}</dd>
            <dt>{t('pp.place')}</dt>
            <dd>
              {p.jurisdiction} · {p.year}
            </dd>
            <dt>{t('pp.proposers')}</dt>
            <dd>{p.proposers.join('、') || t('none')}</dd>
            <dt>{t('pp.receivedAt')}</dt>
            <dd>{p.received_at}</dd>
            <dt>{t('pp.lead')}</dt>
            <dd data-testid="proposal-lead">{unitName(unitList, p.lead_unit_id) || t('none')}</dd>
            <dt>{t('pp.assist')}</dt>
            <dd>{p.assist_unit_ids.map((u) => unitName(unitList, u)).join('、') || t('none')}</dd>
            <dt>{t('pp.assignedAt')}</dt>
            <dd>{p.assigned_at ?? t('none')}</dd>
            <dt>{t('pp.deadline')}</dt>
            <dd>{p.reply_deadline ?? t('none')}</dd>
            <dt>{t('pp.status')}</dt>
            <dd data-testid="proposal-status">
              <StatusChip status={p.reply_status} />
            </dd>
            <dt>{t('pp.repliedAt')}</dt>
            <dd data-testid="proposal-replied-at">{p.replied_at ?? t('none')}</dd>
            <dt>{t('pp.satisfaction')}</dt>
            <dd data-testid="proposal-satisfaction">{p.satisfaction ? `${t(`pp.sat.${p.satisfaction}`)}（${p.satisfaction_at}）` : t('none')}</dd>
            <dt>{t('pp.followUp')}</dt>
            <dd>{p.follow_up ?? t('none')}</dd>
            <dt>{t('pp.version')}</dt>
            <dd data-testid="proposal-version">{p.version}</dd>
          </dl>
          {p.reply_text && (
            <>
              <h2>{t('pp.replyText')}</h2>
              <blockquote className="source" data-testid="proposal-reply">
                {p.reply_text}
              </blockquote>
            </>
          )}
        </div>
        <div>
          <h2>{t('pp.steps')}</h2>
          {actions.length === 0 && <p className="muted">{t('pp.noActions')}</p>}
          {actions.includes('assign') && (
            <AssignForm key={`a${done}`} p={p} units={unitList} busy={busy} onSubmit={(b) => run('assign', b)} />
          )}
          {actions.includes('reply') && <ReplyForm key={`r${done}`} again={p.state === 'replied'} busy={busy} onSubmit={(b) => run('reply', b)} />}
          {actions.includes('satisfaction') && <RateForm key={`s${done}`} busy={busy} onSubmit={(b) => run('satisfaction', b)} />}
          {actions.includes('follow_up') && <FollowUpForm key={`f${done}`} current={p.follow_up ?? ''} busy={busy} onSubmit={(b) => run('follow_up', b)} />}
          <h2>{t('pp.history')}</h2>
          <ol className="timeline" data-testid="proposal-history">
            {history.map((h) => (
              <li key={h.id} data-action={h.action}>
                <span className="muted small">{when(h.at)}</span> <strong>{historyLabel(t, h.action)}</strong>
                {h.account_name && <span className="muted"> · {h.account_name}</span>}
                {h.note && <div className="note">{h.note}</div>}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </>
  );
}

type Body = Record<string, unknown>;

function AssignForm({ p, units, busy, onSubmit }: { p: ProposalView; units: Unit[]; busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [lead, setLead] = useState(p.lead_unit_id === null ? '' : String(p.lead_unit_id));
  const [assist, setAssist] = useState(p.assist_unit_ids.map(String));
  const [assignedAt, setAssignedAt] = useState('');
  const [deadline, setDeadline] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      lead_unit_id: Number(lead),
      assist_unit_ids: assist.filter((u) => u !== lead).map(Number),
      ...(assignedAt ? { assigned_at: assignedAt } : {}),
      ...(deadline ? { reply_deadline: deadline } : {}),
    });
  };
  return (
    <form className="stack generate step" onSubmit={submit} data-testid="assign-form">
      <h3>{t(p.state === 'assigned' ? 'pp.reassign' : 'pp.act.assign')}</h3>
      <UnitSelects units={units} lead={lead} assist={assist} onLead={setLead} onAssist={setAssist} required />
      <Field label={t('pp.assignedAtOpt')}>
        <input type="date" value={assignedAt} onChange={(e) => setAssignedAt(e.target.value)} />
      </Field>
      <Field label={t('pp.deadlineOpt')}>
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !lead} data-testid="assign-submit">
        {t('pp.act.assign')}
      </button>
    </form>
  );
}

function ReplyForm({ again, busy, onSubmit }: { again: boolean; busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ text, ...(date ? { replied_at: date } : {}) });
  };
  return (
    <form className="stack generate step" onSubmit={submit} data-testid="reply-form">
      <h3>{t(again ? 'pp.reReply' : 'pp.act.reply')}</h3>
      <Field label={t('pp.replyText')}>
        <textarea rows={6} required value={text} onChange={(e) => setText(e.target.value)} data-testid="reply-text" />
      </Field>
      <Field label={t('pp.repliedAtOpt')}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="reply-date" />
      </Field>
      <button type="submit" disabled={busy || !text.trim()} data-testid="reply-submit">
        {t('pp.replyBtn')}
      </button>
    </form>
  );
}

function RateForm({ busy, onSubmit }: { busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [rating, setRating] = useState<Satisfaction>();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rating) onSubmit({ satisfaction: rating, ...(date ? { at: date } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <form className="stack generate step" onSubmit={submit} data-testid="rate-form">
      <h3>{t('pp.act.satisfaction')}</h3>
      <div className="buttons" role="radiogroup">
        {SATISFACTIONS.map((s) => (
          <label key={s}>
            <input type="radio" name="satisfaction" checked={rating === s} onChange={() => setRating(s)} /> {t(`pp.sat.${s}`)}
          </label>
        ))}
      </div>
      <Field label={t('pp.ratedAtOpt')}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field label={t('pp.rateNote')}>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !rating} data-testid="rate-submit">
        {t('pp.rateBtn')}
      </button>
    </form>
  );
}

function FollowUpForm({ current, busy, onSubmit }: { current: string; busy: boolean; onSubmit: (b: Body) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ note });
  };
  return (
    <form className="stack generate step" onSubmit={submit} data-testid="follow-up-form">
      <h3>{t('pp.act.follow_up')}</h3>
      <Field label={t('pp.followUpNote')}>
        <textarea rows={3} required value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !note.trim()}>
        {t('pp.followBtn')}
      </button>
    </form>
  );
}

/** The line a work report prints: 办理人大代表建议N件、政协委员提案M件，办结率X%，满意率Y%. */
export function summaryLine(t: T, s: StatsAnswer): string {
  const count: Record<ProposalKind, number> = { suggestion: 0, proposal: 0 };
  for (const g of s.groups) if (g.kind) count[g.kind] += g.total;
  const parts = KINDS.filter((k) => count[k] > 0).map((k) => t(`pp.sum.${k}`, { n: count[k] }));
  if (parts.length === 0) return t('pp.sum.none');
  let line = t('pp.sum.handled', { items: parts.join(t('pp.sum.join')) }) + t('pp.sum.completion', { p: pct(s.total.completion_rate) });
  if (s.total.satisfaction_rate !== null) line += t('pp.sum.satisfaction', { p: pct(s.total.satisfaction_rate) });
  return line;
}

function StatsTable({ s }: { s: StatsAnswer }) {
  const { t } = useI18n();
  const row = (r: StatsRow, name: string, className?: string) => (
    <tr key={name} className={className} data-testid="stats-row">
      <td>{name}</td>
      <td className="n">{r.total}</td>
      <td className="n">{r.replied}</td>
      <td className="n">{r.replied_on_time}</td>
      <td className="n">{r.replied_late}</td>
      <td className="n">{r.open_overdue}</td>
      <td className="n">{r.open}</td>
      <td className="n">{r.unassigned}</td>
      <td className="n">{pct(r.completion_rate)}</td>
      <td className="n">{pct(r.on_time_rate)}</td>
      <td className="n">{r.rated}</td>
      <td className="n">{pct(r.satisfaction_rate)}</td>
      {/* 会办 is not part of the total: each item counts once, for its lead unit. */}
      <td className="n">{className === 'sum' ? t('none') : r.assisting}</td>
    </tr>
  );
  return (
    <table className="grid" data-testid="stats-table">
      <thead>
        <tr>
          {['unit', 'total', 'replied', 'on_time', 'late', 'open_overdue', 'open', 'unassigned', 'completion', 'on_time_rate', 'rated', 'satisfaction', 'assisting'].map((c) => (
            <th key={c} className={c === 'unit' ? undefined : 'n'}>
              {t(`pp.c.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {s.units.map((r) => row(r, r.unit_id === null ? t('pp.unassignedUnit') : r.unit ?? '', undefined))}
        {row(s.total, t('pp.sumTotal'), 'sum')}
      </tbody>
    </table>
  );
}

/** `#/proposals/stats` (and `#/proposals` for visitors): the figures are public. */
export function ProposalStats({ params, path = 'proposals/stats' }: { params: URLSearchParams; path?: string }) {
  const { t } = useI18n();
  const { account, ready } = useLedger();
  const places = useApi<{ items: ProposalPlace[] }>('/api/public/proposals/places');
  const { place, year } = pick(params, places.data?.items ?? []);
  const kind = params.get('kind') ?? '';
  const q = qs({ jurisdiction: place, year: year === 'all' ? undefined : year, kind: kind || undefined });
  const s = useApi<StatsAnswer>(place ? `/api/public/proposals/stats${q}` : null);
  return (
    <>
      <ProposalsNav active="proposals/stats" />
      <h1>{t('pp.statsTitle')}</h1>
      <p className="muted">{t('pp.statsIntro')}</p>
      {places.error && <ErrorBox message={places.error} />}
      {places.data && places.data.items.length === 0 && <p className="muted">{t('pp.noPlaces')}</p>}
      {place && (
        <div className="filters">
          <PlaceYear params={params} places={places.data?.items ?? []} path={path} />
          <FilterSelect
            label={t('pp.kind')}
            value={kind}
            onChange={(v) => navigate(path, { ...Object.fromEntries(params), kind: v }, true)}
            testId="stats-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))}
          />
          <span className="spacer" />
          <Downloads path="/api/public/proposals/stats" query={q} />
        </div>
      )}
      {s.error && <ErrorBox message={s.error} />}
      {s.loading && !s.data && <Loading />}
      {s.data && (
        <>
          <p className="summary" data-testid="stats-summary">
            {summaryLine(t, s.data)}
          </p>
          <p className="muted small">
            {place} · {year === 'all' ? t('pp.allYears') : t('pp.yearN', { y: year })} · {kind ? t(`pp.kindLong.${kind}`) : t('pp.bothKinds')} · {t('pp.asOf', { date: s.data.as_of })}
          </p>
          <StatsTable s={s.data} />
          <p className="muted small">{t('pp.statsNote')}</p>
        </>
      )}
      {!account && ready && (
        <p className="muted small">
          <a href={href('proposals', { signin: 1 })}>{t('pp.signIn')}</a>
        </p>
      )}
    </>
  );
}
