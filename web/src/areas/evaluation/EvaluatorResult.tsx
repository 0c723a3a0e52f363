import { useT } from '../../i18n';
import { formatSoles } from '../../lib/format';
import type { MatrixCriterion, Viability } from '../../lib/api-types';

/** One evaluator's finished evaluation: viability, adjusted cost, reasons and the score on each criterion. */
export function EvaluatorResultView({ matrix, viability, reasons, adjustedCostCents, scores, headingLevel, name }: {
  matrix: MatrixCriterion[]; viability: Viability; reasons: string; adjustedCostCents: number; scores: { criterionId: string; score: number }[];
  headingLevel: 2 | 3; name?: string;
}) {
  const { t, language } = useT();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const by = new Map(scores.map((s) => [s.criterionId, s.score]));
  return (
    <div className="card">
      {name && <H>{t('evaluation.public.byEvaluator', { name })}</H>}
      <dl className="details">
        <dt>{t('evaluation.public.viability')}</dt>
        <dd>{t(`evaluation.viability.${viability}`)}</dd>
        <dt>{t('evaluation.public.adjustedCost')}</dt>
        <dd>{formatSoles(adjustedCostCents, language)}</dd>
        {matrix.map((c) => (
          <div key={c.id}>
            <dt>{c.name}</dt>
            <dd>{by.get(c.id) ?? "—"} ({c.scaleMin}–{c.scaleMax})</dd>
          </div>
        ))}
      </dl>
      <p className="prewrap">{reasons}</p>
    </div>
  );
}
