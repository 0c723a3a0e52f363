import { useT } from '../../i18n';
import type { MatrixCriterion } from '../../lib/api-types';
import { TableWrap } from '../../components/TableWrap';

/** The matrix as a table: each criterion, its weight, its scale and what each level means. */
export function MatrixTable({ criteria }: { criteria: MatrixCriterion[] }) {
  const { t } = useT();
  return (
    <TableWrap label={t('evaluation.matrix.tableLabel')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('evaluation.public.criterion')}</th>
            <th scope="col" className="num">{t('evaluation.matrix.weightCol')}</th>
            <th scope="col">{t('evaluation.matrix.scaleCol')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.name}
                {c.description && <div className="muted">{c.description}</div>}
              </th>
              <td className="num">{c.weight}</td>
              <td>
                <ul className="plain-rules">
                  {c.levels.map((l) => (
                    <li key={l.value}>
                      {l.value}: {l.meaning}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
