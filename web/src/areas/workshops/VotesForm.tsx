import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useFormErrors } from '../../lib/useFormErrors';
import { useStaffProcess } from '../../lib/process-context';
import type { Workshop, WorkshopVote } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { Loaded } from '../../components/Loaded';
import { proposalsApi } from '../proposals/api';
import { workshopsApi } from './api';

/**
 * The votes each proposal got in the room, typed in by the facilitator: the standing proposals of the workshop's zone
 * (or axis). A count already recorded changes only with a reason.
 */
export function VotesForm({ workshop, votes, onSaved }: { workshop: Workshop; votes: WorkshopVote[]; onSaved(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const filter = { status: 'submitted' as const, limit: 200, ...(workshop.zone ? { zoneId: workshop.zone.id } : workshop.axis ? { axisId: workshop.axis.id } : {}) };
  const proposals = useResource(`workshop-proposals:${slug}:${process.id}:${workshop.id}`, (signal) => proposalsApi.list(slug, process.id, filter, signal));
  const recorded = new Map(votes.map((v) => [v.proposalId, v.votes]));
  const [counts, setCounts] = useState<Record<string, string>>(() => Object.fromEntries(votes.map((v) => [v.proposalId, String(v.votes)])));
  const [reason, setReason] = useState('');
  const form = useFormErrors();
  const changed = Object.entries(counts).filter(([id, v]) => v.trim() !== '' && Number(v) !== recorded.get(id));
  const correcting = changed.some(([id]) => recorded.has(id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string | null> = {};
    for (const [id, v] of Object.entries(counts)) found[`vote-${id}`] = v.trim() !== '' && !/^\d+$/.test(v.trim()) ? t('workshopsAdmin.errors.votes') : null;
    found['vt-reason'] = correcting ? reasonProblem(reason, t) : null;
    void form.submit(found, async () => {
      if (changed.length === 0) return;
      await workshopsApi.recordVotes(slug, process.id, workshop.id, {
        votes: changed.map(([proposalId, v]) => ({ proposalId, votes: Number(v) })),
        ...(correcting ? { reason: reason.trim() } : {}),
      });
      setReason('');
      onSaved();
    });
  };

  return (
    <Loaded resource={proposals} errorTitle={t('workshopsAdmin.proposalsError')}>
      {({ proposals: list }) =>
        list.length === 0 ? (
          <p>{t('workshopsAdmin.noProposals')}</p>
        ) : (
          <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
            <FormAlert id="vt-error" ref={form.alertRef} message={form.formError} />
            {list.map((p) => (
                <TextField
                  key={p.id}
                  id={`vote-${p.id}`}
                  type="text"
                  inputMode="numeric"
                  label={t('workshops.proposalTitle', { number: p.number, title: p.current.title })}
                  error={form.errors[`vote-${p.id}`]}
                  value={counts[p.id] ?? ''}
                  onChange={(e) => setCounts({ ...counts, [p.id]: e.target.value })}
                />
            ))}
            {correcting && <ReasonField id="vt-reason" value={reason} onChange={setReason} error={form.errors['vt-reason']} />}
            <button type="submit" className="button" disabled={form.busy || changed.length === 0}>
              {form.busy ? t('common.saving') : t('workshopsAdmin.saveVotes')}
            </button>
          </form>
        )
      }
    </Loaded>
  );
}
