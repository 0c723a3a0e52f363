import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { planApi } from '../plan/api';
import { processesApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ErrorNotice, Loading } from '../../components/Status';
import { SuccessNotice } from '../../components/FormAlert';
import { RulesInPlainWords } from './ProcessOverview';
import { useStaffProcess } from '../../lib/process-context';
import { ProcessSettingsForm, valuesFromProcess } from './ProcessSettingsForm';

/** Change the settings of a process while it is in Preparation; every change needs its reason (audited). */
export function SettingsPage() {
  const { slug, process, reloadProcess, reloadMunicipality } = useStaffProcess();
  const { t, language } = useT();
  const [params] = useSearchParams();
  useDocumentTitle(t('settings.title'));
  const zones = useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
  const [saved, setSaved] = useState<string | null>(params.get('created') ? t('settings.created') : null);
  const [version, setVersion] = useState(0);

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{process.name}</p>
        <h1 id="page-title">{t('settings.title')}</h1>
      </header>
      <SuccessNotice message={saved} />
      {process.phase !== 'preparation' ? (
        <>
          <p className="notice">{t('settings.frozen', { phase: t(`phase.${process.phase}`) })}</p>
          <RulesInPlainWords process={process} />
        </>
      ) : (
        <>
          <p>{t('settings.intro')}</p>
          {zones.status === 'loading' && <Loading />}
          {zones.status === 'error' && (
            <ErrorNotice title={t('staff.zonesLoadError')} onRetry={zones.reload}>
              <p>{zones.error.message}</p>
            </ErrorNotice>
          )}
          {zones.status === 'ok' && (
            <ProcessSettingsForm
              key={`${process.id}:${version}`}
              mode="edit"
              initial={valuesFromProcess(process, language)}
              zones={zones.data.zones}
              submitLabel={t('settings.submit')}
              onSubmit={async ({ fiscalYear: _year, ...input }) => {
                await processesApi.updateProcess(slug, process.id, input);
                setSaved(t('settings.saved'));
                reloadProcess();
                reloadMunicipality();
                setVersion((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </article>
  );
}
