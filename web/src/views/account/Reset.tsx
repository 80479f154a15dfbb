/** `#/reset`: setting a new password with the one-time code an administrator gave out. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { ErrorBox, Field } from '../../ui/common';
import { useAction } from '../../ui/useAction';

export function Reset() {
  const { t } = useI18n();
  const { send } = useSession();
  const [form, setForm] = useState({ name: '', code: '', password: '' });
  const { busy, error, run, result } = useAction<unknown>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => send('POST', '/api/ledger/password-reset', { name: form.name.trim(), code: form.code.trim(), password: form.password }));
  };
  return (
    <section className="login">
      <h1>{t('rs.title')}</h1>
      {result !== undefined ? (
        <p className="notice ok" data-testid="reset-done">
          {t('rs.done')} <a href={href('login')}>{t('lg.submit')}</a>
        </p>
      ) : (
        <form onSubmit={submit} className="stack" data-testid="reset-form">
          <Field label={t('lg.name')}>
            <input autoComplete="username" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required data-testid="reset-name" />
          </Field>
          <Field label={t('rs.code')}>
            <input autoComplete="one-time-code" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} required data-testid="reset-code-input" />
          </Field>
          <Field label={t('rs.password')}>
            <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required data-testid="reset-password" />
          </Field>
          <button type="submit" disabled={busy}>
            {t('rs.submit')}
          </button>
        </form>
      )}
      {error && <ErrorBox message={error} />}
    </section>
  );
}
