import { useT } from '../../i18n';
import { formatSoles } from '../../lib/format';
import type { BallotEnvelope, BallotKind, BallotPart } from '../../lib/api-types';
import { CheckboxField, RadioGroup } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { said, type Said } from '../../lib/said';

/** What a ballot holds while it is filled in: per envelope, the projects chosen (in order) and their points. */
export type BallotDraft = Record<string, { projects: string[]; points: Record<string, string> }>;

export function emptyDraft(envelopes: BallotEnvelope[]): BallotDraft {
  return Object.fromEntries(envelopes.map((e) => [e.key, { projects: [], points: {} }]));
}

const withPoints = (kind: BallotKind) => kind === 'cumulative' || kind === 'scoring';

/** The ballot's parts for the API: one per envelope with a choice (points for the kinds that carry them). */
export function draftParts(draft: BallotDraft, kind: BallotKind): BallotPart[] {
  return Object.entries(draft).flatMap(([pool, d]) => {
    if (withPoints(kind)) {
      const chosen = Object.entries(d.points).filter(([, v]) => v.trim() !== '' && Number(v) > 0);
      return chosen.length === 0 ? [] : [{ pool, projects: chosen.map(([id]) => id), points: chosen.map(([, v]) => Math.trunc(Number(v))) }];
    }
    return d.projects.length === 0 ? [] : [{ pool, projects: d.projects }];
  });
}

/**
 * The ballot paper as a form: one group per envelope. Single choice: radio buttons (with "no vote here"); approval,
 * knapsack and ranked: check boxes (for ranked, the order of ticking is the ranking); cumulative and scoring: numbers.
 */
export function BallotFields({ idPrefix, envelopes, kind, maxChoices, draft, onChange, error }: {
  idPrefix: string; envelopes: BallotEnvelope[]; kind: BallotKind; maxChoices: number | null; draft: BallotDraft; onChange(d: BallotDraft): void; error?: Said | null;
}) {
  const { t, language } = useT();
  const set = (pool: string, next: Partial<BallotDraft[string]>) => onChange({ ...draft, [pool]: { ...draft[pool]!, ...next } });
  return (
    <div className="ballot" data-field="parts">
      {error && <p className="field-error" id={`${idPrefix}-error`} role="alert">{said(error)}</p>}
      <p className="muted">{t(`voting.kindHint.${kind}`, { max: maxChoices ?? '—' })}</p>
      {envelopes.map((env) => {
        const name = env.zoneName ?? t('voting.district');
        const label = (p: BallotEnvelope['projects'][number]) => t('voting.projectLabel', { number: p.number, title: p.title, cost: formatSoles(p.costCents, language) });
        const d = draft[env.key] ?? { projects: [], points: {} };
        if (kind === 'single') {
          return (
            <RadioGroup
              key={env.key}
              id={`${idPrefix}-${env.key}`}
              name={`${idPrefix}-${env.key}`}
              legend={t('voting.envelopeLegend', { name, budget: formatSoles(env.budgetCents, language) })}
              value={d.projects[0] ?? ''}
              options={[...env.projects.map((p) => ({ value: p.projectId, label: label(p) })), { value: '', label: t('voting.noVoteHere') }]}
              onChange={(v) => set(env.key, { projects: v ? [v] : [] })}
            />
          );
        }
        return (
          <fieldset key={env.key} className="field fieldset">
            <legend className="field-label">{t('voting.envelopeLegend', { name, budget: formatSoles(env.budgetCents, language) })}</legend>
            {env.projects.map((p) => withPoints(kind) ? (
              <TextField
                key={p.projectId}
                id={`${idPrefix}-${env.key}-${p.projectId}`}
                label={label(p)}
                inputMode="numeric"
                value={d.points[p.projectId] ?? ''}
                onChange={(e) => set(env.key, { points: { ...d.points, [p.projectId]: e.target.value } })}
              />
            ) : (
              <CheckboxField
                key={p.projectId}
                id={`${idPrefix}-${env.key}-${p.projectId}`}
                label={kind === 'ranked' && d.projects.includes(p.projectId) ? `${t('voting.rankOf', { rank: d.projects.indexOf(p.projectId) + 1 })} ${label(p)}` : label(p)}
                checked={d.projects.includes(p.projectId)}
                onChange={(on) => set(env.key, { projects: on ? [...d.projects, p.projectId] : d.projects.filter((x) => x !== p.projectId) })}
              />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
