import { useT } from '../../i18n';
import type { BodyMember } from '../../lib/api-types';

/** "Rosa Huanca Apaza — Mujer — Club de Madres Santa Rosa": a committee member as the lists show them. */
export function MemberName({ member: m }: { member: Pick<BodyMember, 'name' | 'sex' | 'organization'> }) {
  const { t } = useT();
  return (
    <>
      <strong>{m.name}</strong> — {t(`sex.${m.sex}`)}
      {m.organization && <> — {m.organization.name}</>}
    </>
  );
}
