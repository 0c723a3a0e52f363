import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { classifyLogin } from '../../lib/credentials';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { TextField } from '../../components/TextField';
import { formFieldOf, safeNext, type AuthField, type FieldErrors } from './shared';

export function SignInPage() {
  const { t } = useT();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('signin.title'));

  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refs: Record<Exclude<AuthField, 'name'>, RefObject<HTMLInputElement | null>> = {
    login: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  // Signed in (already, or just now): go where the person was heading.
  if (session.user) return <Navigate to={next} replace />;

  const focusFirst = (found: FieldErrors) => {
    const first = (['login', 'password'] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = classifyLogin(login);
    const found: FieldErrors = {};
    if (parsed.kind === 'empty') found.login = t('validation.loginRequired');
    else if (parsed.kind === 'invalid') found.login = t('validation.loginInvalid');
    if (!password) found.password = t('validation.passwordRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setSubmitting(true);
    try {
      await session.signIn(parsed.value, password);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const field = formFieldOf(cause.field);
      if (field && field !== 'name') {
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
      <h1 id="page-title">{t('signin.title')}</h1>
      <p>{t('signin.intro')}</p>
      <form className="form" noValidate onSubmit={submit} aria-describedby={formError ? 'signin-error' : undefined}>
        {formError && (
          <div id="signin-error" className="notice notice-error" role="alert">
            <p>
              <span aria-hidden="true">⚠ </span>
              {formError}
            </p>
          </div>
        )}
        <TextField
          ref={refs.login}
          id="login"
          name="login"
          label={t('auth.login')}
          hint={t('signin.loginHint')}
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
          error={errors.password}
          type={showPassword ? 'text' : 'password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
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
          {submitting ? t('signin.submitting') : t('signin.submit')}
        </button>
      </form>
      <p className="form-aside">
        {t('signin.noAccount')} <Link to={`/signup${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('signin.createAccount')}</Link>
      </p>
    </section>
  );
}
