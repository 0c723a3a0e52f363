import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { Coordination } from '../../lib/api-types';
import { RadioGroup } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { coordinationApi } from './api';

const REACHES = ['district', 'provincial', 'regional'] as const;

/** An administrator sets a project's reach, saying why. */
export function ReachForm({ slug, processId, project, onDone }: { slug: string; processId: string; project: Coordination['projects'][number]; onDone(c: Coordination): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const id = (name: string) => `reach-${project.proposalId}-${name}`;
  const [reach, setReach] = useState<string>(project.reach);
  const [reason, setReason] = useState('');
  const send = () => void f.submit({ [id('reason')]: reasonProblem(reason, t) }, async () => {
    const c = await coordinationApi.setReach(slug, processId, project.proposalId, { reach: reach as (typeof REACHES)[number], reason: reason.trim() });
    setReason('');
    onDone(c);
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby={id('title')} onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h3 id={id('title')}>{t('coordination.reachTitle', { number: project.number })}</h3>
      <FormAlert id={id('alert')} ref={f.alertRef} message={f.formError} />
      <RadioGroup id={id('value')} name={id('value')} legend={t('coordination.reachLabel')} value={reach} onChange={setReach} inline dataField="reach"
        options={REACHES.map((r) => ({ value: r, label: t(`coordination.reachValue.${r}`) }))} />
      <ReasonField id={id('reason')} value={reason} onChange={setReason} error={f.errors[id('reason')]} />
      <p className="actions">
        <button type="submit" className="button button-secondary" disabled={f.busy}>{t('coordination.setReach')}</button>
      </p>
    </form>
  );
}
