import { useT } from '../../i18n';
import type { ApprovalChain } from '../../lib/api-types';

/** The export for the Ministry of Economy and Finance, once the list is formalized. */
export function Downloads({ chain: c }: { chain: ApprovalChain }) {
  const { t } = useT();
  if (!c.exports) return null;
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">{t('approval.exportsTitle')}</h2>
      <p>{t('approval.exportsHint')}</p>
      <ul>
        <li><a href={c.exports.csv} download>{t('approval.downloadCsv')}</a></li>
        <li><a href={c.exports.json} download>{t('approval.downloadJson')}</a></li>
      </ul>
    </section>
  );
}
