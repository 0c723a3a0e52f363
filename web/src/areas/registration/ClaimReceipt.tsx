import { useT } from '../../i18n';
import { formatDate, formatInstantDate } from '../../lib/format';
import type { ClaimCode } from '../../lib/api-types';

/**
 * The paper receipt of a face-to-face registration, with its one-time link code: printed and handed over, it lets
 * the person follow the registration online from their own account.
 */
export function ClaimReceipt({ processName, person, claimCode }: {
  processName: string;
  person: { fullName: string; dni: string; createdAt: string };
  claimCode: ClaimCode;
}) {
  const { t, language } = useT();
  return (
    <section className="card receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('inPerson.receipt.title')}</h2>
      <p className="no-print">{t('inPerson.receipt.lead')}</p>
      <dl className="details">
        <dt>{t('inPerson.receipt.name')}</dt>
        <dd>{person.fullName}</dd>
        <dt>{t('inPerson.receipt.dni')}</dt>
        <dd>{person.dni}</dd>
        <dt>{t('inPerson.receipt.process')}</dt>
        <dd>{processName}</dd>
        <dt>{t('inPerson.receipt.registeredOn')}</dt>
        <dd>{formatInstantDate(person.createdAt, language)}</dd>
        <dt>{t('inPerson.receipt.code')}</dt>
        <dd>
          <strong className="claim-code">{claimCode.code}</strong>
        </dd>
      </dl>
      <p>{t('inPerson.receipt.expires', { date: formatDate(claimCode.expiresAt.slice(0, 10), language) })}</p>
      <p>{t('inPerson.receipt.howTo', { site: window.location.host })}</p>
      <p className="actions no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('inPerson.receipt.print')}
        </button>
      </p>
    </section>
  );
}
