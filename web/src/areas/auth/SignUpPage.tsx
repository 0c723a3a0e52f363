import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { classifyLogin, passwordProblem, PASSWORD_MIN_LENGTH } from '../../lib/credentials';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { TextField } from '../../components/TextField';
import { formFieldOf, safeNext, type AuthField, type FieldErrors } from './shared';

const FIELDS: AuthField[] = ['name', 'login', 'password'];

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refs: Record<AuthField, RefObject<HTMLInputElement | null>> = {
    name: useRef<HTMLInputElement>(null),
    login: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  if (session.user) return <Navigate to={next} replace />;

  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = classifyLogin(login);
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.nameRequired');
    if (parsed.kind === 'empty') found.login = t('validation.loginRequired');
    else if (parsed.kind === 'invalid') found.login = t('validation.loginInvalid');
    const problem = passwordProblem(password, { name, login: parsed.value });
    if (problem === 'required') found.password = t('validation.passwordRequired');
    else if (problem === 'tooShort') found.password = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (problem === 'personal') found.password = t('validation.passwordPersonal');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setSubmitting(true);
    try {
      await session.signUp({
        name: name.trim(),
        ...(parsed.kind === 'dni' ? { dni: parsed.value } : { email: parsed.value }),
        password,
      });
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const field = formFieldOf(cause.field);
      if (field) {
        const fieldErrors = { [field]: cause.message };
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      } else {
        setFormError(cause.message);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <form className="form" noValidate onSubmit={submit}>
        {formError && (
          <div className="notice notice-error" role="alert">
            <p>
              <span aria-hidden="true">⚠ </span>
              {formError}
            </p>
          </div>
        )}
        <TextField
          ref={refs.name}
          id="name"
          name="name"
          label={t('signup.name')}
          error={errors.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          required
        />
        <TextField
          ref={refs.login}
          id="login"
          name="login"
          label={t('auth.login')}
          hint={t('signup.loginHint')}
          error={errors.login}
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          ref={refs.password}
          id="password"
          name="password"
          label={t('auth.password')}
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
          error={errors.password}
          type={showPassword ? 'text' : 'password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
        />
        <div className="checkbox">
          <input
            id="show-password"
            type="checkbox"
            checked={showPassword}
            onChange={(e) => setShowPassword(e.target.checked)}
          />
          <label htmlFor="show-password">{t('auth.showPassword')}</label>
        </div>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('signup.submitting') : t('signup.submit')}
        </button>
      </form>
      <p className="form-aside">
        {t('signup.haveAccount')} <Link to={`/signin${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('signup.signInLink')}</Link>
      </p>
    </section>
  );
}
