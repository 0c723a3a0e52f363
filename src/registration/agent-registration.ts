import { DNI_PATTERN } from '../accounts/identity.ts';
import { AGE_BANDS, validationIssue, type AgeBand, type Issue, type OrganizationRef, type Sex, type ZoneRef } from './registration.ts';
import { checkContact, checkText, checkZone, cleanText, foldText } from './registration-fields.ts';

/**
 * The rules of an individual's registration, written once: the online form, the face-to-face form, an edit and
 * every row of a spreadsheet import all go through `validateAgent`. Pure: what it needs from the database comes in
 * `refs`, and it returns every broken rule rather than stopping at the first.
 */

/** Fields of an agent's registration, as the API names them. */
export const AGENT_FIELDS = ['dni', 'fullName', 'sex', 'ageBand', 'zoneId', 'phone', 'email', 'organizationId'] as const;
export type AgentField = (typeof AGENT_FIELDS)[number];

export interface AgentInput {
  dni: string | null | undefined;
  fullName: string | null | undefined;
  /** female|male; also F/M, mujer/hombre, femenino/masculino (spreadsheets). */
  sex: string | null | undefined;
  ageBand: string | null | undefined;
  /** A zone id (API) or a zone code or name (spreadsheet): see `AgentLookup`. */
  zone: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  /** The organization the person is the accredited delegate of: an id (API) or a registry number (spreadsheet). */
  organization?: string | null | undefined;
}

export interface AgentLookup {
  zoneBy: 'id' | 'codeOrName';
  organizationBy: 'id' | 'registryNumber';
}

export interface AgentRefs {
  zones: readonly ZoneRef[];
  /** The organizations of the process that may be named (all of them, or just the one named). */
  organizations: readonly OrganizationRef[];
  /** DNIs already registered in the process by other registrations. */
  takenDnis: ReadonlySet<string>;
}

/** A registration that passed every rule, ready to store. */
export interface AgentDraft {
  dni: string;
  fullName: string;
  sex: Sex;
  ageBand: AgeBand;
  zoneId: string;
  phone: string | null;
  email: string | null;
  organizationId: string | null;
}

const SEX_WORDS: Record<string, Sex> = {
  female: 'female', f: 'female', mujer: 'female', femenino: 'female',
  male: 'male', m: 'male', hombre: 'male', masculino: 'male', varon: 'male',
};

export function parseSex(raw: string): Sex | null {
  return SEX_WORDS[foldText(raw)] ?? null;
}

/** "18-29", "18 - 29", "60+", "60 a más", "60 o más". */
export function parseAgeBand(raw: string): AgeBand | null {
  const compact = foldText(raw).replace(/\s+/g, '').replace(/^60(amas|omas)$/, '60+');
  return (AGE_BANDS as readonly string[]).includes(compact) ? (compact as AgeBand) : null;
}

/** Registry numbers (partida registral) compared without regard to case or spacing. */
export function normaliseRegistryNumber(raw: string): string {
  return cleanText(raw).toUpperCase();
}

export function validateAgent(input: AgentInput, refs: AgentRefs, lookup: AgentLookup): { draft: AgentDraft | null; issues: Issue[] } {
  const issues: Issue[] = [];

  const dni = cleanText(input.dni);
  if (!dni) issues.push(validationIssue('dni', 'required'));
  else if (!DNI_PATTERN.test(dni)) issues.push(validationIssue('dni', 'dni'));
  else if (refs.takenDnis.has(dni)) issues.push({ field: 'dni', code: 'DNI_ALREADY_REGISTERED', params: { dni } });

  const name = checkText(input.fullName, 'fullName', 3, 120);
  issues.push(...name.issues);

  const sexText = cleanText(input.sex);
  const sex = sexText ? parseSex(sexText) : null;
  if (!sexText) issues.push(validationIssue('sex', 'required'));
  else if (!sex) issues.push(validationIssue('sex', 'one_of', { values: 'female (F, mujer), male (M, hombre)' }));

  const bandText = cleanText(input.ageBand);
  const ageBand = bandText ? parseAgeBand(bandText) : null;
  if (!bandText) issues.push(validationIssue('ageBand', 'required'));
  else if (!ageBand) issues.push(validationIssue('ageBand', 'one_of', { values: AGE_BANDS.join(', ') }));

  const zone = checkZone(input.zone, refs.zones, lookup.zoneBy, 'zoneId');
  issues.push(...zone.issues);

  const contact = checkContact(input.phone, input.email, { phone: 'phone', email: 'email' });
  issues.push(...contact.issues);

  let organizationId: string | null = null;
  const orgText = cleanText(input.organization);
  if (orgText) {
    const key = lookup.organizationBy === 'id' ? orgText : normaliseRegistryNumber(orgText);
    const org = refs.organizations.find((o) => (lookup.organizationBy === 'id' ? o.id : o.registryNumber) === key);
    // An organization accredits delegates only once the municipality approved it; an unknown one is no better.
    if (!org || org.status !== 'approved') issues.push({ field: 'organizationId', code: 'ORGANIZATION_NOT_APPROVED', params: { name: org?.name ?? orgText } });
    else organizationId = org.id;
  }

  if (issues.length > 0 || !sex || !ageBand || !zone.zone) return { draft: null, issues };
  return {
    draft: { dni, fullName: name.value, sex, ageBand, zoneId: zone.zone.id, phone: contact.phone, email: contact.email, organizationId },
    issues: [],
  };
}
