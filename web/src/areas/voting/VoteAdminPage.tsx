import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { can } from '../../lib/access';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { useStaffProcess } from '../../lib/process-context';
import { formatDateTime, formatNumber, peruInstant, peruToday } from '../../lib/format';
import type { Vote } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { TextField } from '../../components/TextField';
import { CheckboxField } from '../../components/fields';
import { membershipsApi } from '../memberships/api';
import { votingApi } from './api';
import { said, type Said } from '../../lib/said';

/** The vote for staff: open it (administrator), its turnout and polling tables, close and count it (administrator). */
export function VoteAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const { user } = useSession();
  useDocumentTitle(t('votingAdmin.title'));
  const page = useResource(`vote-admin:${slug}:${process.id}`, (signal) => votingApi.vote(slug, process.id, signal));
  const manage = can(user, slug, 'vote.manage');
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => { setNotice(message); page.reload(); };
  return (
    <Page eyebrow={process.name} title={t('votingAdmin.title')}>
      <SuccessNotice message={notice} />
      <Loaded resource={page} errorTitle={t('voting.loadError')}>
        {(v) => (
          <>
            <p>
              {!v.vote ? t('voting.notOpened') : v.vote.status === 'closed'
                ? t('voting.closedOn', { date: formatDateTime(v.vote.closedAt ?? v.vote.closesAt, language) })
                : t('voting.openUntil', { date: formatDateTime(v.vote.closesAt, language) })}
              {' '}{t('votingAdmin.turnout', { voted: formatNumber(v.turnout.voted, language), eligible: formatNumber(v.turnout.eligible, language), online: v.turnout.online, paper: v.turnout.paper })}
            </p>
            {v.vote?.status === 'closed' && <p><Link to={`/m/${slug}/p/${process.id}/vote/results`}>{t('voting.seeResults')}</Link></p>}
            {manage && !v.vote && <OpenForm phaseOk={process.phase === 'formalization'} onDone={() => done(t('votingAdmin.opened'))} />}
            {v.vote && <Tables vote={v} />}
            {manage && v.vote?.status === 'open' && <TableForm onDone={() => done(t('votingAdmin.tableCreated'))} />}
            {manage && v.vote?.status === 'open' && <CloseForm onDone={() => done(t('votingAdmin.closed'))} />}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function Tables({ vote: v }: { vote: Vote }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  return (
    <section aria-labelledby="tables-title">
      <h2 id="tables-title">{t('voting.tablesTitle')}</h2>
      {v.tables.length === 0 ? <p className="empty">{t('votingAdmin.noTables')}</p> : (
        <ul className="entry-list">
          {v.tables.map((tb) => (
            <li key={tb.id} className="entry">
              <p className="entry-head"><Link className="entry-name" to={`/m/${slug}/staff/p/${process.id}/vote/tables/${tb.id}`}>{tb.name}</Link></p>
              <p>{tb.place} · {tb.facilitators.map((f) => f.name).join(', ')} · {t('votingAdmin.tableVoters', { count: v.turnout.tables.find((x) => x.id === tb.id)?.voters ?? 0 })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function useSubmit() {
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (focusId: string, action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
      document.getElementById(focusId)?.focus();
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

function OpenForm({ phaseOk, onDone }: { phaseOk: boolean; onDone(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [date, setDate] = useState(peruToday());
  const [time, setTime] = useState('18:00');
  const [allowChanges, setAllowChanges] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const s = useSubmit();
  if (!phaseOk) return <p className="notice">{t('votingAdmin.openInFormalization')}</p>;
  return (
    <section aria-labelledby="open-title" className="panel">
      <h2 id="open-title">{t('votingAdmin.openTitle')}</h2>
      <FormAlert id="open-error" message={s.error} />
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        const problem = reasonProblem(reason, t);
        setReasonError(problem);
        if (problem) { document.getElementById('open-reason')?.focus(); return; }
        void s.run('open-error', async () => { await votingApi.open(slug, process.id, { closesAt: peruInstant(date, time), allowChanges, reason: reason.trim() }); onDone(); });
      }}>
        <TextField id="open-date" type="date" label={t('votingAdmin.closeDate')} value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField id="open-time" type="time" label={t('votingAdmin.closeTime')} hint={t('votingAdmin.peruTime')} value={time} onChange={(e) => setTime(e.target.value)} />
        <CheckboxField id="open-changes" label={t('votingAdmin.allowChanges')} checked={allowChanges} onChange={setAllowChanges} hint={t('votingAdmin.allowChangesHint')} />
        <ReasonField id="open-reason" value={reason} onChange={setReason} error={reasonError} />
        <p className="actions"><button type="submit" className="button" disabled={s.busy}>{t('votingAdmin.open')}</button></p>
      </form>
    </section>
  );
}

function TableForm({ onDone }: { onDone(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const members = useResource(`members:${slug}:vote`, (signal) => membershipsApi.members(slug, signal));
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const s = useSubmit();
  const staff = members.status === 'ok' ? members.data.members.filter((m) => m.roles.some((r) => r === 'facilitator' || r === 'administrator')) : [];
  return (
    <section aria-labelledby="table-title" className="panel">
      <h2 id="table-title">{t('votingAdmin.newTable')}</h2>
      <FormAlert id="table-error" message={s.error} />
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        void s.run('table-error', async () => {
          await votingApi.createTable(slug, process.id, { name: name.trim(), place: place.trim(), facilitatorUserIds: chosen });
          setName(''); setPlace(''); setChosen([]);
          onDone();
        });
      }}>
        <TextField id="table-name" label={t('votingAdmin.tableName')} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField id="table-place" label={t('votingAdmin.tablePlace')} value={place} onChange={(e) => setPlace(e.target.value)} />
        <fieldset className="field fieldset">
          <legend className="field-label">{t('votingAdmin.tableFacilitators')}</legend>
          {staff.map((m) => (
            <CheckboxField key={m.userId} id={`table-f-${m.userId}`} label={m.name} checked={chosen.includes(m.userId)}
              onChange={(on) => setChosen(on ? [...chosen, m.userId] : chosen.filter((x) => x !== m.userId))} />
          ))}
        </fieldset>
        <p className="actions"><button type="submit" className="button" disabled={s.busy}>{t('votingAdmin.createTable')}</button></p>
      </form>
    </section>
  );
}

function CloseForm({ onDone }: { onDone(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const s = useSubmit();
  return (
    <section aria-labelledby="close-title" className="panel">
      <h2 id="close-title">{t('votingAdmin.closeTitle')}</h2>
      <p>{t('votingAdmin.closeHint')}</p>
      <FormAlert id="close-error" message={s.error} />
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        const problem = reasonProblem(reason, t);
        setReasonError(problem);
        if (problem) { document.getElementById('close-reason')?.focus(); return; }
        void s.run('close-error', async () => { await votingApi.close(slug, process.id, reason.trim()); onDone(); });
      }}>
        <ReasonField id="close-reason" value={reason} onChange={setReason} error={reasonError} />
        <p className="actions"><button type="submit" className="button" disabled={s.busy}>{t('votingAdmin.close')}</button></p>
      </form>
    </section>
  );
}
