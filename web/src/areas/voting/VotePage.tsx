import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { useProcessContext } from '../../lib/process-context';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { MyBallot as OwnBallot, MyVote, ReceiptCheck, Vote } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { BallotFields, draftParts, emptyDraft, type BallotDraft } from './BallotFields';
import { votingApi } from './api';
import { said, type Said } from '../../lib/said';

/** The vote of the process: where it stands, the live turnout, your ballot (or why you may not vote), a receipt check. */
export function VotePage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const { user } = useSession();
  useDocumentTitle(t('voting.title'));
  const page = useResource(`vote:${slug}:${process.id}`, (signal) => votingApi.vote(slug, process.id, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('voting.title')} lead={t('voting.intro')} />
      <Loaded resource={page} errorTitle={t('voting.loadError')}>
        {(v) => (
          <>
            <Status vote={v} />
            {v.vote?.status === 'closed' && (
              <p><Link className="button" to={`/m/${slug}/p/${process.id}/vote/results`}>{t('voting.seeResults')}</Link></p>
            )}
            {user && <MyBallot onCast={() => page.reload()} />}
            {!user && v.vote && <p>{t('voting.signInToVote')} <Link to="/signin">{t('voting.signIn')}</Link></p>}
            {v.vote && <ReceiptCheckForm closed={v.vote.status === 'closed'} />}
          </>
        )}
      </Loaded>
    </article>
  );
}

function Status({ vote: v }: { vote: Vote }) {
  const { t, language } = useT();
  const n = (x: number) => formatNumber(x, language);
  return (
    <section aria-labelledby="status-title" className="panel">
      <h2 id="status-title">{t('voting.statusTitle')}</h2>
      <p>
        {!v.vote ? t('voting.notOpened')
          : v.vote.status === 'closed' ? t('voting.closedOn', { date: formatDateTime(v.vote.closedAt ?? v.vote.closesAt, language) })
            : v.vote.takingBallots ? t('voting.openUntil', { date: formatDateTime(v.vote.closesAt, language) })
              : t('voting.counting')}
      </p>
      <dl className="figures">
        <div><dt>{t('voting.eligible')}</dt><dd>{n(v.turnout.eligible)}</dd></div>
        <div><dt>{t('voting.voted')}</dt><dd>{n(v.turnout.voted)}</dd></div>
        <div><dt>{t('voting.online')}</dt><dd>{n(v.turnout.online)}</dd></div>
        <div><dt>{t('voting.paper')}</dt><dd>{n(v.turnout.paper)}</dd></div>
      </dl>
      {v.tables.length > 0 && (
        <ul aria-label={t('voting.tablesTitle')}>
          {v.tables.map((tb) => <li key={tb.id}>{t('voting.tableLine', { name: tb.name, place: tb.place })}</li>)}
        </ul>
      )}
    </section>
  );
}

function MyBallot({ onCast }: { onCast(): void }) {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const me = useResource(`vote-me:${slug}:${process.id}`, (signal) => votingApi.me(slug, process.id, signal));
  return (
    <section aria-labelledby="my-ballot-title" className="panel">
      <h2 id="my-ballot-title">{t('voting.myBallot')}</h2>
      <Loaded resource={me} errorTitle={t('voting.loadError')}>
        {(m) => <MyBallotBody me={m} onCast={() => { me.reload(); onCast(); }} />}
      </Loaded>
    </section>
  );
}

function MyBallotBody({ me, onCast }: { me: MyVote; onCast(): void }) {
  const { t, language } = useT();
  const [receipt, setReceipt] = useState<string | null>(null);
  if (!me.eligible) {
    return (
      <p className="notice">
        {me.reason === 'not_trained'
          ? t('voting.notTrained', { attended: me.sessionsAttended, required: me.sessionsRequired })
          : t('voting.notRegistered')}
      </p>
    );
  }
  if (me.voteStatus === 'not_opened') return <p>{t('voting.eligibleWaiting', { name: me.agentName ?? '' })}</p>;
  if (receipt) return <ReceiptShown receipt={receipt} />;
  if (me.voted) {
    return (
      <>
        <p>{t(me.voted.channel === 'online' ? 'voting.votedOnline' : 'voting.votedPaper', { date: formatDateTime(me.voted.votedAt, language) })}</p>
        {me.voted.channel === 'online' && <SeeMyBallot me={me} />}
        {me.voted.channel === 'online' && me.allowChanges && me.takingBallots && <BallotForm me={me} mode="change" onDone={() => onCast()} />}
      </>
    );
  }
  if (!me.takingBallots) return <p>{t('voting.notTaking')}</p>;
  return <BallotForm me={me} mode="cast" onDone={(code) => { if (code) setReceipt(code); onCast(); }} />;
}

