import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { said, type Said } from '../../lib/said';

/**
 * The frame of the sign-in and sign-up pages: title and intro, the form (its error on top, the fields, "show the
 * password", the submit button) and the link to the other page, keeping where the person was heading.
 */
export function AuthFrame({
  title,
  intro,
  formError,
  errorId,
  showPassword,
  onShowPassword,
  submitting,
  submitLabel,
  submittingLabel,
  onSubmit,
  aside,
  children,
}: {
  title: string;
  intro: string;
  formError: Said | null;
  /** The id of the form's error, which then describes the form. */
  errorId?: string;
  showPassword: boolean;
  onShowPassword(show: boolean): void;
  submitting: boolean;
  submitLabel: string;
  submittingLabel: string;
  onSubmit(): void;
  aside: { text: string; link: string; to: string };
  children: ReactNode;
}) {
  const { t } = useT();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section className="narrow" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p>{intro}</p>
      <form className="form" noValidate onSubmit={submit} aria-describedby={formError && errorId ? errorId : undefined}>
        {formError && (
          <div id={errorId} className="notice notice-error" role="alert">
            <p>
              <span aria-hidden="true">⚠ </span>
              {said(formError)}
            </p>
          </div>
        )}
        {children}
        <div className="checkbox">
          <input id="show-password" type="checkbox" checked={showPassword} onChange={(e) => onShowPassword(e.target.checked)} />
          <label htmlFor="show-password">{t('auth.showPassword')}</label>
        </div>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
      </form>
      <p className="form-aside">
        {aside.text} <Link to={aside.to}>{aside.link}</Link>
      </p>
    </section>
  );
}
