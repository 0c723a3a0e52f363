import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import type { OversightCommittee } from '../../lib/api-types';
import { TableWrap } from '../../components/TableWrap';

/** The committee's rule, its election (date, place) and the candidates by votes, the elected marked. */
export function CommitteeResult({ committee: c }: { committee: OversightCommittee }) {
  const { t, language } = useT();
  return (
    <>
      <p>{t('oversight.seats', { seats: c.seats, women: c.minWomen })}</p>
      <p className="muted">{c.rule}</p>
      {c.election
        ? <p>{t('oversight.held', { date: formatDate(c.election.heldOn, language), place: c.election.place, name: c.election.recordedByName })}</p>
        : <p className="notice">{t('oversight.notYet')}</p>}
      {c.candidates.length === 0
        ? <p className="empty">{t('oversight.noCandidates')}</p>
        : (
          <TableWrap label={t('oversight.candidates')}>
            <table>
              <caption>{t('oversight.candidates')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('oversight.rank')}</th>
                  <th scope="col">{t('oversight.name')}</th>
                  <th scope="col">{t('oversight.sex')}</th>
                  <th scope="col" className="num">{t('oversight.votes')}</th>
                  <th scope="col">{t('oversight.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {c.candidates.map((x) => (
                  <tr key={x.agentId}>
                    <td>{x.rank ?? '—'}</td>
                    <th scope="row">{x.name}{x.organizationName ? ` (${x.organizationName})` : ''}</th>
                    <td>{t(`oversight.sexValue.${x.sex}`)}</td>
                    <td className="num">{x.votes === null ? '—' : formatNumber(x.votes, language)}</td>
                    <td>{x.elected === null ? t('oversight.standing') : x.elected ? <strong>{t('oversight.elected')}</strong> : t('oversight.notElected')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
    </>
  );
}
