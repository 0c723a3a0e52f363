import { useT } from '../../i18n';
import { formatDate, formatInstantDate, formatPercent } from '../../lib/format';
import type { OversightWorkspace } from '../../lib/api-types';
import { FileLinks } from '../files/FileLinks';
import { PiaFlagText, RequestState } from './Flags';

/** The tracked projects with their state, the behind-schedule flag and the opening budget check. */
export function ProjectFlags({ workspace: ws }: { workspace: OversightWorkspace }) {
  const { t, language } = useT();
  return (
    <section aria-labelledby="vigilance-projects">
      <h2 id="vigilance-projects">{t('vigilance.projectsTitle')}</h2>
      <p className="result-count">{t('vigilance.pia.summary', { included: ws.pia.included, less: ws.pia.included_less, missing: ws.pia.missing })}</p>
      {ws.projects.length === 0 ? <p className="empty">{t('vigilance.noProjects')}</p> : (
        <ul className="entry-list">
          {ws.projects.map((p) => (
            <li key={p.id} className="entry">
              <p className="entry-head"><span className="entry-name">{t('vigilance.numbered', { number: p.number, title: p.title })}</span></p>
              <p className="entry-meta">
                <span className={`badge badge-execution-${p.status}`}>{t(`execution.status.${p.status}`)}</span>
                {p.behindSchedule && <> <span className="badge badge-rejected">{t('execution.behind')}</span></>}
                {' '}{t('vigilance.progress', { physical: formatPercent(p.physicalPercent / 100, language, 1), financial: formatPercent(p.financialPercent / 100, language, 1) })}
              </p>
              <PiaFlagText project={p} />
              {p.observations > 0 && <p className="entry-meta">{t('vigilance.observationCount', { count: p.observations })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The committee's observations, newest first, each with its author's name and photos. */
export function ObservationList({ slug, workspace: ws }: { slug: string; workspace: OversightWorkspace }) {
  const { t, language } = useT();
  return (
    <section aria-labelledby="vigilance-observations">
      <h2 id="vigilance-observations">{t('vigilance.observationsTitle')}</h2>
      {ws.observations.length === 0 ? <p className="empty">{t('vigilance.noObservations')}</p> : (
        <ul className="entry-list">
          {ws.observations.map((o) => (
            <li key={o.id} className="entry">
              <p className="entry-head"><span className="entry-name">{t('vigilance.numbered', { number: o.projectNumber, title: o.projectTitle })}</span></p>
              <p className="entry-meta">{t('vigilance.filedBy', { name: o.authorName, date: formatInstantDate(o.filedAt, language) })}</p>
              <p className="prewrap">{o.text}</p>
              {o.photos.length > 0 && <FileLinks slug={slug} files={o.photos} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The requests for information, overdue first, with the municipality's answers. */
export function RequestList({ slug, workspace: ws, children }: { slug: string; workspace: OversightWorkspace; children?: (r: OversightWorkspace['requests'][number]) => React.ReactNode }) {
  const { t, language } = useT();
  const c = ws.requestCounts;
  return (
    <section aria-labelledby="vigilance-requests">
      <h2 id="vigilance-requests">{t('vigilance.requestsTitle')}</h2>
      <p className="result-count">{t('vigilance.requests.summary', { total: c.total, answered: c.answered, pending: c.pending, overdue: c.overdue })}</p>
      {ws.requests.length === 0 ? <p className="empty">{t('vigilance.noRequests')}</p> : (
        <ul className="entry-list">
          {ws.requests.map((r) => (
            <li key={r.id} className="entry">
              <p className="entry-head">
                <span className="entry-name">{r.projectNumber === null ? t('vigilance.wholeProcess') : t('vigilance.numbered', { number: r.projectNumber, title: r.projectTitle ?? '' })}</span>{' '}
                <RequestState request={r} />
              </p>
              <p className="entry-meta">{t('vigilance.sentBy', { name: r.authorName, date: formatInstantDate(r.sentAt, language), deadline: formatDate(r.deadline, language) })}</p>
              <p className="prewrap">{r.question}</p>
              {r.answer && (
                <div className="panel">
                  <p className="entry-meta">{t('vigilance.answeredBy', { name: r.answer.answeredByName, date: formatInstantDate(r.answer.answeredAt, language) })}</p>
                  <p className="prewrap">{r.answer.text}</p>
                  {r.answer.documents.length > 0 && <FileLinks slug={slug} files={r.answer.documents} />}
                </div>
              )}
              {children?.(r)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The semi-annual vigilance reports, a PDF each. */
export function ReportLinks({ workspace: ws }: { workspace: OversightWorkspace }) {
  const { t, language } = useT();
  if (ws.reports.length === 0) return null;
  return (
    <section aria-labelledby="vigilance-reports">
      <h2 id="vigilance-reports">{t('vigilance.reportsTitle')}</h2>
      <ul className="file-list">
        {ws.reports.map((r) => (
          <li key={`${r.year}-${r.half}`}>
            <a href={`${r.url}&lang=${language}`}>{t(r.half === 1 ? 'vigilance.reportFirst' : 'vigilance.reportSecond', { year: r.year })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
