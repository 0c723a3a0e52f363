import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { quotasApi } from './api';
import { registrationApi } from '../registration/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import type { Agent, BodyQuota, ElectedBodyKind } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { RadioGroup, TextAreaField } from '../../components/fields';
import { SuccessNotice } from '../../components/FormAlert';
import { QuotaRefusal, isQuotaRefusal } from '../../components/QuotaRefusal';
import { BodyFigures } from './QuotasPage';
import { useStaffProcess } from '../../lib/process-context';
import { focusWhenRendered } from '../../lib/focus';
import { Page } from '../../components/PageHeader';

/** Elect approved agents to the directive and oversight committees; the server refuses what would break the quota. */
export function CommitteesPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('committees.title'));
  const quotas = useResource(`quotas:${slug}:${process.id}`, (signal) => quotasApi.quotas(slug, process.id, signal));
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Page eyebrow={process.name} title={t('committees.title')} lead={t('committees.intro')}>
      <SuccessNotice message={saved} />
      {quotas.status === 'loading' && <Loading />}
      {quotas.status === 'error' && (
        <ErrorNotice title={t('quota.loadError')} onRetry={quotas.reload}>
          <p>{quotas.error.message}</p>
        </ErrorNotice>
      )}
      {quotas.status === 'ok' &&
        quotas.data.bodies.map((body) =>
          body.kind === 'delegates' ? (
            <section key={body.kind} className="card" aria-labelledby="body-delegates">
              <h2 id="body-delegates">{t('quota.body.delegates')}</h2>
              <p className="muted">{t('committees.delegatesHelp')}</p>
              <BodyFigures body={body} />
            </section>
          ) : (
            <CommitteeCard
              key={body.kind}
              body={body}
              onChanged={(message) => {
                setSaved(message);
                quotas.reload();
              }}
            />
          ),
        )}
    </Page>
  );
}

function CommitteeCard({ body, onChanged }: { body: BodyQuota; onChanged(message: string): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const kind = body.kind as ElectedBodyKind;
  const id = `body-${kind}`;
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeReason, setRemoveReason] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const bodyName = t(`quota.body.${kind}`);

  const remove = async (event: FormEvent<HTMLFormElement>, agentId: string, name: string) => {
    event.preventDefault();
    if (removeReason.trim().length < 3) {
      setRemoveError(t('decision.reasonRequired'));
      document.getElementById(`${id}-remove-reason`)?.focus();
      return;
    }
    try {
      await quotasApi.removeMember(slug, process.id, kind, agentId, removeReason.trim());
      setRemoving(null);
      setRemoveReason('');
      onChanged(t('committees.removed', { name, body: bodyName }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setRemoveError(cause.message);
    }
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{bodyName}</h2>
      <BodyFigures body={body} />
      <h3>{t('quota.members')}</h3>
      {body.members && body.members.length === 0 && <p>{t('quota.noMembers')}</p>}
      {body.members && body.members.length > 0 && (
        <ul className="member-list">
          {body.members.map((m) => (
            <li key={m.agentId}>
              <strong>{m.name}</strong> — {t(`sex.${m.sex}`)}
              {m.organization && <> — {m.organization.name}</>}{' '}
              {removing === m.agentId ? (
                <form noValidate className="reject-form" onSubmit={(e) => void remove(e, m.agentId, m.name)}>
                  <TextAreaField
                    id={`${id}-remove-reason`}
                    label={t('committees.removeReason', { name: m.name })}
                    error={removeError}
                    value={removeReason}
                    onChange={(e) => setRemoveReason(e.target.value)}
                    rows={2}
                  />
                  <p className="actions">
                    <button type="submit" className="button button-danger">
                      {t('committees.confirmRemove')}
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => setRemoving(null)}>
                      {t('common.cancel')}
                    </button>
                  </p>
                </form>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setRemoving(m.agentId);
                    setRemoveError(null);
                    focusWhenRendered(() => document.getElementById(`${id}-remove-reason`));
                  }}
                >
                  {t('committees.remove', { name: m.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ElectForm kind={kind} bodyName={bodyName} memberIds={new Set(body.members?.map((m) => m.agentId) ?? [])} onElected={(name) => onChanged(t('committees.elected', { name, body: bodyName }))} />
    </section>
  );
}

/** Find an approved agent by name or DNI, pick one, and elect them. */
function ElectForm({ kind, bodyName, memberIds, onElected }: { kind: ElectedBodyKind; bodyName: string; memberIds: Set<string>; onElected(name: string): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const id = `elect-${kind}`;
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Agent[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
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
        setChoiceError(cause.message);
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
      {error &&
        (isQuotaRefusal(error) ? (
          <QuotaRefusal error={error} id={`${id}-refusal`} />
        ) : (
          <div id={`${id}-refusal`} className="notice notice-error" role="alert" tabIndex={-1}>
            <p>{error.message}</p>
          </div>
        ))}
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
