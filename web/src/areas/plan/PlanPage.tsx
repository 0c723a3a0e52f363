import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffContext } from '../../lib/process-context';
import type { ThematicAxis } from '../../lib/api-types';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { planApi } from './api';
import { useEditing } from './useEditing';
import { PlanItemForm, emptyPlanItem } from './PlanItemForm';

type Editing = ReturnType<typeof useEditing>;

/** The Concerted Development Plan: thematic axes and their strategic objectives (proposals will link to them). */
export function PlanPage() {
  const { slug, municipality } = useStaffContext();
  const { t } = useT();
  useDocumentTitle(t('plan.title'));
  const plan = useResource(`plan:${slug}`, (signal) => planApi.plan(slug, signal));
  const editing = useEditing(plan.reload);

  return (
    <Page eyebrow={municipality.name} title={t('plan.title')} lead={t('plan.intro')}>
      <SuccessNotice message={editing.saved} />
      <Loaded resource={plan} errorTitle={t('plan.loadError')}>
        {({ axes }) =>
          axes.length === 0 ? <p className="empty">{t('plan.empty')}</p> : axes.map((axis) => <AxisCard key={axis.id} slug={slug} axis={axis} editing={editing} />)
        }
      </Loaded>
      <section className="card" aria-labelledby="new-axis">
        <h2 id="new-axis">{t('plan.newAxis')}</h2>
        <PlanItemForm
          key={`axis-${editing.formKey}`}
          idPrefix="new-axis"
          titleLabel={t('plan.axisName')}
          initial={emptyPlanItem}
          onSubmit={async (v) => {
            await planApi.createAxis(slug, { code: v.code, name: v.title, description: v.description });
            editing.done(t('plan.created', { name: v.title }));
          }}
        />
      </section>
    </Page>
  );
}

/** One axis: edit it, its objectives (edit each), add an objective. */
function AxisCard({ slug, axis, editing }: { slug: string; axis: ThematicAxis; editing: Editing }) {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby={`axis-${axis.id}`}>
      <h2 id={`axis-${axis.id}`}>
        {axis.code} · {axis.name}
      </h2>
      {axis.description && <p>{axis.description}</p>}
      {editing.open === `axis:${axis.id}` ? (
        <PlanItemForm
          idPrefix={`axis-${axis.id}`}
          titleLabel={t('plan.axisName')}
          initial={{ code: axis.code, title: axis.name, description: axis.description }}
          needsReason
          onCancel={editing.close}
          onSubmit={async (v, reason) => {
            await planApi.updateAxis(slug, axis.id, { code: v.code, name: v.title, description: v.description, reason: reason! });
            editing.done(t('plan.saved', { name: v.title }));
          }}
        />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => editing.setOpen(`axis:${axis.id}`)}>
          {t('plan.editAxis', { name: axis.name })}
        </button>
      )}
      <h3>{t('plan.objectives')}</h3>
      {axis.objectives.length === 0 && <p>{t('plan.noObjectives')}</p>}
      <ul className="entry-list">
        {axis.objectives.map((o) => (
          <li key={o.id} className="entry">
            <p className="entry-head">
              <span className="entry-name">
                {o.code} · {o.title}
              </span>
            </p>
            {o.description && <p className="entry-meta">{o.description}</p>}
            {editing.open === `objective:${o.id}` ? (
              <PlanItemForm
                idPrefix={`obj-${o.id}`}
                titleLabel={t('plan.objectiveTitle')}
                initial={{ code: o.code, title: o.title, description: o.description }}
                needsReason
                onCancel={editing.close}
                onSubmit={async (v, reason) => {
                  await planApi.updateObjective(slug, o.id, { code: v.code, title: v.title, description: v.description, reason: reason! });
                  editing.done(t('plan.saved', { name: v.title }));
                }}
              />
            ) : (
              <button type="button" className="link-button" onClick={() => editing.setOpen(`objective:${o.id}`)}>
                {t('plan.editObjective', { code: o.code })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editing.open === `new-objective:${axis.id}` ? (
        <PlanItemForm
          key={editing.formKey}
          idPrefix={`new-obj-${axis.id}`}
          titleLabel={t('plan.objectiveTitle')}
          initial={emptyPlanItem}
          onCancel={editing.close}
          onSubmit={async (v) => {
            await planApi.createObjective(slug, { axisId: axis.id, code: v.code, title: v.title, description: v.description });
            editing.done(t('plan.created', { name: v.title }));
          }}
        />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => editing.setOpen(`new-objective:${axis.id}`)}>
          {t('plan.addObjective', { name: axis.name })}
        </button>
      )}
    </section>
  );
}
