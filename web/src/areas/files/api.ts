import { apiRequest } from '../../lib/api';
import { municipalityPath as m } from '../../lib/paths';
import type { StoredFile } from '../../lib/api-types';

/** Uploaded documents (announcement attachments, training materials), stored by the server with their record. */
export const filesApi = {
  upload: (slug: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<StoredFile>(`${m(slug)}/files`, { method: 'POST', body: form });
  },
  /** Evidence for a challenge: registered agents may upload it; only staff can read it back. */
  uploadEvidence: (slug: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<StoredFile>(`${m(slug)}/files/evidence`, { method: 'POST', body: form });
  },
};
