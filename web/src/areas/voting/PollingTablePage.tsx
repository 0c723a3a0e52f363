import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { formatNumber } from '../../lib/format';
import type { PaperBallot, PaperContent, PollingTableDetail } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { TextField } from '../../components/TextField';
import { RadioGroup } from '../../components/fields';
import { TableWrap } from '../../components/TableWrap';
import { BallotFields, draftParts, emptyDraft, type BallotDraft } from './BallotFields';
import { votingApi } from './api';
import { said, type Said } from '../../lib/said';

/**
 * A polling table at work: mark who votes (by DNI), type each paper ballot (twice, by two facilitators), resolve the
 * mismatches against the paper; and its tally sheet, printable (votes per project once the vote is closed).
 */
export function PollingTablePage() {
  const { slug, process } = useStaffProcess();
  const { tableId = '' } = useParams();
  const { t } = useT();
  const detail = useResource(`vote-table:${slug}:${process.id}:${tableId}`, (signal) => votingApi.table(slug, process.id, tableId, signal));
  useDocumentTitle(detail.status === 'ok' ? detail.data.table.name : t('votingTable.title'));
  return (
    <Page eyebrow={process.name} title={detail.status === 'ok' ? t('votingTable.titleOf', { name: detail.data.table.name }) : t('votingTable.title')}>
      <Loaded resource={detail} errorTitle={t('voting.loadError')}>
        {(d) => (
          <>
            {d.voteStatus === 'open' && <MarkVoter tableId={tableId} onDone={() => detail.reload()} />}
            {d.voteStatus === 'open' && <EntryForm detail={d} tableId={tableId} onDone={() => detail.reload()} />}
            <Mismatches detail={d} tableId={tableId} onDone={() => detail.reload()} />
            <TallySheet detail={d} tableId={tableId} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function MarkVoter({ tableId, onDone }: { tableId: string; onDone(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [dni, setDni] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="mark-title" className="panel no-print">
      <h2 id="mark-title">{t('votingTable.markTitle')}</h2>
      <SuccessNotice message={done} />
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        setError(null); setDone(null);
        votingApi.markVoter(slug, process.id, tableId, dni.trim()).then((a) => { setDone(t('votingTable.marked', { name: a.fullName })); setDni(''); onDone(); }, (cause: unknown) => {
          if (!isApiError(cause)) throw cause;
          setError(cause);
          document.getElementById('mark-dni')?.focus();
        });
      }}>
        <TextField id="mark-dni" label={t('votingTable.dni')} inputMode="numeric" autoComplete="off" value={dni} onChange={(e) => setDni(e.target.value)} error={error} />
        <p className="actions"><button type="submit" className="button">{t('votingTable.mark')}</button></p>
      </form>
    </section>
  );
}

/** The content of a paper ballot as typed: valid choices, blank, or spoiled. */
function ContentFields({ idPrefix, detail, kind, setKind, draft, setDraft }: {
  idPrefix: string; detail: PollingTableDetail; kind: string; setKind(k: string): void; draft: BallotDraft; setDraft(d: BallotDraft): void;
}) {
  const { t } = useT();
  return (
    <>
      <RadioGroup id={`${idPrefix}-kind`} name={`${idPrefix}-kind`} legend={t('votingTable.paperIs')} value={kind} onChange={setKind} inline
        options={[{ value: 'valid', label: t('votingTable.valid') }, { value: 'blank', label: t('votingTable.blank') }, { value: 'spoiled', label: t('votingTable.spoiled') }]} />
      {kind === 'valid' && <BallotFields idPrefix={`${idPrefix}-ballot`} envelopes={detail.envelopes} kind={detail.ballotKind} maxChoices={null} draft={draft} onChange={setDraft} />}
    </>
  );
}

function contentOf(kind: string, draft: BallotDraft, detail: PollingTableDetail): PaperContent {
  return kind === 'valid' ? { kind: 'valid', parts: draftParts(draft, detail.ballotKind) } : { kind: kind as 'blank' | 'spoiled' };
}

function EntryForm({ detail, tableId, onDone }: { detail: PollingTableDetail; tableId: string; onDone(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [serial, setSerial] = useState('');
  const [kind, setKind] = useState('valid');
  const [draft, setDraft] = useState<BallotDraft>(() => emptyDraft(detail.envelopes));
  const [error, setError] = useState<Said | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="entry-title" className="panel no-print">
      <h2 id="entry-title">{t('votingTable.entryTitle')}</h2>
      <p>{t('votingTable.entryHint')}</p>
      <FormAlert id="entry-error" message={error} />
      <SuccessNotice message={done} />
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        setError(null); setDone(null);
        const content = contentOf(kind, draft, detail);
        if (content.kind === 'valid' && content.parts.length === 0) { setError(t('voting.chooseOne')); document.getElementById('entry-error')?.focus(); return; }
        votingApi.enter(slug, process.id, tableId, serial.trim(), content).then((b) => {
          setDone(t(`votingTable.entered.${b.state}`, { serial: b.serial }));
          setSerial(''); setKind('valid'); setDraft(emptyDraft(detail.envelopes));
          document.getElementById('entry-serial')?.focus();
          onDone();
        }, (cause: unknown) => {
          if (!isApiError(cause)) throw cause;
          setError(cause);
          document.getElementById('entry-error')?.focus();
        });
      }}>
        <TextField id="entry-serial" label={t('votingTable.serial')} autoComplete="off" value={serial} onChange={(e) => setSerial(e.target.value)} />
        <ContentFields idPrefix="entry" detail={detail} kind={kind} setKind={setKind} draft={draft} setDraft={setDraft} />
        <p className="actions"><button type="submit" className="button">{t('votingTable.enter')}</button></p>
      </form>
    </section>
  );
}

function describe(content: PaperContent, detail: PollingTableDetail, t: ReturnType<typeof useT>['t']): string {
  if (content.kind !== 'valid') return t(`votingTable.${content.kind}`);
  return content.parts.map((p) => {
    const env = detail.envelopes.find((e) => e.key === p.pool);
    const names = p.projects.map((id) => `N.º ${env?.projects.find((x) => x.projectId === id)?.number ?? id}`);
    return `${env?.zoneName ?? t('voting.district')}: ${names.join(', ')}`;
  }).join(' · ');
}

function Mismatches({ detail, tableId, onDone }: { detail: PollingTableDetail; tableId: string; onDone(): void }) {
  const { t } = useT();
  const list = detail.ballots.filter((b) => b.state === 'mismatch');
  return (
    <section aria-labelledby="mismatch-title" className="no-print">
      <h2 id="mismatch-title">{t('votingTable.mismatchTitle', { count: list.length })}</h2>
      {list.length === 0 ? <p className="empty">{t('votingTable.noMismatch')}</p> : (
        <ul className="entry-list">
          {list.map((b) => <MismatchItem key={b.serial} ballot={b} detail={detail} tableId={tableId} onDone={onDone} />)}
        </ul>
      )}
    </section>
  );
}

function MismatchItem({ ballot, detail, tableId, onDone }: { ballot: PaperBallot; detail: PollingTableDetail; tableId: string; onDone(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [kind, setKind] = useState('valid');
  const [draft, setDraft] = useState<BallotDraft>(() => emptyDraft(detail.envelopes));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const id = `resolve-${ballot.serial}`;
  return (
    <li className="entry">
      <h3 className="entry-title">{t('votingTable.ballotNo', { serial: ballot.serial })}</h3>
      <ul>
        {ballot.entries.map((e) => <li key={e.entryNo}>{t('votingTable.entryLine', { no: e.entryNo, name: e.enteredByName, content: describe(e.content, detail, t) })}</li>)}
      </ul>
      <FormAlert id={`${id}-error`} message={error} />
      <form noValidate aria-label={t('votingTable.resolveOf', { serial: ballot.serial })} onSubmit={(e) => {
        e.preventDefault();
        const problem = reasonProblem(reason, t);
        setReasonError(problem);
        if (problem) { document.getElementById(`${id}-reason`)?.focus(); return; }
        votingApi.resolve(slug, process.id, tableId, ballot.serial, contentOf(kind, draft, detail), reason.trim()).then(onDone, (cause: unknown) => {
          if (!isApiError(cause)) throw cause;
          setError(cause);
          document.getElementById(`${id}-error`)?.focus();
        });
      }}>
        <ContentFields idPrefix={id} detail={detail} kind={kind} setKind={setKind} draft={draft} setDraft={setDraft} />
        <ReasonField id={`${id}-reason`} value={reason} onChange={setReason} error={reasonError} label={t('votingTable.resolveReason')} />
        <p className="actions"><button type="submit" className="button">{t('votingTable.resolve')}</button></p>
      </form>
    </li>
  );
}

function TallySheet({ detail: d, tableId }: { detail: PollingTableDetail; tableId: string }) {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const n = (x: number) => formatNumber(x, language);
  return (
    <section aria-labelledby="sheet-title" className="tally-sheet">
      <h2 id="sheet-title">{t('votingTable.sheetTitle', { name: d.table.name })}</h2>
      <p>{d.table.place} · {d.table.facilitators.map((f) => f.name).join(', ')}</p>
      <dl className="figures">
        <div><dt>{t('votingTable.voters')}</dt><dd>{n(d.voters)}</dd></div>
        <div><dt>{t('votingTable.typed')}</dt><dd>{n(d.figures.typed)}</dd></div>
        <div><dt>{t('votingTable.valid')}</dt><dd>{n(d.figures.valid)}</dd></div>
        <div><dt>{t('votingTable.blank')}</dt><dd>{n(d.figures.blank)}</dd></div>
        <div><dt>{t('votingTable.spoiled')}</dt><dd>{n(d.figures.spoiled)}</dd></div>
        <div><dt>{t('votingTable.mismatches')}</dt><dd>{n(d.figures.mismatches)}</dd></div>
        <div><dt>{t('votingTable.awaiting')}</dt><dd>{n(d.figures.awaitingSecond)}</dd></div>
      </dl>
      {d.tally ? d.envelopes.map((env) => (
        <TableWrap key={env.key} label={t('votingTable.tallyOf', { name: env.zoneName ?? t('voting.district') })}>
          <table>
            <caption>{t('votingTable.tallyOf', { name: env.zoneName ?? t('voting.district') })}</caption>
            <thead><tr><th scope="col">{t('voting.project')}</th><th scope="col">{t('voting.votes')}</th></tr></thead>
            <tbody>
              {env.projects.map((p) => (
                <tr key={p.projectId}><th scope="row">N.º {p.number} {p.title}</th><td>{n(d.tally!.find((x) => x.pool === env.key && x.projectId === p.projectId)?.votes ?? 0)}</td></tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )) : <p className="muted">{t('votingTable.tallyAfterClose')}</p>}
      <p className="actions no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>{t('votingTable.print')}</button>{' '}
        <a href={votingApi.sheetUrl(slug, process.id, tableId)}>{t('votingTable.pdf')}</a>
      </p>
    </section>
  );
}
