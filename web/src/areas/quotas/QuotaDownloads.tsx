import { useT } from '../../i18n';
import { Downloads } from '../../components/Downloads';
import { quotasApi } from './api';

/** The quota page's downloads (the same data as the page) and its printing: the page shows every row already. */
export function QuotaDownloads({ slug, processId }: { slug: string; processId: string }) {
  const { t, language } = useT();
  return (
    <Downloads
      print
      links={[
        { href: quotasApi.exportUrl(slug, processId, 'quotas.pdf', language), label: t('quota.downloads.pdf') },
        { href: quotasApi.exportUrl(slug, processId, 'quotas.csv', language), label: t('quota.downloads.bodiesCsv') },
        { href: quotasApi.exportUrl(slug, processId, 'quota-members.csv', language), label: t('quota.downloads.membersCsv') },
      ]}
    />
  );
}
