import type { Landing } from '../../lib/api-types';

/** The page a landing names: the staff dashboard, one's registration, a process, or the account page. */
export function landingPath(landing: Landing): string {
  switch (landing.kind) {
    case 'staff':
      return landing.processId ? `/m/${landing.slug}/staff/p/${landing.processId}` : `/m/${landing.slug}/staff`;
    case 'registration':
      return `/m/${landing.slug}/p/${landing.processId}/register`;
    case 'process':
      return `/m/${landing.slug}/p/${landing.processId}`;
    default:
      return '/account';
  }
}
