import { useT } from '../../i18n';
import { formatPercent, formatSoles } from '../../lib/format';
import type { ProcessDetail } from '../../lib/api-types';
import { TableWrap } from '../../components/TableWrap';

/** How the envelope is split among zones, with what is left unallocated. */
export function ZoneSplit({ process }: { process: ProcessDetail }) {
  const { t, language } = useT();
  if (process.zoneEnvelopes.length === 0) return <p>{t('process.budget.noSplit')}</p>;
  const allocated = process.zoneEnvelopes.reduce((sum, z) => sum + z.amountCents, 0);
  const rest = process.envelopeCents - allocated;
  return (
    <TableWrap label={t('process.budget.splitTitle')}>
      <table className="table">
        <caption>{t('process.budget.splitTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('process.budget.zone')}</th>
            <th scope="col" className="num">
              {t('process.budget.amount')}
            </th>
            <th scope="col" className="num">
              {t('process.budget.ofEnvelope')}
            </th>
          </tr>
        </thead>
        <tbody>
          {process.zoneEnvelopes.map((z) => (
            <tr key={z.zoneId}>
              <th scope="row">{z.zoneName}</th>
              <td className="num">{formatSoles(z.amountCents, language)}</td>
              <td className="num">{formatPercent(z.amountCents / process.envelopeCents, language)}</td>
            </tr>
          ))}
          {rest > 0 && (
            <tr>
              <th scope="row">{t('process.budget.unallocated')}</th>
              <td className="num">{formatSoles(rest, language)}</td>
              <td className="num">{formatPercent(rest / process.envelopeCents, language)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
