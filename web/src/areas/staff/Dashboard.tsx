import { Link } from 'react-router';
import { useT, type MessageKey } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../lib/session';
import { can, type Action } from '../../lib/access';
import { formatDate, formatNumber } from '../../lib/format';
import { useStaffProcess } from '../../lib/process-context';
import type { DashboardStep } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { staffApi } from './api';

/** Where each step is done: a staff page of the process (shown to those who may take its action), or a public one. */
const STEP_PAGES: Record<DashboardStep['page'], { path: string; label: MessageKey; action: Action | null }> = {
  registrations: { path: 'registrations', label: 'staff.pages.registrations', action: 'registration.read' },
  organizations: { path: 'organizations', label: 'staff.pages.organizations', action: 'registration.read' },
  lists: { path: 'lists', label: 'staff.pages.lists', action: 'registration.read' },
  settings: { path: 'settings', label: 'staff.pages.settings', action: 'process.manage' },
  trainings: { path: 'trainings', label: 'staff.pages.trainings', action: 'training.manage' },
  phase: { path: 'phase', label: 'staff.pages.phase', action: 'process.manage' },
  paperProposals: { path: 'proposals/paper', label: 'staff.pages.paperProposals', action: 'proposal.register_paper' },
  proposals: { path: 'proposals', label: 'process.nav.proposals', action: null },
  vote: { path: 'vote', label: 'staff.pages.vote', action: 'vote.polling_table' },
  committee: { path: 'oversight-committee', label: 'staff.pages.oversight', action: 'committee.manage' },
  acta: { path: 'acta', label: 'staff.pages.acta', action: 'acta.prepare' },
  approval: { path: 'approval', label: 'staff.pages.approval', action: 'approval.record' },
};

/**
 * A process's staff start page: the phase and its dates, the next steps by date (with the page to do each on), the
 * figures that say where it stands (registrations, challenges, trainings, proposals), and the dates of the calendar.
 */
export function Dashboard() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const { user } = useSession();
  useDocumentTitle(process.name);
  const board = useResource(`dashboard:${slug}:${process.id}:${process.phase}`, (signal) => staffApi.dashboard(slug, process.id, signal));
  const date = (d: string) => formatDate(d, language);
  const n = (v: number) => formatNumber(v, language);

  if (board.status === 'loading') return <Loading />;
  if (board.status === 'error') {
    return (
      <ErrorNotice title={t('dashboard.loadError')} onRetry={board.reload}>
        <p>{board.error.message}</p>
      </ErrorNotice>
    );
  }
  const d = board.data;
  const phaseWindow = d.calendar.find((c) => c.phase === d.process.phase);
  const f = d.figures;

  const stepText = (s: DashboardStep) => {
    const params = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [
      k, k === 'to' || k === 'phase' ? t(`phase.${v as 'preparation'}`) : k === 'from' ? date(String(v)) : k === 'step' ? t(`dashboard.approvalStep.${v as 'formalized'}`) : v,
    ]));
    return t(`dashboard.step.${s.code}`, params);
  };

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{t('staff.title')}</p>
        <h1 id="page-title">{process.name}</h1>
        <p>
          {t('municipality.currentPhase')}: <strong>{t(`phase.${d.process.phase}`)}</strong>
          {phaseWindow && <> {t('dashboard.phaseDates', { from: date(phaseWindow.startsOn), until: date(phaseWindow.endsOn) })}</>}
        </p>
      </header>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('dashboard.stepsTitle')}</h2>
        {d.steps.length === 0 ? (
          <p>{t('dashboard.noSteps')}</p>
        ) : (
          <ol className="next-steps">
            {d.steps.map((s) => {
              const page = STEP_PAGES[s.page];
              const href = page.action === null ? `/m/${slug}/p/${process.id}/${page.path}` : `/m/${slug}/staff/p/${process.id}/${page.path}`;
              return (
                <li key={s.code}>
                  <strong>{stepText(s)}</strong>
                  {s.due && (
                    <span className={s.due < d.today ? 'overdue' : undefined}>
                      {' '}
                      {t(s.due < d.today ? 'dashboard.duePast' : s.due === d.today ? 'dashboard.dueToday' : 'dashboard.due', { date: date(s.due) })}
                    </span>
                  )}
                  {(page.action === null || can(user, slug, page.action)) && (
                    <>
                      {' '}
                      <Link to={href}>{t('dashboard.goTo', { page: t(page.label) })}</Link>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="figures-title">
        <h2 id="figures-title">{t('dashboard.figuresTitle')}</h2>
        <dl className="details">
          <dt>{t('dashboard.figures.pending')}</dt>
          <dd>{t('dashboard.figures.pendingValue', { agents: n(f.registrations.pendingAgents), organizations: n(f.registrations.pendingOrganizations) })}</dd>
          <dt>{t('dashboard.figures.approved')}</dt>
          <dd>{n(f.registrations.approvedAgents)}</dd>
          <dt>{t('dashboard.figures.lists')}</dt>
          <dd>
            {t(f.lists.definitivePublished ? 'dashboard.figures.definitive' : f.lists.preliminaryPublished ? 'dashboard.figures.preliminary' : 'dashboard.figures.noList')}
            {'. '}
            {t('dashboard.figures.openChallenges', { count: f.lists.openChallenges })}
          </dd>
          <dt>{t('dashboard.figures.trainings')}</dt>
          <dd>{t('dashboard.figures.trainingsValue', { count: f.training.scheduled, ended: n(f.training.ended), upcoming: n(f.training.upcoming) })}</dd>
          <dt>{t('dashboard.figures.trained')}</dt>
          <dd>
            {t('dashboard.figures.trainedValue', { trained: n(f.training.trainedAgents), approved: n(f.registrations.approvedAgents), count: f.training.minSessions })}
          </dd>
          <dt>{t('dashboard.figures.proposals')}</dt>
          <dd>{n(f.proposals.submitted)}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="dates-title">
        <h2 id="dates-title">{t('dashboard.datesTitle')}</h2>
        <dl className="details">
          <dt>{t('dashboard.dates.registration')}</dt>
          <dd>{date(d.dates.registrationDeadline)}</dd>
          {d.dates.listStages && (
            <>
              <dt>{t('dashboard.dates.preliminary')}</dt>
              <dd>{date(d.dates.listStages.preliminaryListOn)}</dd>
              <dt>{t('dashboard.dates.challenges')}</dt>
              <dd>{t('dashboard.dates.range', { from: date(d.dates.listStages.challengesFrom), until: date(d.dates.listStages.challengesUntil) })}</dd>
              <dt>{t('dashboard.dates.definitive')}</dt>
              <dd>{date(d.dates.listStages.definitiveListOn)}</dd>
            </>
          )}
          <dt>{t('dashboard.dates.proposals')}</dt>
          <dd>{date(d.dates.proposalDeadline)}</dd>
          {d.calendar.map((c) => (
            <div key={c.phase} className="details-row">
              <dt>{t(`phase.${c.phase}`)}</dt>
              <dd>{t('dashboard.dates.range', { from: date(c.startsOn), until: date(c.endsOn) })}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
