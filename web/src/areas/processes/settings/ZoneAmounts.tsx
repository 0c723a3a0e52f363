import { useT } from '../../../i18n';
import { formatSoles, parseSoles } from '../../../lib/format';
import type { Zone } from '../../../lib/api-types';
import { TextField } from '../../../components/TextField';
import { Group, type SectionProps } from './Group';
import { zoneCentsOf } from './values';

/** The part of the envelope set aside for each zone (optional), with the running total. */
export function ZoneAmounts({ v, update, errors: e, zones }: SectionProps & { zones: Zone[] }) {
  const { t, language } = useT();
  const envelopeCents = parseSoles(v.envelope);
  const zoneCents = zoneCentsOf(v, zones);
  const zoneTotal = zoneCents.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  // The API lists only the zones with an amount: `zoneEnvelopes.N` is the Nth of those.
  const zoneIndex = (id: string) => zones.filter((z, i) => zoneCents[i] !== null).findIndex((z) => z.id === id);
  return (
    <Group title={t('processForm.zoneSplit')} hint={t('processForm.zoneSplitHint')}>
      {zones.length === 0 && <p>{t('processForm.noZones')}</p>}
      {zones.map((z, i) => (
        <TextField
          key={z.id}
          id={`ps-zone-${z.id}`}
          data-field={`${zoneIndex(z.id) >= 0 ? `zoneEnvelopes.${zoneIndex(z.id)}.amountCents zoneEnvelopes.${zoneIndex(z.id)}` : ''}${i === 0 ? ' zoneEnvelopes' : ''}`}
          label={t('processForm.zoneAmount', { zone: z.name })}
          error={e[`ps-zone-${z.id}`]}
          value={v.zoneAmounts[z.id] ?? ''}
          onChange={(ev) => update({ zoneAmounts: { ...v.zoneAmounts, [z.id]: ev.target.value } })}
          inputMode="decimal"
        />
      ))}
      <p className="muted" aria-live="polite">
        {envelopeCents
          ? t('processForm.zoneTotal', {
              total: formatSoles(zoneTotal, language),
              envelope: formatSoles(envelopeCents, language),
              rest: formatSoles(Math.max(0, envelopeCents - zoneTotal), language),
            })
          : t('processForm.zoneTotalNoEnvelope', { total: formatSoles(zoneTotal, language) })}
      </p>
    </Group>
  );
}
