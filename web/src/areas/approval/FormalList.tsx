import { useT } from '../../i18n';
import { formatDate, formatSoles } from '../../lib/format';
import type { ApprovalChain } from '../../lib/api-types';
import { TableWrap } from '../../components/TableWrap';

type Envelope = NonNullable<ApprovalChain['envelopes']>[number];
type Project = Envelope['funded'][number];

function cofinancing(p: Project): number {
  return p.financing.totalCents - p.financing.municipalityCents;
}

/** One envelope of the list: its funded projects by priority with their financing, then alternates and withdrawn ones. */
function EnvelopeList({ envelope: e }: { envelope: Envelope }) {
  const { t, language } = useT();
  const name = e.zoneName ?? t('approval.districtWide');
  const label = t('approval.fundedIn', { name });
  const soles = (cents: number) => formatSoles(cents, language);
  return (
    <section aria-labelledby={`envelope-${e.key}`}>
      <h3 id={`envelope-${e.key}`}>{name}</h3>
      <p className="muted">{t('approval.envelopeFigures', { spent: soles(e.spentCents), budget: soles(e.budgetCents) })}</p>
      <TableWrap label={label}>
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('approval.priority')}</th>
              <th scope="col">{t('approval.project')}</th>
              <th scope="col">{t('approval.investmentCode')}</th>
              <th scope="col" className="num">{t('approval.cost')}</th>
              <th scope="col" className="num">{t('approval.participatoryBudget')}</th>
              <th scope="col" className="num">{t('approval.cofinancing')}</th>
            </tr>
          </thead>
          <tbody>
            {e.funded.map((p) => (
              <tr key={p.proposalId}>
                <td className="num">{p.priority}</td>
                <th scope="row">{t('approval.projectName', { number: p.number, title: p.title })}</th>
                <td>{p.investmentCode ?? t('approval.noCode')}</td>
                <td className="num">{soles(p.costCents)}</td>
                <td className="num">{soles(p.financing.municipalityCents)}</td>
                <td className="num">{soles(cofinancing(p))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {e.alternates.length > 0 && (
        <>
          <h4>{t('approval.alternates')}</h4>
          <ul>
            {e.alternates.map((p) => <li key={p.proposalId}>{t('approval.projectName', { number: p.number, title: p.title })} ({soles(p.costCents)})</li>)}
          </ul>
        </>
      )}
      {e.withdrawn.length > 0 && (
        <>
          <h4>{t('approval.withdrawn')}</h4>
          <ul>
            {e.withdrawn.map((p) => <li key={p.proposalId}>{t('approval.withdrawnBy', { name: t('approval.projectName', { number: p.number, title: p.title }), seq: p.amendment })}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** The list: as the vote adopted it while under approval, or the current formalized list with its amendments. */
export function FormalList({ chain: c }: { chain: ApprovalChain }) {
  const { t, language } = useT();
  if (!c.envelopes) return <p className="notice">{t('approval.noListYet')}</p>;
  return (
    <>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{c.formalized ? t('approval.formalizedList') : t('approval.listUnderApproval')}</h2>
        {c.formalized && <p>{t('approval.frozen', { date: formatDate(c.formalized.formalizedOn, language) })} <code>{c.formalized.sha256}</code></p>}
        {c.envelopes.map((e) => <EnvelopeList key={e.key} envelope={e} />)}
      </section>
      {c.formalized && (
        <section aria-labelledby="amendments-title">
          <h2 id="amendments-title">{t('approval.amendments')}</h2>
          {c.amendments.length === 0 ? <p className="empty">{t('approval.noAmendments')}</p> : (
            <ol>
              {c.amendments.map((a) => {
                const project = t('approval.projectName', { number: a.project.number, title: a.project.title });
                return (
                  <li key={a.seq}>
                    <p>
                      {a.kind === 'withdraw' && t('approval.amendment.withdraw', { project })}
                      {a.kind === 'replace' && t('approval.amendment.replace', { project, replacement: t('approval.projectName', { number: a.replacement!.number, title: a.replacement!.title }) })}
                      {a.kind === 'change_amount' && t('approval.amendment.changeAmount', { project, from: formatSoles(a.previousAmountCents ?? 0, language), to: formatSoles(a.amountCents ?? 0, language) })}
                    </p>
                    <p className="muted">
                      {t('approval.amendment.vote', { reference: a.vote.reference, date: formatDate(a.vote.heldOn, language), for: a.vote.votesFor, against: a.vote.votesAgainst, abstentions: a.vote.abstentions })}
                      {' '}{t('approval.amendment.reason', { reason: a.reason })}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
