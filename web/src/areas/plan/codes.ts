import type { TFunction } from '../../i18n';

/** Codes of zones, axes and objectives: short, letters, digits, dots, dashes (as the server checks them). */
export function codeProblem(code: string, t: TFunction): string | null {
  return /^[A-Za-z0-9._-]{1,20}$/.test(code.trim()) ? null : t('zones.errors.code');
}
