import { appendAudit } from '../audit/audit-log.ts';
import { demoKey, type AreaDemo } from '../kernel/area.ts';
import { newId, now } from '../shared/clock.ts';
import { ILO_ZONES } from '../demo/ilo.ts';
import { insertAxis, insertObjective, insertZone } from './plan.repository.ts';

/** The demo municipality's zones, by code (Z01 ...), for the steps that place things in them. */
export const DEMO_ZONES = demoKey<ReadonlyMap<string, string>>('plan: zone ids by code');

const AXES = [
  { code: 'EJ1', name: 'Desarrollo urbano y ambiente', description: 'Ciudad ordenada, limpia y segura frente a la contaminación.', objectives: [
    ['OE1.1', 'Reducir la contaminación del aire y del agua en la bahía y el valle'],
    ['OE1.2', 'Completar el saneamiento básico de los asentamientos de la Pampa Inalámbrica'],
    ['OE1.3', 'Ordenar el crecimiento urbano y recuperar espacios públicos'],
  ] },
  { code: 'EJ2', name: 'Desarrollo social', description: 'Salud, educación y cuidado para todas las edades.', objectives: [
    ['OE2.1', 'Mejorar la infraestructura educativa y los espacios para la niñez'],
    ['OE2.2', 'Ampliar la atención primaria de salud en los sectores alejados'],
  ] },
  { code: 'EJ3', name: 'Desarrollo económico', description: 'Pesca artesanal, agricultura del valle y turismo.', objectives: [
    ['OE3.1', 'Fortalecer la pesca artesanal y su cadena de frío'],
    ['OE3.2', 'Promover el turismo en el borde costero'],
  ] },
  { code: 'EJ4', name: 'Gobernabilidad y participación', description: 'Concertación, transparencia y vigilancia ciudadana.', objectives: [
    ['OE4.1', 'Fortalecer las organizaciones vecinales y la vigilancia ciudadana'],
  ] },
] as const;

/** The zones of Ilo; in the full demo also the Concerted Development Plan's axes and objectives. */
export const PLAN_DEMO: AreaDemo = {
  async municipality(ctx) {
    const at = now();
    const zones = new Map<string, string>();
    for (const z of ILO_ZONES) {
      const id = newId();
      zones.set(z.code, id);
      await insertZone(ctx.trx, ctx.municipalityId, { id, code: z.code, name: z.name, kind: z.kind, population: z.population }, at);
    }
    ctx.state.set(DEMO_ZONES, zones);
    if (!ctx.full) return;
    for (const a of AXES) {
      const axisId = newId();
      await insertAxis(ctx.trx, ctx.municipalityId, { id: axisId, code: a.code, name: a.name, description: a.description }, at);
      for (const [code, title] of a.objectives) {
        await insertObjective(ctx.trx, ctx.municipalityId, { id: newId(), axisId, code, title, description: '' }, at);
      }
    }
    await appendAudit(ctx.trx, ctx.handle.dialect, {
      scope: ctx.municipalityId, actorId: ctx.accounts.get('administrator')!.id, action: 'plan.load', entityType: 'plan', entityId: ctx.municipalityId,
      reason: 'Plan de Desarrollo Concertado de Ilo (datos de demostración)', data: { axes: AXES.length },
    });
  },
};
