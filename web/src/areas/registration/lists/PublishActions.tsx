import { useT } from '../../../i18n';
import { useFormErrors } from '../../../lib/useFormErrors';
import { FormAlert } from '../../../components/FormAlert';
import type { RegistrationLists } from '../../../lib/api-types';
import { registrationApi } from '../api';

/** The administrator publishes the preliminary list, then the definitive one; the server says when it is too soon. */
export function PublishActions({ slug, processId, lists, onPublished }: { slug: string; processId: string; lists: RegistrationLists; onPublished(): void }) {
  const { t } = useT();
  const { formRef, alertRef, formError, busy, submit } = useFormErrors();
  const preliminary = lists.published.some((p) => p.stage === 'preliminary');
  const definitive = lists.published.some((p) => p.stage === 'definitive');
  if (definitive) return null;
  const stage = preliminary ? 'definitive' : 'preliminary';
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{t('listsAdmin.publishTitle')}</h2>
      <p>{t(`listsAdmin.publishHint.${stage}`)}</p>
      <form ref={formRef} noValidate onSubmit={(e) => {
        e.preventDefault();
        void submit({}, async () => {
          await registrationApi.publishList(slug, processId, stage);
          onPublished();
        });
      }}>
        <FormAlert id={`publish-alert`} ref={alertRef} message={formError} />
        <p className="actions">
          <button type="submit" className="button" disabled={busy}>{busy ? t('common.sending') : t(`listsAdmin.publish.${stage}`)}</button>
        </p>
      </form>
    </section>
  );
}
