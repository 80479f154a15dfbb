/** `#/reset`: setting a new password with the one-time code an administrator gave out. */
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { ActionForm, TextField } from '../../ui/common';
import { useAction } from '../../ui/useAction';

export function Reset() {
  const { t } = useI18n();
  const { send } = useSession();
  const [form, setForm] = useState({ name: '', code: '', password: '' });
  const { busy, error, run, result } = useAction<unknown>();
  const submit = () => void run(() => send('POST', '/api/ledger/password-reset', { name: form.name.trim(), code: form.code.trim(), password: form.password }));
  return (
    <section className="login">
      <h1>{t('rs.title')}</h1>
      {result !== undefined ? (
        <p className="notice ok" data-testid="reset-done">
          {t('rs.done')} <a href={href('login')}>{t('lg.submit')}</a>
        </p>
      ) : (
        <ActionForm onSubmit={submit} disabled={busy} submit={t('rs.submit')} error={error} className="stack" testId="reset-form">
          <TextField label={t('lg.name')} autoComplete="username" value={form.name} onChange={(name) => setForm({ ...form, name })} required testId="reset-name" />
          <TextField label={t('rs.code')} autoComplete="one-time-code" value={form.code} onChange={(code) => setForm({ ...form, code })} required testId="reset-code-input" />
          <TextField label={t('rs.password')} type="password" autoComplete="new-password" value={form.password} onChange={(password) => setForm({ ...form, password })} required testId="reset-password" />
        </ActionForm>
      )}
    </section>
  );
}
