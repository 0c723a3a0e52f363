/** Folds case and accents so "avila" finds "Ávila" and "pacocha" finds "PACOCHA". */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('es')
    .trim();
}

export function compareNames(a: string, b: string, language: string): number {
  return a.localeCompare(b, language, { sensitivity: 'base' });
}
