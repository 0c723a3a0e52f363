import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../lib/session';
import { formatDate, formatInstantDate } from '../../lib/format';
import { registrationOpen } from '../../lib/process-rules';
import { useProcessContext } from '../../lib/process-context';
import type { Agent } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/Badges';
import { SuccessNotice } from '../../components/FormAlert';
import { useZones } from '../plan/api';
import { registrationApi, useApprovedOrganizations } from './api';
import { AgentForm, agentValues, emptyAgent, type AgentFormValues } from './AgentForm';
import { AgentDetails } from './AgentDetails';
import { MyOrganizations } from './MyOrganizations';
import { MyNextStep } from './MyNextStep';

/** The signed-in person's registration as an agent: the form, or its status, the decision's reason, and corrections while pending. */
export function MyAgentRegistration({ slug }: { slug: string }) {
  const { process } = useProcessContext();
  const { t, language } = useT();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const mine = useResource(`my-agent:${slug}:${process.id}`, (signal) => registrationApi.myAgent(slug, process.id, signal));
  const zones = useZones(slug);
  const orgs = useApprovedOrganizations(slug, process.id);
  const [agent, setAgent] = useState<Agent | null | undefined>(undefined);
  const current = agent !== undefined ? agent : mine.status === 'ok' ? mine.data.agent : undefined;
  const open = registrationOpen(process);

  if (mine.status === 'loading' || zones.status === 'loading' || orgs.status === 'loading') return <Loading />;
  const failed = [mine, zones, orgs].find((r) => r.status === 'error');
  if (failed?.status === 'error') {
    return (
      <ErrorNotice title={t('myRegistration.loadError')} onRetry={() => [mine, zones, orgs].forEach((r) => r.reload())}>
        <p>{failed.error.message}</p>
      </ErrorNotice>
    );
  }
  const deadline = formatDate(process.rules.registrationDeadline, language);

  const formFor = (initial: AgentFormValues, mode: 'create' | 'edit') => (
    <AgentForm
      idPrefix="reg"
      initial={initial}
      zones={zones.status === 'ok' ? zones.data.zones : []}
      organizations={orgs.status === 'ok' ? orgs.data.entries.map((e) => ({ id: e.id, name: e.name })) : []}
      dniLocked={Boolean(user?.dni)}
      dniHint={user?.dni ? t('myRegistration.dniFromAccount') : undefined}
      submitLabel={mode === 'create' ? t('myRegistration.submit') : t('myRegistration.saveChanges')}
      submittingLabel={t('common.sending')}
      onCancel={mode === 'edit' ? () => setEditing(false) : undefined}
      onSubmit={async (input) => {
        const result =
          mode === 'create' ? await registrationApi.registerSelf(slug, process.id, input) : await registrationApi.updateAgent(slug, process.id, current!.id, input);
        setAgent(result);
        setEditing(false);
        setSaved(mode === 'create' ? t('myRegistration.received') : t('myRegistration.updated'));
      }}
    />
  );

  return (
    <>
      <SuccessNotice message={saved} />
      {current ? (
        <section className="card" aria-labelledby="my-status">
          <h2 id="my-status">{t('myRegistration.statusTitle')}</h2>
          <p className="status-line">
            <StatusBadge status={current.status} /> {t(`myRegistration.statusText.${current.status}`)}
          </p>
          {current.status !== 'pending' && (
            <div className="decision">
              {current.decidedAt && <p className="muted">{t('myRegistration.decidedOn', { date: formatInstantDate(current.decidedAt, language) })}</p>}
              <p>
                <strong>{t('myRegistration.reason')}:</strong> {current.decisionReason ?? t('registry.noReason')}
              </p>
            </div>
          )}
          {!editing && <AgentDetails agent={current} />}
          {current.status === 'pending' && open && !editing && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              {t('myRegistration.edit')}
            </button>
          )}
          {editing && formFor(agentValues(current), 'edit')}
        </section>
      ) : open ? (
        <section aria-labelledby="form-title">
          <h2 id="form-title">{t('myRegistration.formTitle')}</h2>
          <p>{t('myRegistration.formIntro', { date: deadline })}</p>
          {formFor({ ...emptyAgent, dni: user?.dni ?? '', fullName: user?.name ?? '', email: user?.email ?? '' }, 'create')}
        </section>
      ) : (
        <p className="notice">{t('myRegistration.closed', { date: deadline })}</p>
      )}
      {current && <MyNextStep slug={slug} agent={current} />}
      <MyOrganizations slug={slug} open={open} />
    </>
  );
}
