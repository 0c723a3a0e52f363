import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { Downloads } from '../../components/Downloads';
import { TableWrap } from '../../components/TableWrap';
import { registrationApi } from './api';

/** The largest page the staff lists answer: the print view asks for pages of it until it has every row. */
const MAX_PAGE = 500;

async function everyRow<T>(page: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const { items, total } = await page(MAX_PAGE, out.length);
    out.push(...items);
    if (items.length === 0 || out.length >= total) return out;
  }
}

/** Every agent and organization of the process, a page at a time. */
async function wholeRegistry(slug: string, processId: string, signal: AbortSignal) {
  const [agents, organizations] = await Promise.all([
    everyRow(async (limit, offset) => {
      const r = await registrationApi.agents(slug, processId, { limit, offset }, signal);
      return { items: r.agents, total: r.total };
    }),
    everyRow(async (limit, offset) => {
      const r = await registrationApi.organizations(slug, processId, { limit, offset }, signal);
      return { items: r.organizations, total: r.total };
    }),
  ]);
  return { agents, organizations };
}

/**
 * The registry to print: every agent and organization of the process (the staff lists show one page at a time; this
 * view loads every row first), in two tables whose heads repeat on each printed page. Only the tables print.
 */
export function RegistryPrintPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('registryExport.printTitle'));
  const registry = useResource(`registry-print:${slug}:${process.id}`, (signal) => wholeRegistry(slug, process.id, signal));
  return (
    <div className="print-view">
      <p className="actions no-print">
        <Link to={`/m/${slug}/staff/p/${process.id}/registrations`}>{t('registryExport.back')}</Link>
      </p>
      <h1>{t('registryExport.printTitle')}</h1>
      <p>{process.name}</p>
      <Loaded resource={registry} errorTitle={t('registry.loadError')}>
        {({ agents, organizations }) => (
          <>
            <p>{t('registryExport.printLead', { agents: agents.length, organizations: organizations.length })}</p>
            <Downloads
              print
              links={[
                { href: registrationApi.exportUrl(slug, process.id, 'registry.pdf', language), label: t('registryExport.registryPdf') },
                { href: registrationApi.exportUrl(slug, process.id, 'agents.csv', language), label: t('registryExport.agentsCsv') },
                { href: registrationApi.exportUrl(slug, process.id, 'organizations.csv', language), label: t('registryExport.organizationsCsv') },
              ]}
            />
            <TableWrap label={t('registryExport.agentsCaption', { count: agents.length })}>
              <table className="table print-table" id="print-agents">
                <caption>{t('registryExport.agentsCaption', { count: agents.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sheet.number')}</th>
                    <th scope="col">{t('sheet.name')}</th>
                    <th scope="col">{t('sheet.dni')}</th>
                    <th scope="col">{t('agentForm.sex')}</th>
                    <th scope="col">{t('registry.filterZone')}</th>
                    <th scope="col">{t('sheet.organization')}</th>
                    <th scope="col">{t('registryExport.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {agents.map((a, i) => (
                    <tr key={a.id}>
                      <td>{i + 1}</td>
                      <th scope="row">{a.fullName}</th>
                      <td>{a.dni}</td>
                      <td>{t(`sex.${a.sex}`)}</td>
                      <td>{a.zone.name}</td>
                      <td>{a.organization?.name ?? ''}</td>
                      <td>{t(`registration.status.${a.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <TableWrap label={t('registryExport.organizationsCaption', { count: organizations.length })}>
              <table className="table print-table" id="print-organizations">
                <caption>{t('registryExport.organizationsCaption', { count: organizations.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sheet.number')}</th>
                    <th scope="col">{t('sheet.organization')}</th>
                    <th scope="col">{t('registry.filterKind')}</th>
                    <th scope="col">{t('orgForm.registryNumber')}</th>
                    <th scope="col">{t('registry.filterZone')}</th>
                    <th scope="col">{t('registryExport.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {organizations.map((o, i) => (
                    <tr key={o.id}>
                      <td>{i + 1}</td>
                      <th scope="row">{o.name}</th>
                      <td>{t(`organization.type.${o.type}`)}</td>
                      <td>{o.registryNumber}</td>
                      <td>{o.zone.name}</td>
                      <td>{t(`registration.status.${o.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </Loaded>
    </div>
  );
}
