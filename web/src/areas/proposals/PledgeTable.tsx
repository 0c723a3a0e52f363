import { useT } from '../../i18n';
import { formatPercent, formatSoles } from '../../lib/format';
import type { Pledge } from '../../lib/api-types';
import { TableWrap } from '../../components/TableWrap';

/** Who puts in what: each pledge, in money or in kind valued in soles, and their share of the cost. */
export function PledgeTable({ pledges, costCents, label }: { pledges: Pledge[]; costCents: number; label: string }) {
  const { t, language } = useT();
  const total = pledges.reduce((s, p) => s + p.amountCents, 0);
  return (
    <TableWrap label={label}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('proposals.funder')}</th>
            <th scope="col">{t('proposals.contribution')}</th>
            <th scope="col" className="num">
              {t('proposals.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {pledges.map((p, i) => (
            <tr key={i}>
              <td>
                {p.funderName} <span className="muted">({t(`proposals.funderKinds.${p.funderKind}`)})</span>
              </td>
              <td>
                {t(`proposals.contributions.${p.contribution}`)}
                {p.description && ` · ${p.description}`}
              </td>
              <td className="num">{formatSoles(p.amountCents, language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('proposals.pledgedShare', { share: formatPercent(costCents ? total / costCents : 0, language) })}
            </th>
            <td className="num">{formatSoles(total, language)}</td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
