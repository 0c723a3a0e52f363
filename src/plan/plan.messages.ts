import { defineCatalogue } from '../shared/errors.ts';

/** The plan area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    CODE_TAKEN: { status: 409, es: 'El código {code} ya está en uso.', en: 'Code {code} is already in use.' },
  },
  names: {
    axis: { es: 'un eje temático', en: 'a thematic axis' },
    objective: { es: 'un objetivo estratégico', en: 'a strategic objective' },
  },
  fields: {
    axisId: { es: 'eje temático', en: 'thematic axis' },
    code: { es: 'código', en: 'code' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'plan.load': { es: 'Plan de desarrollo cargado', en: 'Development plan loaded' },
    'plan.axis_create': { es: 'Eje temático creado', en: 'Thematic axis created' },
    'plan.axis_update': { es: 'Eje temático modificado', en: 'Thematic axis changed' },
    'plan.objective_create': { es: 'Objetivo estratégico creado', en: 'Strategic objective created' },
    'plan.objective_update': { es: 'Objetivo estratégico modificado', en: 'Strategic objective changed' },
    'zone.create': { es: 'Zona creada', en: 'Zone created' },
    'zone.update': { es: 'Zona modificada', en: 'Zone changed' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    plan: { es: 'Plan de desarrollo', en: 'Development plan' },
    plan_objective: { es: 'Objetivo estratégico', en: 'Strategic objective' },
    thematic_axis: { es: 'Eje temático', en: 'Thematic axis' },
    zone: { es: 'Zona', en: 'Zone' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
