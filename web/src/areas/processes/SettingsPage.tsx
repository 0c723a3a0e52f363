import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { useZones } from '../plan/api';
import { processesApi } from './api';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { SuccessNotice } from '../../components/FormAlert';
import { RulesInPlainWords } from './RulesInPlainWords';
import { useStaffProcess } from '../../lib/process-context';
import { ProcessSettingsForm, valuesFromProcess } from './ProcessSettingsForm';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';

/** Change the settings of a process while it is in Preparation; every change needs its reason (audited). */
export function SettingsPage() {
  const { slug, process, reloadProcess, reloadMunicipality } = useStaffProcess();
  const { t, language } = useT();
  const [params] = useSearchParams();
  useDocumentTitle(t('settings.title'));
  const zones = useZones(slug);
  const [saved, setSaved] = useState<string | null>(params.get('created') ? t('settings.created') : null);
  const [version, setVersion] = useState(0);

  return (
    <Page eyebrow={process.name} title={t('settings.title')}>
      <SuccessNotice message={saved} />
      {process.phase !== 'preparation' ? (
        <>
          <p className="notice">{t('settings.frozen', { phase: t(`phase.${process.phase}`) })}</p>
          <RulesInPlainWords process={process} />
        </>
      ) : (
        <>
          <p>{t('settings.intro')}</p>
          <Loaded resource={zones} errorTitle={t('staff.zonesLoadError')}>
            {(data) => (
              <ProcessSettingsForm
                key={`${process.id}:${version}`}
                mode="edit"
                initial={valuesFromProcess(process, language)}
                zones={data.zones}
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
          </Loaded>
        </>
      )}
    </Page>
  );
}
