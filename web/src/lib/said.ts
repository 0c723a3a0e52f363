/**
 * Something said to the person on screen: a text, or an error kept as it came (an ApiError), whose `message` is read
 * in the current language each time the page renders. Pages keep the error rather than its text, so a language
 * switch also changes the errors already shown.
 */
export type Said = string | { readonly message: string };

export function said(x: Said | null | undefined): string | null {
  if (x === null || x === undefined) return null;
  return typeof x === 'string' ? x : x.message;
}
