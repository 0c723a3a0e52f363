import type { Decision } from './registration.ts';
import { greeting } from '../shared/letters.ts';

/** The messages that tell an applicant the municipality's decision, in Spanish (messages to citizens are). */

export interface DecisionContext {
  municipalityName: string;
  processName: string;
  decision: Decision;
  reason: string | null;
}

function reasonLine(reason: string | null): string {
  return reason ? `\n\nMotivo: ${reason}` : '';
}

export function agentDecisionMessage(c: DecisionContext & { fullName: string; sex: 'female' | 'male'; delegateOf: string | null }): { subject: string; body: string } {
  const delegate = c.sex === 'female' ? 'delegada acreditada' : 'delegado acreditado';
  const as = c.delegateOf ? `como ${delegate} de «${c.delegateOf}»` : 'como agente participante';
  if (c.decision === 'approve') {
    return {
      subject: `Inscripción aprobada: ${c.processName}`,
      body: `${greeting(c.fullName, c.sex)}\n\nLa ${c.municipalityName} aprobó su inscripción ${as} en el ${c.processName}. `
        + `Ya puede participar en los talleres y en las votaciones del proceso.${reasonLine(c.reason)}`,
    };
  }
  return {
    subject: `Inscripción rechazada: ${c.processName}`,
    body: `${greeting(c.fullName, c.sex)}\n\nLa ${c.municipalityName} rechazó su inscripción ${as} en el ${c.processName}.`
      + `${reasonLine(c.reason)}\n\nLa decisión y su motivo figuran en el registro público de inscripciones.`,
  };
}

export function organizationDecisionMessage(c: DecisionContext & { name: string; registryNumber: string }): { subject: string; body: string } {
  if (c.decision === 'approve') {
    return {
      subject: `Organización aprobada: ${c.processName}`,
      body: `La ${c.municipalityName} aprobó la inscripción de la organización «${c.name}» (partida registral ${c.registryNumber}) `
        + `en el ${c.processName}. Ya puede acreditar a sus delegados.${reasonLine(c.reason)}`,
    };
  }
  return {
    subject: `Organización rechazada: ${c.processName}`,
    body: `La ${c.municipalityName} rechazó la inscripción de la organización «${c.name}» (partida registral ${c.registryNumber}) `
      + `en el ${c.processName}.${reasonLine(c.reason)}\n\nLa decisión y su motivo figuran en el registro público de inscripciones.`,
  };
}

/** A decision reverted: the registration is under review again; the reason is told. */
export function agentRevertMessage(c: { municipalityName: string; processName: string; reason: string | null; fullName: string; sex: 'female' | 'male'; from: 'approved' | 'rejected' }): { subject: string; body: string } {
  const was = c.from === 'approved' ? 'aprobación' : 'rechazo';
  return {
    subject: `Inscripción en revisión: ${c.processName}`,
    body: `${greeting(c.fullName, c.sex)}\n\nLa ${c.municipalityName} dejó sin efecto la ${was} de su inscripción en el ${c.processName}: `
      + `su inscripción vuelve a estar en revisión y se le avisará la nueva decisión.${reasonLine(c.reason)}`,
  };
}

export function organizationRevertMessage(c: { municipalityName: string; processName: string; reason: string | null; name: string; registryNumber: string; from: 'approved' | 'rejected' }): { subject: string; body: string } {
  const was = c.from === 'approved' ? 'aprobación' : 'rechazo';
  return {
    subject: `Organización en revisión: ${c.processName}`,
    body: `La ${c.municipalityName} dejó sin efecto la ${was} de la inscripción de la organización «${c.name}» (partida registral ${c.registryNumber}) `
      + `en el ${c.processName}: vuelve a estar en revisión y se le avisará la nueva decisión.${reasonLine(c.reason)}`,
  };
}
