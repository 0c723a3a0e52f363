import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { registrationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { formatInstantDate } from '../../lib/format';
import { ORGANIZATION_TYPES, REGISTRATION_STATUSES, type Organization, type RegistrationStatus } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { SelectField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { StatusBadge } from '../../components/Badges';
import { SuccessNotice } from '../../components/FormAlert';
import { useStaffProcess } from '../../lib/process-context';
import { DecisionControls } from '../../components/DecisionControls';
import { Pager } from './RegistrationsAdminPage';

const PAGE = 50;

/** Organizations to validate: check the SUNARP registry number, approve (it may then accredit delegates) or reject with a reason. */
export function OrganizationsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const { user } = useSession();
  useDocumentTitle(t('organizationsAdmin.title'));
  const mayDecide = can(user, slug, 'registration.decide') && process.phase === 'preparation';
  const [status, setStatus] = useState('pending');
  const [type, setType] = useState('');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<string | null>(null);
  const [bulkError, setBulkError] = useState<ApiError | null>(null);
  const list = useResource(`orgs:${slug}:${process.id}:${status}:${type}:${q}:${offset}`, (signal) =>
    registrationApi.organizations(slug, process.id, { status: status as RegistrationStatus | '', type, q, limit: PAGE, offset }, signal),
  );
  const orgs = list.status === 'ok' ? list.data.organizations : [];
  const pending = orgs.filter((o) => o.status === 'pending');

  const done = (message: string) => {
    setSaved(message);
    setSelected(new Set());
    list.reload();
  };

  const bulkApprove = async () => {
    setBulkError(null);
    try {
      const ids = [...selected];
      await registrationApi.decideOrganizations(slug, process.id, { organizationIds: ids, decision: 'approve' });
      done(t('organizationsAdmin.bulkApproved', { count: ids.length }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setBulkError(cause);
    }
  };

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{process.name}</p>
        <h1 id="page-title">{t('organizationsAdmin.title')}</h1>
        <p className="lead">{t('organizationsAdmin.intro')}</p>
      </header>
      <SuccessNotice message={saved} />
      <form
        className="filters"
        role="search"
        aria-label={t('registrationsAdmin.filters')}
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          setQ(search.trim());
          setOffset(0);
        }}
      >
        <SelectField
          id="oa-status"
          label={t('registry.filterStatus')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setOffset(0);
            setSelected(new Set());
          }}
          placeholder={t('common.all')}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))}
        />
        <SelectField
          id="oa-type"
          label={t('orgForm.type')}
          value={type}
          onChange={(e) => {
            setType(e.target.value);
            setOffset(0);
          }}
          placeholder={t('common.all')}
          options={ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`organization.type.${o}`) }))}
        />
        <TextField id="oa-search" type="search" label={t('organizationsAdmin.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="button button-secondary">
          {t('common.search')}
        </button>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <ErrorNotice title={t('registrationsAdmin.loadError')} onRetry={list.reload}>
          <p>{list.error.message}</p>
        </ErrorNotice>
      )}
      {list.status === 'ok' && (
        <section aria-labelledby="oa-results">
          <h2 id="oa-results">{t('registrationsAdmin.results')}</h2>
          <p role="status" className="result-count">
            {t('registrationsAdmin.count', { count: list.data.total, from: list.data.total === 0 ? 0 : offset + 1, to: offset + orgs.length })}
          </p>
          {mayDecide && pending.length > 0 && (
            <div className="bulk-bar">
              {bulkError && (
                <div className="notice notice-error" role="alert">
                  <p>{bulkError.message}</p>
                </div>
              )}
              <p className="actions">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setSelected(selected.size === pending.length ? new Set() : new Set(pending.map((o) => o.id)))}
                >
                  {selected.size === pending.length ? t('registrationsAdmin.selectNone') : t('registrationsAdmin.selectAll', { count: pending.length })}
                </button>
                <button type="button" className="button" disabled={selected.size === 0} onClick={() => void bulkApprove()}>
                  {t('registrationsAdmin.bulkApprove', { count: selected.size })}
                </button>
              </p>
            </div>
          )}
          {orgs.length === 0 ? (
            <p className="empty">{t('registrationsAdmin.empty')}</p>
          ) : (
            <ul className="entry-list">
              {orgs.map((o: Organization) => (
                <li key={o.id} className="entry">
                  <div className="entry-head">
                    {mayDecide && o.status === 'pending' && (
                      <input
                        type="checkbox"
                        className="entry-check"
                        checked={selected.has(o.id)}
                        onChange={(e) =>
                          setSelected((old) => {
                            const next = new Set(old);
                            if (e.target.checked) next.add(o.id);
                            else next.delete(o.id);
                            return next;
                          })
                        }
                        aria-label={t('registrationsAdmin.select', { name: o.name })}
                      />
                    )}
                    <span className="entry-name">{o.name}</span> <StatusBadge status={o.status} />
                  </div>
                  <p className="entry-meta">
                    {t('registry.orgMeta', { type: t(`organization.type.${o.type}`), number: o.registryNumber, zone: o.zone.name })}
                  </p>
                  <p className="entry-meta">
                    {[o.contactPhone, o.contactEmail].filter(Boolean).join(' · ') || t('account.notProvided')} · {t(`registration.source.${o.source}`)} ·{' '}
                    {t('registrationsAdmin.registeredOn', { date: formatInstantDate(o.createdAt, language) })}
                  </p>
                  {o.status !== 'pending' && (
                    <p className="entry-reason">
                      {t('common.reason')}: {o.decisionReason ?? t('registry.noReason')}
                    </p>
                  )}
                  {mayDecide && o.status === 'pending' && (
                    <DecisionControls
                      id={`org-${o.id}`}
                      name={o.name}
                      onDecide={async (decision, reason) => {
                        await registrationApi.decideOrganization(slug, process.id, o.id, { decision, reason });
                        done(decision === 'approve' ? t('decision.approved', { name: o.name }) : t('decision.rejected', { name: o.name }));
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          <Pager offset={offset} count={orgs.length} total={list.data.total} page={PAGE} onChange={setOffset} />
        </section>
      )}
    </article>
  );
}
