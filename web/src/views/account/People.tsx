/**
 * `#/people` (admin): the unit tree (add, rename, move) and the accounts (add, role, unit, disable or
 * enable, a one-time reset code shown once). Each change is one request; the lists reload after it.
 */
import { useMemo, useState } from 'react';
import { useApi, useReload } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ROLE_LIST, type Account, type Role, type Unit } from '../../types';
import { isOneOf } from '../../format';
import { ActionForm, Choice, ErrorBox, Loading, TextField, UnitOptions } from '../../ui/common';
import { DataTable } from '../../ui/DataTable';
import { useAction } from '../../ui/useAction';

/** The units as a select's choices. */
const unitChoices = (units: readonly Unit[]) => units.map((u) => ({ value: String(u.id), label: u.name }));

/** Units in tree order, each with its depth. */
function treeOf(units: readonly Unit[]): { unit: Unit; depth: number }[] {
  const out: { unit: Unit; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const u of units.filter((x) => x.parent_id === parent).sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function UnitRow({ unit, depth, units, onDone }: { unit: Unit; depth: number; units: readonly Unit[]; onDone: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [name, setName] = useState(unit.name);
  const [parent, setParent] = useState(unit.parent_id === null ? '' : String(unit.parent_id));
  const { busy, error, run } = useAction();
  const save = () => void run(() => send('PUT', `/api/ledger/units/${unit.id}`, { name: name.trim(), parent_id: parent === '' ? null : Number(parent) }), onDone);
  return (
    <li style={{ marginLeft: `${depth * 1.2}em` }} data-testid="unit-row">
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('pe.unitName')} />
      <select value={parent} onChange={(e) => setParent(e.target.value)} aria-label={t('pe.parent')}>
        <option value="">{t('pe.top')}</option>
        <UnitOptions units={units.filter((u) => u.id !== unit.id)} />
      </select>
      <button type="button" disabled={busy} onClick={save}>
        {t('pe.save')}
      </button>
      {error && <ErrorBox message={error} />}
    </li>
  );
}

function Units({ units, onDone }: { units: readonly Unit[]; onDone: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const { busy, error, run } = useAction();
  const add = () =>
    void run(() => send('POST', '/api/ledger/units', { name: name.trim(), parent_id: parent === '' ? null : Number(parent) }), () => {
      setName('');
      onDone();
    });
  return (
    <section data-testid="units">
      <h2>{t('pe.units')}</h2>
      <ul className="unit-tree">
        {treeOf(units).map(({ unit, depth }) => (
          <UnitRow key={`${unit.id}-${unit.name}-${unit.parent_id}`} unit={unit} depth={depth} units={units} onDone={onDone} />
        ))}
      </ul>
      <ActionForm onSubmit={add} disabled={busy} submit={t('pe.addUnit')} error={error} className="inline-form" testId="unit-form">
        <TextField label={t('pe.unitName')} value={name} onChange={setName} required testId="unit-name" />
        <Choice label={t('pe.parent')} value={parent} onChange={setParent} blank={t('pe.top')} options={unitChoices(units)} />
      </ActionForm>
    </section>
  );
}

function AccountActions({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const { busy, error, run, result } = useAction<{ code: string; expires_at: string } | undefined>();
  const put = (change: Record<string, unknown>) => void run(async () => (await send('PUT', `/api/ledger/accounts/${account.id}`, change), undefined), onDone);
  return (
    <div className="buttons">
      <button type="button" disabled={busy} onClick={() => put({ disabled: !account.disabled })} data-testid="account-toggle">
        {account.disabled ? t('pe.enable') : t('pe.disable')}
      </button>
      <button type="button" disabled={busy} onClick={() => void run(() => send<{ code: string; expires_at: string }>('POST', `/api/ledger/accounts/${account.id}/reset-code`, {}))} data-testid="account-reset">
        {t('pe.reset')}
      </button>
      {result && (
        <p className="notice ok" data-testid="reset-code">
          {t('pe.code', { code: result.code, until: result.expires_at.slice(0, 16).replace('T', ' ') })}
        </p>
      )}
      {error && <ErrorBox message={error} />}
    </div>
  );
}

function Accounts({ accounts, units, onDone }: { accounts: readonly Account[]; units: readonly Unit[]; onDone: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [form, setForm] = useState({ name: '', password: '', role: 'unit_officer' as Role, unit: '' });
  const { busy, error, run } = useAction();
  const change = useAction();
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const add = () =>
    void run(() => send('POST', '/api/ledger/accounts', { name: form.name.trim(), password: form.password, role: form.role, unit_id: form.unit === '' ? null : Number(form.unit) }), () => {
      setForm({ ...form, name: '', password: '' });
      onDone();
    });
  const put = (a: Account, body: Record<string, unknown>) => void change.run(() => send('PUT', `/api/ledger/accounts/${a.id}`, body), onDone);
  return (
    <section data-testid="accounts">
      <h2>{t('pe.accounts')}</h2>
      <DataTable
        rows={accounts}
        rowKey={(a) => a.id}
        testId="accounts-table"
        rowProps={(a) => ({ 'data-testid': 'account-row', 'data-name': a.name })}
        columns={[
          { head: t('pe.name'), cell: (a) => a.name },
          { head: t('pe.role'), cell: (a) => (
            <select value={a.role} onChange={(e) => put(a, { role: e.target.value })} aria-label={t('pe.role')}>
              {ROLE_LIST.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </select>
          ) },
          { head: t('pe.unit'), cell: (a) => (
            <select value={a.unit_id ?? ''} onChange={(e) => put(a, { unit_id: e.target.value === '' ? null : Number(e.target.value) })} aria-label={t('pe.unit')} title={a.unit_id ? unitName.get(a.unit_id) : undefined}>
              <option value="">{t('pe.noUnit')}</option>
              <UnitOptions units={units} />
            </select>
          ) },
          { head: t('pe.state'), cell: (a) => <span data-testid="account-state">{a.disabled ? t('pe.disabled') : t('pe.active')}</span> },
          { head: '', label: t('pe.reset'), cell: (a) => <AccountActions account={a} onDone={onDone} /> },
        ]}
      />
      {change.error && <ErrorBox message={change.error} />}
      <ActionForm onSubmit={add} disabled={busy} submit={t('pe.addAccount')} submitTestId="account-add" error={error} className="inline-form" testId="account-form">
        <TextField label={t('pe.name')} value={form.name} onChange={(name) => setForm({ ...form, name })} required testId="account-name" />
        <TextField label={t('pe.password')} type="password" autoComplete="new-password" value={form.password} onChange={(password) => setForm({ ...form, password })} required testId="account-password" />
        <Choice label={t('pe.role')} value={form.role} onChange={(v) => isOneOf(ROLE_LIST, v) && setForm({ ...form, role: v })} testId="account-role" options={ROLE_LIST.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <Choice label={t('pe.unit')} value={form.unit} onChange={(unit) => setForm({ ...form, unit })} testId="account-unit" blank={t('pe.noUnit')} options={unitChoices(units)} />
      </ActionForm>
    </section>
  );
}

export function People() {
  const { t } = useI18n();
  const { account } = useSession();
  const [reload, again] = useReload();
  const units = useApi<{ items: Unit[] }>(account?.role === 'admin' ? '/api/ledger/units' : null, reload);
  const accounts = useApi<{ items: Account[] }>(account?.role === 'admin' ? '/api/ledger/accounts' : null, reload);
  if (account?.role !== 'admin') return <p className="muted">{t('pe.adminOnly')}</p>;
  if (units.error || accounts.error) return <ErrorBox message={(units.error ?? accounts.error)!} />;
  if (!units.data || !accounts.data) return <Loading />;
  return (
    <div className="view people">
      <h1>{t('pe.title')}</h1>
      <Units units={units.data.items} onDone={again} />
      <Accounts accounts={accounts.data.items} units={units.data.items} onDone={again} />
    </div>
  );
}
