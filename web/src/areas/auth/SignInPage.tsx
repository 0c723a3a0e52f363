import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { classifyLogin } from '../../lib/credentials';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { AuthFrame } from './AuthFrame';
import { LoginField, PasswordField } from './AuthFields';
import { otherAuthPage, safeNext, type FieldErrors } from './shared';
import { useAuthForm } from './useAuthForm';

export function SignInPage() {
  const { t } = useT();
  const session = useSession();
  const [params] = useSearchParams();
  // With no page to return to, the start page sends each role where its work is.
  const next = safeNext(params.get('next'), '/start');
  useDocumentTitle(t('signin.title'));

  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const form = useAuthForm(['login', 'password']);

  // Signed in (already, or just now): go where the person was heading.
  if (session.user) return <Navigate to={next} replace />;

  const submit = () => {
    const parsed = classifyLogin(login);
    const found: FieldErrors = {};
    if (parsed.kind === 'empty') found.login = t('validation.loginRequired');
    else if (parsed.kind === 'invalid') found.login = t('validation.loginInvalid');
    if (!password) found.password = t('validation.passwordRequired');
    void form.submit(found, () => session.signIn(parsed.value, password));
  };

  return (
    <AuthFrame
      title={t('signin.title')}
      intro={t('signin.intro')}
      formError={form.formError}
      errorId="signin-error"
      showPassword={showPassword}
      onShowPassword={setShowPassword}
      submitting={form.submitting}
      submitLabel={t('signin.submit')}
      submittingLabel={t('signin.submitting')}
      onSubmit={submit}
      aside={{ text: t('signin.noAccount'), link: t('signin.createAccount'), to: otherAuthPage('/signup', params.get('next'), next) }}
    >
      <LoginField inputRef={form.ref('login')} hint={t('signin.loginHint')} error={form.errors.login} value={login} onChange={setLogin} />
      <PasswordField inputRef={form.ref('password')} error={form.errors.password} value={password} onChange={setPassword} shown={showPassword} isNew={false} />
    </AuthFrame>
  );
}
