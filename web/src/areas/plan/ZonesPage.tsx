import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatNumber } from '../../lib/format';
import { useStaffContext } from '../../lib/process-context';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { planApi, useZones } from './api';
import { useEditing } from './useEditing';
import { ZoneForm } from './ZoneForm';

/** Zones of the municipality (sectors, neighbourhood committees, rural centres): add one, correct one with a reason. */
export function ZonesPage() {
  const { slug, municipality } = useStaffContext();
  const { t, language } = useT();
  useDocumentTitle(t('zones.title'));
  const list = useZones(slug);
  const editing = useEditing(list.reload);

  return (
    <Page eyebrow={municipality.name} title={t('zones.title')} lead={t('zones.intro')}>
      <SuccessNotice message={editing.saved} />
      <Loaded resource={list} errorTitle={t('staff.zonesLoadError')}>
        {({ zones }) => (
          <ul className="entry-list">
            {zones.map((z) => (
              <li key={z.id} className="entry">
                <p className="entry-head">
                  <span className="entry-name">
                    {z.code} · {z.name}
                  </span>
                </p>
                <p className="entry-meta">
                  {t(`zones.kind.${z.kind}`)} ·{' '}
                  {z.population === null ? t('zones.noPopulation') : t('zones.population', { count: z.population, n: formatNumber(z.population, language) })}
                </p>
                {editing.open === z.id ? (
                  <ZoneForm
                    idPrefix={`zone-${z.id}`}
                    initial={z}
                    needsReason
                    submitLabel={t('common.save')}
                    onCancel={editing.close}
                    onSubmit={async (input) => {
                      await planApi.updateZone(slug, z.id, { ...input, reason: input.reason ?? '' });
                      editing.done(t('zones.saved', { name: input.name }), { renewNew: false });
                    }}
                  />
                ) : (
                  <button type="button" className="button button-secondary" onClick={() => editing.setOpen(z.id)}>
                    {t('zones.edit', { name: z.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <section className="card" aria-labelledby="new-zone">
        <h2 id="new-zone">{t('zones.newTitle')}</h2>
        <ZoneForm
          key={editing.formKey}
          idPrefix="zone-new"
          initial={{ code: '', name: '', kind: 'sector', population: null }}
          submitLabel={t('zones.create')}
          onSubmit={async (input) => {
            await planApi.createZone(slug, { code: input.code, name: input.name, kind: input.kind, population: input.population });
            editing.done(t('zones.created', { name: input.name }));
          }}
        />
      </section>
    </Page>
  );
}
