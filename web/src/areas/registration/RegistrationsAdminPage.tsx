import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { planApi } from '../plan/api';
import { registrationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { formatInstantDate } from '../../lib/format';
import { REGISTRATION_STATUSES, type Agent } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { SelectField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { StatusBadge } from '../../components/Badges';
import { SuccessNotice } from '../../components/FormAlert';
import { QuotaRefusal, isQuotaRefusal } from '../../components/QuotaRefusal';
import { useStaffProcess } from '../../lib/process-context';
import { DecisionControls } from '../../components/DecisionControls';
import { focusWhenRendered } from '../../lib/focus';

const PAGE = 50;

/** Registrations of participating agents to validate: filter, search, approve or reject with a reason, approve many. */
export function RegistrationsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const { user } = useSession();
  useDocumentTitle(t('registrationsAdmin.title'));
  const mayDecide = can(user, slug, 'registration.decide') && process.phase === 'preparation';
  const [status, setStatus] = useState<string>('pending');
  const [zoneId, setZoneId] = useState('');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<string | null>(null);
  const [bulkError, setBulkError] = useState<ApiError | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const zones = useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
  const list = useResource(`agents:${slug}:${process.id}:${status}:${zoneId}:${q}:${offset}`, (signal) =>
    registrationApi.agents(slug, process.id, { status: status as Agent['status'] | '', zoneId, q, limit: PAGE, offset }, signal),
  );
  const agents = list.status === 'ok' ? list.data.agents : [];
  const pending = agents.filter((a) => a.status === 'pending');

  const applySearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(search.trim());
    setOffset(0);
    setSelected(new Set());
  };

  const afterDecision = (message: string) => {
    setSaved(message);
    setSelected(new Set());
    list.reload();
  };

  const bulkApprove = async () => {
    setBulkBusy(true);
    setBulkError(null);
    try {
      const ids = [...selected];
      await registrationApi.decideAgents(slug, process.id, { agentIds: ids, decision: 'approve' });
      afterDecision(t('registrationsAdmin.bulkApproved', { count: ids.length }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setBulkError(cause);
      focusWhenRendered(() => document.getElementById('bulk-refusal'));
    } finally {
      setBulkBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{process.name}</p>
        <h1 id="page-title">{t('registrationsAdmin.title')}</h1>
        <p className="lead">{t('registrationsAdmin.intro')}</p>
        {can(user, slug, 'registration.register_others') && (
          <p>
            <Link to={`/m/${slug}/staff/p/${process.id}/registrations/new`}>{t('staff.pages.inPerson')}</Link>
          </p>
        )}
      </header>
      <SuccessNotice message={saved} />

      <form className="filters" role="search" aria-label={t('registrationsAdmin.filters')} onSubmit={applySearch}>
        <SelectField
          id="ra-status"
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
          id="ra-zone"
          label={t('registry.filterZone')}
          value={zoneId}
          onChange={(e) => {
            setZoneId(e.target.value);
            setOffset(0);
            setSelected(new Set());
          }}
          placeholder={t('common.allZones')}
          options={zones.status === 'ok' ? zones.data.zones.map((z) => ({ value: z.id, label: z.name })) : []}
        />
        <TextField id="ra-search" type="search" label={t('registrationsAdmin.search')} hint={t('registrationsAdmin.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} />
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
        <section aria-labelledby="ra-results">
          <h2 id="ra-results">{t('registrationsAdmin.results')}</h2>
          <p role="status" className="result-count">
            {t('registrationsAdmin.count', { count: list.data.total, from: list.data.total === 0 ? 0 : offset + 1, to: offset + agents.length })}
          </p>
          {mayDecide && pending.length > 0 && (
            <div className="bulk-bar">
              {bulkError &&
                (isQuotaRefusal(bulkError) ? (
                  <QuotaRefusal error={bulkError} id="bulk-refusal" />
                ) : (
                  <div id="bulk-refusal" className="notice notice-error" role="alert" tabIndex={-1}>
                    <p>{bulkError.message}</p>
                  </div>
                ))}
              <p className="actions">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setSelected(selected.size === pending.length ? new Set() : new Set(pending.map((a) => a.id)))}
                >
                  {selected.size === pending.length ? t('registrationsAdmin.selectNone') : t('registrationsAdmin.selectAll', { count: pending.length })}
                </button>
                <button type="button" className="button" disabled={selected.size === 0 || bulkBusy} onClick={() => void bulkApprove()}>
                  {t('registrationsAdmin.bulkApprove', { count: selected.size })}
                </button>
              </p>
            </div>
          )}
          {agents.length === 0 ? (
            <p className="empty">{t('registrationsAdmin.empty')}</p>
          ) : (
            <ul className="entry-list">
              {agents.map((a) => (
                <AgentRow
                  key={a.id}
                  agent={a}
                  selectable={mayDecide && a.status === 'pending'}
                  selected={selected.has(a.id)}
                  onSelect={(on) => toggle(a.id, on)}
                  onDecide={
                    mayDecide && a.status === 'pending'
                      ? async (decision, reason) => {
                          await registrationApi.decideAgent(slug, process.id, a.id, { decision, reason });
                          afterDecision(decision === 'approve' ? t('decision.approved', { name: a.fullName }) : t('decision.rejected', { name: a.fullName }));
                        }
                      : null
                  }
                />
              ))}
            </ul>
          )}
          <Pager offset={offset} count={agents.length} total={list.data.total} page={PAGE} onChange={setOffset} />
        </section>
      )}
    </article>
  );
}

export function Pager({ offset, count, total, page, onChange }: { offset: number; count: number; total: number; page: number; onChange(offset: number): void }) {
  const { t } = useT();
  if (total <= page) return null;
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - page))}>
        {t('common.previous')}
      </button>
      <button type="button" className="button button-secondary" disabled={offset + count >= total} onClick={() => onChange(offset + page)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

function AgentRow({
  agent: a,
  selectable,
  selected,
  onSelect,
  onDecide,
}: {
  agent: Agent;
  selectable: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
  onDecide: ((decision: 'approve' | 'reject', reason: string | null) => Promise<void>) | null;
}) {
  const { t, language } = useT();
  return (
    <li className="entry" aria-labelledby={`agent-${a.id}-name`}>
      <div className="entry-head">
        {selectable && (
          <input
            type="checkbox"
            className="entry-check"
            id={`agent-${a.id}-select`}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={t('registrationsAdmin.select', { name: a.fullName })}
          />
        )}
        <span className="entry-name" id={`agent-${a.id}-name`}>
          {a.fullName}
        </span>{' '}
        <StatusBadge status={a.status} />
      </div>
      <p className="entry-meta">
        {t('registrationsAdmin.meta', {
          dni: a.dni,
          sex: t(`sex.${a.sex}`),
          age: t(`ageBand.${a.ageBand}`),
          zone: a.zone.name,
        })}
      </p>
      <p className="entry-meta">
        {a.organization ? t('registrationsAdmin.delegateOf', { org: a.organization.name }) : t('registrationsAdmin.individual')}
        {' · '}
        {[a.phone, a.email].filter(Boolean).join(' · ') || t('account.notProvided')}
        {' · '}
        {t(`registration.source.${a.source}`)} · {t('registrationsAdmin.registeredOn', { date: formatInstantDate(a.createdAt, language) })}
      </p>
      {a.status !== 'pending' && (
        <p className="entry-reason">
          {t('common.reason')}: {a.decisionReason ?? t('registry.noReason')}
        </p>
      )}
      {onDecide && <DecisionControls id={`agent-${a.id}`} name={a.fullName} onDecide={onDecide} />}
    </li>
  );
}
