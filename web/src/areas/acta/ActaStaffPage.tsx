import { useState } from 'react';
import { Link } from 'react-router';
import type { ActaDraft, IssuedActa } from '@concerta/contracts';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SuccessNotice } from '../../components/FormAlert';
import { DraftForm } from './DraftForm';
import { IssueForm } from './IssueForm';
import { ScanForm } from './ScanForm';
import { actaApi } from './api';

/**
 * Staff's page of the Acta: record the formalization session and the signatories, see what is still missing, then
 * (administrators) issue it; a later issue is a correction with its reason. Lists the versions issued.
 */
export function ActaStaffPage() {
  const { slug, process } = useStaffProcess();
  const { user } = useSession();
  const { t, language } = useT();
  useDocumentTitle(t('acta.staffTitle'));
  const answer = useResource(`acta-draft:${slug}:${process.id}:${language}`, (signal) => actaApi.draft(slug, process.id, signal));
  const [latest, setLatest] = useState<ActaDraft | null>(null);
  const [issued, setIssued] = useState<IssuedActa | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const publicPath = `/m/${encodeURIComponent(slug)}/p/${encodeURIComponent(process.id)}/acta`;
  const open = process.phase === 'formalization' || process.phase === 'execution';
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('acta.staffTitle')} lead={t('acta.staffIntro')} />
      <SuccessNotice message={notice} />
      {issued && (
        <p className="notice notice-success">
          {t('acta.issuedNotice', { version: issued.version })} {t('acta.hashLabel')} <code>{issued.contentHash}</code>{' '}
          <Link to={publicPath}>{t('acta.seePublic')}</Link>
        </p>
      )}
      <Loaded resource={answer} errorTitle={t('acta.loadError')}>
        {(loaded) => {
          const d = latest ?? loaded;
          return (
            <>
              {!open && <p className="notice">{t('acta.closed')}</p>}
              {open && <DraftForm slug={slug} processId={process.id} draft={d} onDone={(next) => { setLatest(next); setIssued(null); setNotice(t('acta.savedNotice')); }} />}
              {open && (
                <section aria-labelledby="acta-issue-title" className="panel">
                  <h2 id="acta-issue-title">{d.versions.length === 0 ? t('acta.issueTitle') : t('acta.correctTitle')}</h2>
                  {d.missing.length > 0
                    ? (
                      <>
                        <p>{t('acta.missingIntro')}</p>
                        <ul>{d.missing.map((m) => <li key={m.code}>{m.messages[language]}</li>)}</ul>
                      </>
                    )
                    : can(user, slug, 'acta.issue')
                      ? <IssueForm slug={slug} processId={process.id} correction={d.versions.length > 0} onDone={(a) => {
                        setIssued(a); setNotice(null);
                        setLatest({ ...d, versions: a.versions.map(({ pdfUrl: _, ...v }) => v) });
                      }} />
                      : <p>{t('acta.readyForAdmin')}</p>}
                </section>
              )}
              <section aria-labelledby="acta-versions-title">
                <h2 id="acta-versions-title">{t('acta.versionsTitle')}</h2>
                {d.versions.length === 0 ? <p className="empty">{t('acta.noVersions')}</p> : (
                  <ul>
                    {d.versions.map((v) => (
                      <li key={v.version}>
                        <Link to={v === d.versions[0] ? publicPath : `${publicPath}/versions/${v.version}`}>{t('acta.versionItem', { version: v.version, date: formatDateTime(v.issuedAt, language) })}</Link>
                        {' '}{t('acta.issuedBy', { name: v.issuedByName })}{v.reason && <> {t('acta.versionReason', { reason: v.reason })}</>}
                        <br /><span className="muted">{t('acta.hashLabel')} <code>{v.contentHash}</code></span>
                        {v.scan && <><br /><a href={v.scan.url}>{t('acta.scanOf', { version: v.version })}</a></>}
                        {open && <ScanForm slug={slug} processId={process.id} version={v.version} replacing={v.scan !== null}
                          onDone={(a) => { setLatest({ ...d, versions: a.versions.map(({ pdfUrl: _, ...x }) => x) }); setNotice(t('acta.scanNotice', { version: v.version })); }} />}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
