import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { Agent, OversightCommittee } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { RadioGroup } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { registrationApi } from '../registration/api';
import { committeeApi } from './api';

/** Find an approved agent by name or DNI and register them as a candidate, with how they consented. */
export function StandForm({ slug, processId, standing, onDone }: { slug: string; processId: string; standing: Set<string>; onDone(c: OversightCommittee, name: string): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Agent[] | null>(null);
  const [choice, setChoice] = useState('');
  const [consent, setConsent] = useState('');
  const find = () => void f.submit({}, async () => {
    const answer = await registrationApi.agents(slug, processId, { status: 'approved', q: search.trim(), limit: 20 });
    setResults(answer.agents.filter((a) => !standing.has(a.id)));
    setChoice('');
  });
  const stand = () => void f.submit({
    'stand-choice': choice ? null : t('oversight.pickSomeone'),
    'stand-consent': reasonProblem(consent, t),
  }, async () => {
    const c = await committeeApi.stand(slug, processId, language, { agentId: choice, consent: consent.trim() });
    const name = results?.find((a) => a.id === choice)?.fullName ?? '';
    setResults(null); setChoice(''); setConsent(''); setSearch('');
    onDone(c, name);
  });
  return (
    <section className="panel" aria-labelledby="stand-title">
      <h2 id="stand-title">{t('oversight.standTitle')}</h2>
      <FormAlert id="stand-alert" ref={f.alertRef} message={f.formError} />
      <form noValidate className="search-row" role="search" aria-label={t('oversight.searchLabel')} onSubmit={(e) => { e.preventDefault(); find(); }}>
        <TextField id="stand-search" type="search" label={t('oversight.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="button button-secondary" disabled={f.busy}>{t('common.search')}</button>
      </form>
      {results && results.length === 0 && <p role="status">{t('oversight.noResults')}</p>}
      {results && results.length > 0 && (
        <form ref={f.formRef} noValidate onSubmit={(e) => { e.preventDefault(); stand(); }}>
          <RadioGroup id="stand-choice" name="stand-choice" legend={t('oversight.pick')} value={choice} onChange={setChoice} error={f.errors['stand-choice']} dataField="agentId"
            options={results.map((a) => ({ value: a.id, label: `${a.fullName} — ${t(`oversight.sexValue.${a.sex}`)}${a.organization ? ` — ${a.organization.name}` : ''}` }))} />
          <ReasonField id="stand-consent" label={t('oversight.consent')} hint={t('oversight.consentHint')} value={consent} onChange={setConsent} error={f.errors['stand-consent']} />
          <button type="submit" className="button" disabled={f.busy}>{t('oversight.stand')}</button>
        </form>
      )}
    </section>
  );
}
