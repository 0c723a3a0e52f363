import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n';
import { planApi } from '../plan/api';
import { registrationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { formatDate, formatInstantDate } from '../../lib/format';
import type { Agent, Organization } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/Badges';
import { SuccessNotice } from '../../components/FormAlert';
import { useProcessContext } from '../../lib/process-context';
import { registrationOpen } from '../../lib/process-rules';
import { AgentForm, emptyAgent, type AgentFormValues } from './AgentForm';

/** "My registration": register as a participating agent, see the status and the reason of the decision, correct it while pending. */
export function MyRegistrationPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const session = useSession();
  const location = useLocation();
  useDocumentTitle(t('myRegistration.title'));

  const header = (
    <header className="page-header">
      <p className="eyebrow">{process.name}</p>
      <h1 id="page-title">{t('myRegistration.title')}</h1>
    </header>
  );

  if (session.status === 'loading') return <Loading />;
  if (!session.user) {
    const next = encodeURIComponent(location.pathname);
    return (
      <article aria-labelledby="page-title">
        {header}
        <p className="lead">{t('myRegistration.signInFirst')}</p>
        <p className="actions">
          <Link className="button" to={`/signin?next=${next}`}>
            {t('layout.signIn')}
          </Link>
          <Link className="button button-secondary" to={`/signup?next=${next}`}>
            {t('signin.createAccount')}
          </Link>
        </p>
        <p>{t('myRegistration.inPerson')}</p>
      </article>
    );
  }
  return (
    <article aria-labelledby="page-title">
      {header}
      <Registration key={session.user.id} slug={slug} />
    </article>
  );
}

function Registration({ slug }: { slug: string }) {
  const { process } = useProcessContext();
  const { t, language } = useT();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const mine = useResource(`my-agent:${slug}:${process.id}`, (signal) => registrationApi.myAgent(slug, process.id, signal));
  const zones = useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
  const orgs = useResource(`approved-orgs:${slug}:${process.id}`, (signal) =>
    registrationApi.registry(slug, process.id, { kind: 'organization', status: 'approved' }, signal),
  );
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
  const zoneList = zones.status === 'ok' ? zones.data.zones : [];
  const orgList = orgs.status === 'ok' ? orgs.data.entries.map((e) => ({ id: e.id, name: e.name })) : [];
  const dniHint = user?.dni ? t('myRegistration.dniFromAccount') : undefined;

  const formFor = (initial: AgentFormValues, mode: 'create' | 'edit') => (
    <AgentForm
      idPrefix="reg"
      initial={initial}
      zones={zoneList}
      organizations={orgList}
      dniLocked={Boolean(user?.dni)}
      dniHint={dniHint}
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
          {editing &&
            formFor(
              {
                dni: current.dni,
                fullName: current.fullName,
                sex: current.sex,
                ageBand: current.ageBand,
                zoneId: current.zone.id,
                phone: current.phone ?? '',
                email: current.email ?? '',
                organizationId: current.organization?.id ?? '',
              },
              'edit',
            )}
        </section>
      ) : open ? (
        <section aria-labelledby="form-title">
          <h2 id="form-title">{t('myRegistration.formTitle')}</h2>
          <p>{t('myRegistration.formIntro', { date: formatDate(process.rules.registrationDeadline, language) })}</p>
          {formFor({ ...emptyAgent, dni: user?.dni ?? '', fullName: user?.name ?? '', email: user?.email ?? '' }, 'create')}
        </section>
      ) : (
        <p className="notice">{t('myRegistration.closed', { date: formatDate(process.rules.registrationDeadline, language) })}</p>
      )}
      <MyOrganizations slug={slug} open={open} />
    </>
  );
}

function AgentDetails({ agent }: { agent: Agent }) {
  const { t } = useT();
  return (
    <dl className="details">
      <dt>{t('agentForm.dni')}</dt>
      <dd>{agent.dni}</dd>
      <dt>{t('agentForm.fullName')}</dt>
      <dd>{agent.fullName}</dd>
      <dt>{t('agentForm.sex')}</dt>
      <dd>{t(`sex.${agent.sex}`)}</dd>
      <dt>{t('agentForm.ageBand')}</dt>
      <dd>{t(`ageBand.${agent.ageBand}`)}</dd>
      <dt>{t('agentForm.zone')}</dt>
      <dd>{agent.zone.name}</dd>
      <dt>{t('agentForm.phone')}</dt>
      <dd>{agent.phone ?? t('account.notProvided')}</dd>
      <dt>{t('agentForm.email')}</dt>
      <dd>{agent.email ?? t('account.notProvided')}</dd>
      <dt>{t('agentForm.organization')}</dt>
      <dd>{agent.organization?.name ?? t('agentForm.notDelegate')}</dd>
    </dl>
  );
}

function MyOrganizations({ slug, open }: { slug: string; open: boolean }) {
  const { process } = useProcessContext();
  const { t } = useT();
  const list = useResource(`my-orgs:${slug}:${process.id}`, (signal) => registrationApi.myOrganizations(slug, process.id, signal));
  const base = `/m/${slug}/p/${process.id}/register/organization`;
  return (
    <section aria-labelledby="my-orgs">
      <h2 id="my-orgs">{t('myRegistration.orgsTitle')}</h2>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <ErrorNotice title={t('myRegistration.loadError')} onRetry={list.reload}>
          <p>{list.error.message}</p>
        </ErrorNotice>
      )}
      {list.status === 'ok' && list.data.organizations.length === 0 && <p>{t('myRegistration.noOrgs')}</p>}
      {list.status === 'ok' && list.data.organizations.length > 0 && (
        <ul className="entry-list">
          {list.data.organizations.map((o) => (
            <OrganizationItem key={o.id} org={o} editLink={o.status === 'pending' && open ? `${base}?edit=${encodeURIComponent(o.id)}` : null} />
          ))}
        </ul>
      )}
      {open && (
        <p>
          <Link to={base}>{t('process.call.registerOrganization')}</Link>
        </p>
      )}
    </section>
  );
}

export function OrganizationItem({ org, editLink }: { org: Organization; editLink: string | null }) {
  const { t } = useT();
  return (
    <li className="entry">
      <p className="entry-head">
        <span className="entry-name">{org.name}</span> <StatusBadge status={org.status} />
      </p>
      <p className="entry-meta">
        {t('registry.orgMeta', { type: t(`organization.type.${org.type}`), number: org.registryNumber, zone: org.zone.name })}
      </p>
      {org.status !== 'pending' && (
        <p className="entry-reason">
          {t('common.reason')}: {org.decisionReason ?? t('registry.noReason')}
        </p>
      )}
      {editLink && (
        <p>
          <Link to={editLink}>{t('myRegistration.editOrg', { name: org.name })}</Link>
        </p>
      )}
    </li>
  );
}
