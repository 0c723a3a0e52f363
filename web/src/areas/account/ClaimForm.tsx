import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useFormErrors } from '../../lib/useFormErrors';
import type { ClaimAnswer } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';

/**
 * A person registered face to face (or by a spreadsheet) links that registration to their account with the code of
 * their paper receipt: then they follow it online, and its approval makes them a participating agent.
 */
export function ClaimForm({ onClaimed }: { onClaimed: () => void }) {
  const { t } = useT();
  const session = useSession();
  const form = useFormErrors();
  const [code, setCode] = useState('');
  const [dni, setDni] = useState('');
  const [claimed, setClaimed] = useState<ClaimAnswer | null>(null);
  const needsDni = !session.user?.dni;

  const submit = () =>
    void form.submit(
      {
        'claim-code': code.trim() ? null : t('account.claim.codeRequired'),
        'claim-dni': needsDni && !/^\d{8}$/.test(dni.trim()) ? t('account.claim.dniRequired') : null,
      },
      async () => {
        const answer = await api.claimRegistration({ claimCode: code.trim(), ...(needsDni ? { dni: dni.trim() } : {}) });
        setClaimed(answer);
        setCode('');
        await session.refresh();
        onClaimed();
      },
    );

  return (
    <>
      <SuccessNotice message={claimed ? t('account.claim.done', { process: claimed.process.name, municipality: claimed.municipality.name }) : null} />
      {claimed && (
        <p>
          <Link to={`/m/${claimed.municipality.slug}/p/${claimed.process.id}/register`}>{t('account.next.registrationLink')}</Link>
        </p>
      )}
      <p>{t('account.claim.intro')}</p>
      <form
        ref={form.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormAlert id="claim-error" ref={form.alertRef} message={form.formError} />
        <TextField
          id="claim-code"
          data-field="claimCode"
          label={t('account.claim.code')}
          hint={t('account.claim.codeHint')}
          error={form.errors['claim-code']}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
        />
        {needsDni && (
          <TextField
            id="claim-dni"
            data-field="dni"
            label={t('account.dni')}
            hint={t('account.claim.dniHint')}
            error={form.errors['claim-dni']}
            value={dni}
            onChange={(e) => setDni(e.target.value)}
            inputMode="numeric"
            maxLength={8}
          />
        )}
        <FormActions busy={form.busy} submitLabel={t('account.claim.submit')} busyLabel={t('account.claim.sending')} />
      </form>
    </>
  );
}
