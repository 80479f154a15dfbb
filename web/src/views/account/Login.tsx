/** Signing in and out, shared by every section that needs an account. */
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { currentRoute, href, navigate } from '../../router';
import { useSession } from '../../session';
import { ActionForm, ErrorBox, Loading, TextField } from '../../ui/common';
import { useAction } from '../../ui/useAction';

/** `next`: the page to return to; `login` is the sign-in page itself, which goes on to the ledger. */
export function Login({ next = 'ledger' }: { next?: string }) {
  const { t } = useI18n();
  const { login, account } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction<void>((e) => (e instanceof ApiError && e.status === 401 ? t('lg.wrong') : undefined));
  // The sign-in page goes on to the ledger only while it is still the page shown: a page opened in the
  // meantime (a link, the address bar) is not taken away when the answer or the re-render comes late.
  const goOn = (replace: boolean) => next === 'login' && currentRoute().path[0] === 'login' && navigate('ledger', {}, replace);
  const submit = () =>
    void run(
      () => login(name, password),
      () => goOn(false),
    );
  useEffect(() => {
    if (account) goOn(true);
  }, [account, next]);
  return (
    <section className="login">
      <h1>{t('lg.title')}</h1>
      {next === 'ledger' && <p className="muted">{t('lg.need')}</p>}
      <ActionForm onSubmit={submit} disabled={busy} submit={t('lg.submit')} error={error} className="stack" testId="login-form">
        <TextField label={t('lg.name')} name="name" autoComplete="username" value={name} onChange={setName} required testId="login-name" />
        <TextField label={t('lg.password')} name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required testId="login-password" />
      </ActionForm>
      <p className="small">
        <a href={href('reset')}>{t('rs.link')}</a>
      </p>
    </section>
  );
}

/** The page when signed in, the sign-in form otherwise. */
export function RequireLogin({ active, children }: { active: string; children: ReactNode }) {
  const { account, ready } = useSession();
  if (!ready) return <Loading />;
  if (!account) return <Login next={active} />;
  return <>{children}</>;
}

/** The signed-in account and its sign-out button, for a section's nav; after signing out the page goes to `then`. */
export function AccountBox({ testId, logoutTestId, then }: { testId: string; logoutTestId?: string; then: string }) {
  const { t } = useI18n();
  const { account, logout } = useSession();
  const { error, run } = useAction<void>();
  if (!account) return null;
  return (
    <>
      <span className="muted small" data-testid={testId}>
        {t('lg.as', { name: account.name, role: t(`role.${account.role}`) })}
      </span>
      <button type="button" className="plain" data-testid={logoutTestId} onClick={() => void run(logout, () => navigate(then))}>
        {t('lg.logout')}
      </button>
      {error && <ErrorBox message={error} />}
    </>
  );
}
