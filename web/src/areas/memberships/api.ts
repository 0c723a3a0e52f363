import { apiRequest } from '../../lib/api';
import { municipalityPath as m } from '../../lib/paths';
import type { Role } from '../../lib/api-types';

interface Member {
  userId: string;
  name: string;
  email: string | null;
  dni: string | null;
  roles: Role[];
}

/** Accounts with a role in the municipality (the administrator reads them). */
export const membershipsApi = {
  members: (slug: string, signal?: AbortSignal) => apiRequest<{ members: Member[] }>(`${m(slug)}/members`, { signal }),
};
