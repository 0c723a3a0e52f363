import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruToday } from '../../lib/format';
import type { OversightCommittee } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { committeeApi } from './api';

/** Type in each candidate's votes from the formalization session's count, with the session's date and place. */
export function VotesForm({ slug, processId, committee: c, onDone }: { slug: string; processId: string; committee: OversightCommittee; onDone(c: OversightCommittee): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const [heldOn, setHeldOn] = useState(peruToday());
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const [votes, setVotes] = useState<Record<string, string>>({});
  const send = () => {
    const found: Record<string, string | null> = {
      'votes-held': heldOn ? null : t('oversight.errors.heldOn'),
      'votes-place': place.trim().length < 3 ? t('oversight.errors.place') : null,
      'votes-reason': reasonProblem(reason, t),
    };
    for (const x of c.candidates) {
      const v = votes[x.agentId] ?? '';
      found[`votes-${x.agentId}`] = /^\d+$/.test(v.trim()) ? null : t('oversight.errors.votes');
    }
    void f.submit(found, async () => {
      onDone(await committeeApi.elect(slug, processId, language, {
        heldOn, place: place.trim(), reason: reason.trim(),
        counts: c.candidates.map((x) => ({ agentId: x.agentId, votes: Number((votes[x.agentId] ?? '').trim()) })),
      }));
    });
  };
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="votes-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="votes-title">{t('oversight.votesTitle')}</h2>
      <p>{t('oversight.votesHint')}</p>
      <FormAlert id="votes-alert" ref={f.alertRef} message={f.formError} />
      <TextField id="votes-held" data-field="heldOn" type="date" max={peruToday()} label={t('oversight.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={f.errors['votes-held']} />
      <TextField id="votes-place" data-field="place" label={t('oversight.place')} value={place} onChange={(e) => setPlace(e.target.value)} error={f.errors['votes-place']} />
      <fieldset data-field="counts" id="votes-counts" tabIndex={-1}>
        <legend>{t('oversight.votesLegend')}</legend>
        {c.candidates.map((x, i) => (
          <TextField key={x.agentId} id={`votes-${x.agentId}`} data-field={`counts.${i}`} inputMode="numeric" label={t('oversight.votesOf', { name: x.name })}
            value={votes[x.agentId] ?? ''} onChange={(e) => setVotes({ ...votes, [x.agentId]: e.target.value })} error={f.errors[`votes-${x.agentId}`]} />
        ))}
      </fieldset>
      <ReasonField id="votes-reason" value={reason} onChange={setReason} error={f.errors['votes-reason']} />
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t('oversight.record')}</button>
      </p>
    </form>
  );
}
