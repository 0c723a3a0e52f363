import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { useStaffProcess } from '../../lib/process-context';
import type { Agent, ElectedBodyKind } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { RadioGroup, TextAreaField } from '../../components/fields';
import { RefusalNotice, isQuotaRefusal } from '../../components/QuotaRefusal';
import { registrationApi } from '../registration/api';
import { quotasApi } from './api';
import { said, type Said } from '../../lib/said';

/** Find an approved agent by name or DNI, pick one, and elect them. */
export function ElectForm({ kind, bodyName, memberIds, onElected }: { kind: ElectedBodyKind; bodyName: string; memberIds: Set<string>; onElected(name: string): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const id = `elect-${kind}`;
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Agent[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [choiceError, setChoiceError] = useState<Said | null>(null);
  // Focus follows the error once it is on screen (an effect runs after the commit; a timer could run before it).
  useEffect(() => { if (error) document.getElementById(`${id}-refusal`)?.focus(); }, [error, id]);
  useEffect(() => { if (choiceError) document.getElementById(`${id}-choice`)?.focus(); }, [choiceError, id]);
  const [busy, setBusy] = useState(false);

  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearching(true);
    setError(null);
    try {
      const answer = await registrationApi.agents(slug, process.id, { status: 'approved', q: search.trim(), limit: 20 });
      setResults(answer.agents.filter((a) => !memberIds.has(a.id)));
      setChoice('');
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
    } finally {
      setSearching(false);
    }
  };

  const elect = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!choice) {
      setChoiceError(t('committees.pickSomeone'));
      document.getElementById(`${id}-choice`)?.focus();
      return;
    }
    setChoiceError(null);
    setBusy(true);
    setError(null);
    const person = results?.find((a) => a.id === choice);
    try {
      await quotasApi.elect(slug, process.id, kind, { agentId: choice, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setResults(null);
      setChoice('');
      setReason('');
      setSearch('');
      onElected(person?.fullName ?? '');
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      if (cause.field === 'agentId' && !isQuotaRefusal(cause)) {
        // About the person chosen (not approved, already a member): next to the list of people.
        setChoiceError(cause);
      } else {
        setError(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="elect">
      <h3>{t('committees.electTitle', { body: bodyName })}</h3>
      <form noValidate className="search-row" role="search" aria-label={t('committees.searchLabel', { body: bodyName })} onSubmit={find}>
        <TextField id={`${id}-search`} type="search" label={t('committees.search')} hint={t('committees.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="button button-secondary" disabled={searching}>
          {t('common.search')}
        </button>
      </form>
      {error && <RefusalNotice error={error} id={`${id}-refusal`} />}
      {results && results.length === 0 && <p role="status">{t('committees.noResults')}</p>}
      {results && results.length > 0 && (
        <form noValidate onSubmit={elect}>
          <RadioGroup
            id={`${id}-choice`}
            name={`${id}-choice`}
            legend={t('committees.pick')}
            value={choice}
            onChange={setChoice}
            error={choiceError}
            options={results.map((a) => ({
              value: a.id,
              label: `${a.fullName} — ${t(`sex.${a.sex}`)} — ${a.zone.name}${a.organization ? ` — ${a.organization.name}` : ''}`,
            }))}
          />
          <TextAreaField id={`${id}-reason`} label={t('committees.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('committees.elect')}
          </button>
        </form>
      )}
    </div>
  );
}
