import { useT } from '../../i18n';
import { formatSoles } from '../../lib/format';
import type { Coordination } from '../../lib/api-types';
import { TableWrap } from '../../components/TableWrap';

type Project = Coordination['projects'][number];

/** A project's financing: every source, the total and the gap (negative: over-financed). */
export function FinancingTable({ project: p }: { project: Project }) {
  const { t, language } = useT();
  const f = p.financing;
  const label = t('coordination.financingOf', { number: p.number });
  return (
    <TableWrap label={label}>
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coordination.source')}</th>
            <th scope="col">{t('coordination.contribution')}</th>
            <th scope="col" className="num">{t('coordination.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {f.sources.map((s, i) => (
            <tr key={s.source === 'agreement' ? s.agreementId : `${s.source}-${i}`}>
              <th scope="row">
                {s.source === 'participatory_budget' && t('coordination.municipalityShare')}
                {s.source === 'pledge' && `${t('coordination.pledge')}: ${s.funderName} (${t(`coordination.funderKind.${s.funderKind}`)})`}
                {s.source === 'agreement' && `${t('coordination.agreement')}: ${s.partyName} (${t(`coordination.partyKind.${s.partyKind}`)})`}
              </th>
              <td>{t(`coordination.contributionValue.${s.contribution}`)}</td>
              <td className="num">{formatSoles(s.amountCents, language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>{t('coordination.total')}</th>
            <td className="num">{formatSoles(f.totalCents, language)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>{t('coordination.cost')}</th>
            <td className="num">{formatSoles(f.costCents, language)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>{t('coordination.gap')}</th>
            <td className="num" data-gap={f.gapCents}>
              {f.gapCents === 0 && t('coordination.noGap')}
              {f.gapCents > 0 && t('coordination.missing', { amount: formatSoles(f.gapCents, language) })}
              {f.gapCents < 0 && t('coordination.over', { amount: formatSoles(-f.gapCents, language) })}
            </td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
