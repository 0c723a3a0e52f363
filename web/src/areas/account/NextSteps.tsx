import { Link } from 'react-router';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { PersonalHome } from '../../lib/api-types';

const STAFF_ROLES = ['administrator', 'facilitator', 'technical_team', 'oversight_committee'];

/** What the person can do next: their process's staff dashboard, their registration, the calls open to them. */
export function NextSteps({ home }: { home: PersonalHome }) {
  const { t, language } = useT();
  const registeredIn = new Set(home.places.filter((p) => p.registration).map((p) => p.process?.id));
  const calls = home.openCalls.filter((c) => !registeredIn.has(c.process.id));
  const items = [
    ...home.places.flatMap((p) => {
      if (!p.process) return [];
      const where = { process: p.process.name, municipality: p.municipality.name };
      const out = [];
      if (p.roles.some((r) => STAFF_ROLES.includes(r))) {
        out.push(
          <li key={`staff-${p.process.id}`}>
            {t('account.next.staff', where)} <Link to={`/m/${p.municipality.slug}/staff/p/${p.process.id}`}>{t('account.next.staffLink')}</Link>
          </li>,
        );
      }
      if (p.registration) {
        out.push(
          <li key={`reg-${p.process.id}`}>
            {t(`account.next.registration.${p.registration.status}`, where)}{' '}
            <Link to={`/m/${p.municipality.slug}/p/${p.process.id}/register`}>{t('account.next.registrationLink')}</Link>
          </li>,
        );
      }
      return out;
    }),
    ...calls.map((c) => (
      <li key={`call-${c.process.id}`}>
        {t('account.next.openCall', { process: c.process.name, municipality: c.municipality.name, date: formatDate(c.registrationDeadline, language) })}{' '}
        <Link to={`/m/${c.municipality.slug}/p/${c.process.id}/register`}>{t('account.next.openCallLink', { process: c.process.name })}</Link>
      </li>
    )),
  ];
  return items.length > 0 ? <ul className="next-steps">{items}</ul> : <p>{t('account.next.nothingOpen')}</p>;
}