/** The online voter, signed in, sees their own ballot with its receipt code (the public receipt check never shows it). */
function SeeMyBallot({ me }: { me: MyVote }) {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const [code, setCode] = useState('');
  const [ballot, setBallot] = useState<OwnBallot | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const submit = async () => {
    setError(null);
    setBallot(null);
    try {
      setBallot(await votingApi.myBallot(slug, process.id, code.trim()));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
    }
  };
  const label = (pool: string, projectId: string) => {
    const envelope = me.envelopes.find((e) => e.key === pool);
    const project = envelope?.projects.find((p) => p.projectId === projectId);
    return `${envelope?.zoneName ?? t('voting.district')}: ${project ? `N.º ${project.number} ${project.title}` : projectId}`;
  };
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby="see-title">
      <h3 id="see-title">{t('voting.seeTitle')}</h3>
      <TextField id="see-receipt" label={t('voting.receiptCode')} value={code} onChange={(e) => setCode(e.target.value)} error={error} autoComplete="off" />
      <p className="actions"><button type="submit" className="button button-secondary">{t('voting.seeButton')}</button></p>
      <div role="status">
        {ballot && (
          <ul>
            {ballot.parts.flatMap((part) => part.projects.map((projectId, i) => (
              <li key={`${part.pool}/${projectId}`}>{label(part.pool, projectId)}{part.points ? ` (${part.points[i] ?? 0})` : ''}</li>
            )))}
          </ul>
        )}
      </div>
    </form>
  );
}

function ReceiptShown({ receipt }: { receipt: string }) {
  const { t } = useT();
  return (
    <div className="notice notice-success" role="status">
      <p>{t('voting.cast')}</p>
      <p>{t('voting.receiptIs')} <strong className="receipt" id="receipt-code">{receipt}</strong></p>
      <p className="muted">{t('voting.receiptHint')}</p>
    </div>
  );
}

/** A random idempotency key (getRandomValues works over plain HTTP too, where randomUUID does not). */
function newCastKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function BallotForm({ me, mode, onDone }: { me: MyVote; mode: 'cast' | 'change'; onDone(receipt: string | null): void }) {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const [draft, setDraftState] = useState<BallotDraft>(() => emptyDraft(me.envelopes));
  // One idempotency key per ballot as drafted: sending it again (after a lost answer) gets the same receipt.
  const castKey = useRef(newCastKey());
  const setDraft = (next: BallotDraft) => { castKey.current = newCastKey(); setDraftState(next); };
  const [code, setCode] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = me.ballotKind ?? 'single';
  const submit = async () => {
    setError(null);
    const parts = draftParts(draft, kind);
    if (parts.length === 0) {
      setError(t('voting.chooseOne'));
      document.getElementById('ballot-error')?.focus();
      return;
    }
    setBusy(true);
    try {
      if (mode === 'cast') onDone((await votingApi.cast(slug, process.id, parts, castKey.current)).receipt);
      else {
        await votingApi.change(slug, process.id, code.trim(), parts);
        setDone(t('voting.changed'));
        onDone(null);
      }
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
      document.getElementById('ballot-error')?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby={`${mode}-title`}>
      <h3 id={`${mode}-title`}>{t(mode === 'cast' ? 'voting.castTitle' : 'voting.changeTitle')}</h3>
      <FormAlert id="ballot-error" message={error} />
      <SuccessNotice message={done} />
      {mode === 'change' && <TextField id="change-receipt" label={t('voting.receiptCode')} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />}
      <BallotFields idPrefix={`${mode}-ballot`} envelopes={me.envelopes} kind={kind} maxChoices={me.maxChoices} draft={draft} onChange={setDraft} />
      <p className="actions"><button type="submit" className="button" disabled={busy}>{t(mode === 'cast' ? 'voting.castButton' : 'voting.changeButton')}</button></p>
    </form>
  );
}

/** After the close: the ballot log to download, and how anyone checks it. */
function VerifyCount() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  return (
    <>
      <h3>{t('voting.verifyTitle')}</h3>
      <p>{t('voting.verifyHint')}</p>
      <p><a href={votingApi.ballotLogUrl(slug, process.id)} download={`${slug}_${process.fiscalYear}_ballot-log.json`}>{t('voting.ballotLog')}</a></p>
    </>
  );
}

function ReceiptCheckForm({ closed }: { closed: boolean }) {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ReceiptCheck | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const submit = async () => {
    setError(null);
    setFound(null);
    try {
      setFound(await votingApi.receipt(slug, process.id, code.trim()));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
    }
  };
  return (
    <section aria-labelledby="receipt-title" className="panel">
      <h2 id="receipt-title">{t('voting.checkTitle')}</h2>
      <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <TextField id="receipt-check" label={t('voting.receiptCode')} value={code} onChange={(e) => setCode(e.target.value)} error={error} autoComplete="off" />
        <p className="actions"><button type="submit" className="button button-secondary">{t('voting.checkButton')}</button></p>
      </form>
      <div role="status">
        {found && <p>{t(found.counted ? 'voting.receiptCounted' : 'voting.receiptKept', { count: found.changes })}</p>}
      </div>
      {closed && <VerifyCount />}
    </section>
  );
}
