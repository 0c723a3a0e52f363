/** API paths shared by the areas' endpoint functions (`areas/<area>/api.ts`): pages never spell a URL. */
export const municipalityPath = (slug: string) => `/municipalities/${encodeURIComponent(slug)}`;

export const processPath = (slug: string, processId: string) => `${municipalityPath(slug)}/processes/${encodeURIComponent(processId)}`;

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Where a stored file is downloaded from. */
export const fileUrl = (slug: string, fileId: string) => `/api${municipalityPath(slug)}/files/${encodeURIComponent(fileId)}`;

/** Where a download (CSV, PDF) of an API path is fetched from, its headers and texts in `lang`. */
export const downloadUrl = (path: string, lang: string) => `/api${path}${query({ lang })}`;
