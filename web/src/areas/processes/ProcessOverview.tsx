import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDate, formatPercent, formatSoles } from '../../lib/format';
import { registrationOpen } from '../../lib/process-rules';
import { useProcessContext } from '../../lib/process-context';
import { PhaseStepper } from '../../components/PhaseStepper';
import { PageHeader } from '../../components/PageHeader';
import { PublishedAnnouncements } from '../communication/PublishedAnnouncements';
import { PhaseHistory } from './PhaseHistory';
import { RulesInPlainWords } from './RulesInPlainWords';
import { ZoneSplit } from './ZoneSplit';

export function ProcessOverview() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(process.name);
  const open = registrationOpen(process);
  const base = `/m/${slug}/p/${process.id}`;

  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={t('municipality.fiscalYear', { year: process.fiscalYear })} title={process.name}>
        <p className="phase-text">
          {t('municipality.currentPhase')}: <strong>{t(`phase.${process.phase}`)}</strong>
        </p>
      </PageHeader>

      {open && (
        <section className="card card-call" aria-labelledby="call-title">
          <h2 id="call-title">{t('process.call.title')}</h2>
          <p>{t('process.call.text', { date: formatDate(process.rules.registrationDeadline, language) })}</p>
          <p className="actions">
            <Link className="button" to={`${base}/register`}>
              {t('process.call.registerAgent')}
            </Link>
            <Link className="button button-secondary" to={`${base}/register/organization`}>
              {t('process.call.registerOrganization')}
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('process.calendarTitle')}</h2>
        <PhaseStepper phase={process.phase} calendar={process.calendar} />
      </section>

      <section aria-labelledby="budget-title">
        <h2 id="budget-title">{t('process.budget.title')}</h2>
        <p className="big-figure">
          <span className="visually-hidden">{t('process.budget.envelope')}: </span>
          {formatSoles(process.envelopeCents, language)}
        </p>
        <p>
          {t('process.budget.share', {
            share: formatPercent(process.envelopeShare, language),
            investment: formatSoles(process.investmentBudgetCents, language),
          })}
        </p>
        <ZoneSplit process={process} />
      </section>

      <RulesInPlainWords process={process} />

      <PublishedAnnouncements slug={slug} processId={process.id} />

      <PhaseHistory process={process} />
    </article>
  );
}
