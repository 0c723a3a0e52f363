import { ORGANIZATION_TYPES, validationIssue, type Issue, type OrganizationType, type ZoneRef } from './registration.ts';
import { checkContact, checkText, checkZone } from './registration-fields.ts';
import { normaliseRegistryNumber } from './agent-registration.ts';

/**
 * The rules of an organization's registration (neighbourhood committee, NGO, union, women's group...), written once
 * for the online form, the face-to-face form and edits. Pure, like `validateAgent`.
 */

/**
 * A SUNARP registry number (partida registral / partida electrónica, usually 8 digits; older entries carry a
 * ficha or tomo-folio reference): letters, digits, spaces, dots, dashes and slashes, 3 to 40 characters.
 */
export const REGISTRY_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9 ./-]{2,39}$/;

export interface OrganizationInput {
  name: string | null | undefined;
  type: string | null | undefined;
  registryNumber: string | null | undefined;
  zoneId: string | null | undefined;
  contactPhone?: string | null | undefined;
  contactEmail?: string | null | undefined;
}

export interface OrganizationRefs {
  zones: readonly ZoneRef[];
  /** Registry numbers already registered in the process by other organizations (normalised). */
  takenRegistryNumbers: ReadonlySet<string>;
}

export interface OrganizationDraft {
  name: string;
  type: OrganizationType;
  registryNumber: string;
  zoneId: string;
  contactPhone: string | null;
  contactEmail: string | null;
}

export function validateOrganization(input: OrganizationInput, refs: OrganizationRefs): { draft: OrganizationDraft | null; issues: Issue[] } {
  const issues: Issue[] = [];

  const name = checkText(input.name, 'name', 3, 160);
  issues.push(...name.issues);

  const type = (ORGANIZATION_TYPES as readonly string[]).includes(input.type ?? '') ? (input.type as OrganizationType) : null;
  if (!input.type) issues.push(validationIssue('type', 'required'));
  else if (!type) issues.push(validationIssue('type', 'one_of', { values: ORGANIZATION_TYPES.join(', ') }));

  const registryNumber = normaliseRegistryNumber(input.registryNumber ?? '');
  if (!registryNumber) issues.push(validationIssue('registryNumber', 'required'));
  else if (!REGISTRY_NUMBER_PATTERN.test(registryNumber)) issues.push(validationIssue('registryNumber', 'format'));
  else if (refs.takenRegistryNumbers.has(registryNumber)) issues.push({ field: 'registryNumber', code: 'REGISTRY_NUMBER_TAKEN', params: { registryNumber } });

  const zone = checkZone(input.zoneId, refs.zones, 'id', 'zoneId');
  issues.push(...zone.issues);

  const contact = checkContact(input.contactPhone, input.contactEmail, { phone: 'contactPhone', email: 'contactEmail' });
  issues.push(...contact.issues);

  if (issues.length > 0 || !type || !zone.zone) return { draft: null, issues };
  return {
    draft: { name: name.value, type, registryNumber, zoneId: zone.zone.id, contactPhone: contact.phone, contactEmail: contact.email },
    issues: [],
  };
}
