import { useState } from 'react';
import { useT } from '../../i18n';
import { ZONE_KINDS, type Zone } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { EditForm } from '../../components/EditForm';
import { codeProblem } from './codes';

type ZoneInput = Omit<Zone, 'id'> & { reason?: string };

/** A zone's code, name, kind and population; a change to an existing zone carries its reason. */
export function ZoneForm({
  idPrefix,
  initial,
  needsReason,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: Omit<Zone, 'id'>;
  needsReason?: boolean;
  submitLabel: string;
  onSubmit(input: ZoneInput): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [code, setCode] = useState(initial.code);
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<string>(initial.kind);
  const [population, setPopulation] = useState(initial.population === null ? '' : String(initial.population));
  const id = (f: string) => `${idPrefix}-${f}`;

  return (
    <EditForm
      idPrefix={idPrefix}
      needsReason={needsReason}
      submitLabel={submitLabel}
      onCancel={onCancel}
      check={() => ({
        [id('code')]: codeProblem(code, t),
        [id('name')]: name.trim().length < 2 ? t('zones.errors.name') : null,
        [id('population')]: population.trim() && !/^\d+$/.test(population.trim()) ? t('zones.errors.population') : null,
      })}
      send={(reason) =>
        onSubmit({
          code: code.trim(),
          name: name.trim(),
          kind: kind as Zone['kind'],
          population: population.trim() ? Number(population) : null,
          ...(reason !== undefined ? { reason } : {}),
        })
      }
    >
      {(errors) => (
        <>
          <div className="field-row">
            <TextField id={id('code')} data-field="code" label={t('zones.code')} error={errors[id('code')]} value={code} onChange={(e) => setCode(e.target.value)} />
            <TextField id={id('name')} data-field="name" label={t('zones.name')} error={errors[id('name')]} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field-row">
            <SelectField
              id={id('kind')}
              data-field="kind"
              label={t('zones.kindLabel')}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              options={ZONE_KINDS.map((k) => ({ value: k, label: t(`zones.kind.${k}`) }))}
            />
            <TextField
              id={id('population')}
              data-field="population"
              label={t('zones.populationLabel')}
              error={errors[id('population')]}
              value={population}
              onChange={(e) => setPopulation(e.target.value)}
              inputMode="numeric"
            />
          </div>
        </>
      )}
    </EditForm>
  );
}
