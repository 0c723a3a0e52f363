import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { classifyLogin, passwordProblem, PASSWORD_MIN_LENGTH } from '../../lib/credentials';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { TextField } from '../../components/TextField';
import { AuthFrame } from './AuthFrame';
import { LoginField, PasswordField } from './AuthFields';
import { otherAuthPage, safeNext, type FieldErrors } from './shared';
import { useAuthForm } from './useAuthForm';

export function SignUpPage() {
  const { t } = useT();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('signup.title'));

  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const form = useAuthForm(['name', 'login', 'password']);

  if (session.user) return <Navigate to={next} replace />;

  const submit = () => {
    const parsed = classifyLogin(login);
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.nameRequired');
    if (parsed.kind === 'empty') found.login = t('validation.loginRequired');
    else if (parsed.kind === 'invalid') found.login = t('validation.loginInvalid');
    const problem = passwordProblem(password, { name, login: parsed.value });
    if (problem === 'required') found.password = t('validation.passwordRequired');
    else if (problem === 'tooShort') found.password = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (problem === 'personal') found.password = t('validation.passwordPersonal');
    void form.submit(found, () =>
      session.signUp({ name: name.trim(), ...(parsed.kind === 'dni' ? { dni: parsed.value } : { email: parsed.value }), password }),
    );
  };

  return (
    <AuthFrame
      title={t('signup.title')}
      intro={t('signup.intro')}
      formError={form.formError}
      showPassword={showPassword}
      onShowPassword={setShowPassword}
      submitting={form.submitting}
      submitLabel={t('signup.submit')}
      submittingLabel={t('signup.submitting')}
      onSubmit={submit}
      aside={{ text: t('signup.haveAccount'), link: t('signup.signInLink'), to: otherAuthPage('/signin', params.get('next'), next) }}
    >
      <TextField
        ref={form.ref('name')}
        id="name"
        name="name"
        label={t('signup.name')}
        error={form.errors.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="name"
        required
      />
      <LoginField inputRef={form.ref('login')} hint={t('signup.loginHint')} error={form.errors.login} value={login} onChange={setLogin} />
      <PasswordField
        inputRef={form.ref('password')}
        hint={
          <div className="rules">
            <p className="rules-title">{t('signup.rulesTitle')}</p>
            <ul>
              <li>{t('signup.ruleLength', { min: PASSWORD_MIN_LENGTH })}</li>
              <li>{t('signup.rulePersonal')}</li>
              <li>{t('signup.rulePhrase')}</li>
            </ul>
          </div>
        }
        error={form.errors.password}
        value={password}
        onChange={setPassword}
        shown={showPassword}
        isNew
        minLength={PASSWORD_MIN_LENGTH}
      />
    </AuthFrame>
  );
}
