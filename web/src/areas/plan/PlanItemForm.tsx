import { useState } from 'react';
import { useT } from '../../i18n';
import { TextField } from '../../components/TextField';
import { TextAreaField } from '../../components/fields';
import { EditForm } from '../../components/EditForm';
import { codeProblem } from './codes';

/** An axis or an objective of the plan as the form edits it (an axis's name is its title). */
interface PlanItem {
  code: string;
  title: string;
  description: string;
}

export const emptyPlanItem: PlanItem = { code: '', title: '', description: '' };

/** A thematic axis or a strategic objective: code, title, description; a change carries its reason. */
export function PlanItemForm({
  idPrefix,
  titleLabel,
  initial,
  needsReason,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  titleLabel: string;
  initial: PlanItem;
  needsReason?: boolean;
  onSubmit(v: PlanItem, reason?: string): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [v, setV] = useState(initial);
  const id = (f: string) => `${idPrefix}-${f}`;

  return (
    <EditForm
      idPrefix={idPrefix}
      needsReason={needsReason}
      onCancel={onCancel}
      check={() => ({
        [id('code')]: codeProblem(v.code, t),
        [id('title')]: v.title.trim().length < 3 ? t('plan.errors.title') : null,
      })}
      send={(reason) => onSubmit({ code: v.code.trim(), title: v.title.trim(), description: v.description.trim() }, reason)}
    >
      {(errors) => (
        <>
          <TextField id={id('code')} data-field="code" label={t('zones.code')} error={errors[id('code')]} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} />
          <TextField id={id('title')} data-field="name title" label={titleLabel} error={errors[id('title')]} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <TextAreaField
            id={id('description')}
            data-field="description"
            label={t('plan.description')}
            value={v.description}
            onChange={(e) => setV({ ...v, description: e.target.value })}
            rows={2}
          />
        </>
      )}
    </EditForm>
  );
}
