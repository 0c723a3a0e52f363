import type { IssuedActa } from '@concerta/contracts';
import { useT } from '../../i18n';
import { formatDate, formatDateTime, formatNumber, formatSoles } from '../../lib/format';
import { TableWrap } from '../../components/TableWrap';

type Content = IssuedActa['content'];
type Project = Content['envelopes'][number]['funded'][number];
type Source = Project['financing']['sources'][number];

const KINDS = ['municipality', 'regional_government', 'provincial_municipality', 'national_programme', 'ngo', 'company', 'community', 'other'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string | null): k is Kind => k !== null && (KINDS as readonly string[]).includes(k);

/** Who pays one source of a project, as a reader of the Acta needs it: the party and its kind, and an agreement's conditions. */
function SourceName({ source: s }: { source: Source }) {
  const { t } = useT();
  const kind = isKind(s.partyKind) ? ` (${t(`acta.kind.${s.partyKind}`)})` : '';
  return (
    <>
      {t(`acta.source.${s.source}`)}: {s.party}{kind}
      {s.conditions && <><br /><span className="muted">{t('acta.conditions', { conditions: s.conditions })}</span></>}
    </>
  );
}

function ProjectFinancing({ project: p, id }: { project: Project; id: string }) {
  const { t, language } = useT();
  const title = t('acta.projectLine', { priority: p.priority, number: p.number, title: p.title });
  return (
    <section aria-labelledby={id} className="acta-project">
      <h4 id={id}>{title}</h4>
      <p>{t('acta.projectFacts', { zone: p.zoneName, reach: t(`acta.reach.${p.reach === 'provincial' || p.reach === 'regional' ? p.reach : 'district'}`), votes: formatNumber(p.votes, language), cost: formatSoles(p.costCents, language) })}</p>
      <TableWrap label={t('acta.financingOf', { number: p.number })}>
        <table>
          <caption className="visually-hidden">{t('acta.financingOf', { number: p.number })}</caption>
          <thead>
            <tr><th scope="col">{t('acta.sourceHead')}</th><th scope="col">{t('acta.contributionHead')}</th><th scope="col" className="num">{t('acta.amountHead')}</th></tr>
          </thead>
          <tbody>
            {p.financing.sources.map((s, i) => (
              <tr key={i}>
                <th scope="row"><SourceName source={s} /></th>
                <td>{t(`acta.contribution.${s.contribution}`)}</td>
                <td className="num">{formatSoles(s.amountCents, language)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={2}>{t('acta.total')}</th><td className="num">{formatSoles(p.financing.totalCents, language)}</td></tr>
          </tfoot>
        </table>
      </TableWrap>
    </section>
  );
}

/** An issued version of the Acta, from its frozen content only: the session, the funded projects with every financing commitment, the alternates, the committee, the signatories. */
export function ActaDocument({ acta }: { acta: IssuedActa }) {
  const { t, language } = useT();
  const c = acta.content;
  const alternates = c.envelopes.flatMap((e) => e.alternates.map((p) => ({ e, p })));
  return (
    <div className="acta">
      <p>{t('acta.heading', { municipality: c.municipality, process: c.process.name, year: c.process.fiscalYear })}</p>
      <p>
        {t('acta.versionLine', { version: acta.version, date: formatDateTime(acta.issuedAt, language) })}{' '}
        {t('acta.hashLabel')} <code data-hash>{acta.contentHash}</code>
      </p>
      {c.correction && <p className="notice">{t('acta.correction', { previous: acta.version - 1, reason: c.correction })}</p>}
      <p>{t('acta.session', { date: formatDate(c.session.heldOn, language), place: c.session.place, start: c.session.startTime, end: c.session.endTime })}</p>
      <p>{t('acta.vote', { date: formatDateTime(c.vote.closedAt, language), voted: formatNumber(c.vote.turnout.voted, language), eligible: formatNumber(c.vote.turnout.eligible, language), online: formatNumber(c.vote.turnout.online, language), paper: formatNumber(c.vote.turnout.paper, language), rule: c.vote.outcomeRule })}</p>

      <section aria-labelledby="acta-funded">
        <h2 id="acta-funded">{t('acta.fundedTitle')}</h2>
        {c.envelopes.map((e) => (
          <section key={e.key} aria-labelledby={`acta-envelope-${e.key}`}>
            <h3 id={`acta-envelope-${e.key}`}>{e.zoneName ?? t('acta.district')}</h3>
            <p>{t('acta.envelopeFigures', { budget: formatSoles(e.budgetCents, language), spent: formatSoles(e.spentCents, language) })}</p>
            {e.funded.length === 0 && <p className="empty">{t('acta.noneFunded')}</p>}
            {e.funded.map((p) => <ProjectFinancing key={p.number} project={p} id={`acta-project-${p.number}`} />)}
          </section>
        ))}
      </section>

      <section>
        <h2 id="acta-alternates">{t('acta.alternatesTitle')}</h2>
        <p>{t('acta.alternatesIntro')}</p>
        {alternates.length === 0 ? <p className="empty">{t('acta.none')}</p> : (
          <TableWrap label={t('acta.alternatesTitle')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('acta.priority')}</th><th scope="col">{t('acta.project')}</th><th scope="col">{t('acta.envelope')}</th>
                  <th scope="col" className="num">{t('acta.cost')}</th><th scope="col">{t('acta.committed')}</th>
                </tr>
              </thead>
              <tbody>
                {alternates.map(({ e, p }) => (
                  <tr key={p.number}>
                    <td>{p.priority}</td>
                    <th scope="row">{t('acta.projectName', { number: p.number, title: p.title })}</th>
                    <td>{e.zoneName ?? t('acta.district')}</td>
                    <td className="num">{formatSoles(p.costCents, language)}</td>
                    <td>{p.financing.sources.length === 0 ? t('acta.none') : p.financing.sources.map((s, i) => (
                      <span key={i}>{i > 0 && '; '}<SourceName source={s} />: {formatSoles(s.amountCents, language)}</span>
                    ))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="acta-committee">
        <h2 id="acta-committee">{t('acta.committeeTitle')}</h2>
        <p>{t('acta.committeeElected', { date: formatDate(c.committee.heldOn, language), place: c.committee.place })}</p>
        <ol>
          {c.committee.members.map((m, i) => <li key={i}>{m.name}{m.organization ? ` (${m.organization})` : ''}</li>)}
        </ol>
      </section>

      <section>
        <h2 id="acta-signatories">{t('acta.signatoriesTitle')}</h2>
        <TableWrap label={t('acta.signatoriesTitle')}>
          <table className="sheet-table">
            <thead>
              <tr><th scope="col">{t('acta.name')}</th><th scope="col">{t('acta.capacityHead')}</th><th scope="col" className="sheet-signature">{t('acta.signature')}</th></tr>
            </thead>
            <tbody>
              {c.signatories.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.name}</th>
                  <td>{t(`acta.capacity.${s.capacity}`)}{s.detail ? `: ${s.detail}` : ''}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </div>
  );
}
