import type { Said } from '../../lib/said';
import type { ReactNode, Ref } from 'react';
import { useT } from '../../i18n';
import { TextField } from '../../components/TextField';

interface AuthFieldProps {
  inputRef: Ref<HTMLInputElement>;
  error: Said | undefined;
  value: string;
  onChange(value: string): void;
}

/** One field for an email or a DNI (the API's `email`, `dni` or `login`). */
export function LoginField({ inputRef, hint, error, value, onChange }: AuthFieldProps & { hint: string }) {
  const { t } = useT();
  return (
    <TextField
      ref={inputRef}
      id="login"
      name="login"
      label={t('auth.login')}
      hint={hint}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
    />
  );
}

/** The password, shown as text when the person asks (the "show the password" box of the form). */
export function PasswordField({
  inputRef,
  hint,
  error,
  value,
  onChange,
  shown,
  isNew,
  minLength,
}: AuthFieldProps & { hint?: ReactNode; shown: boolean; isNew: boolean; minLength?: number }) {
  const { t } = useT();
  return (
    <TextField
      ref={inputRef}
      id="password"
      name="password"
      label={t('auth.password')}
      hint={hint}
      error={error}
      type={shown ? 'text' : 'password'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={isNew ? 'new-password' : 'current-password'}
      minLength={minLength}
      required
    />
  );
}
