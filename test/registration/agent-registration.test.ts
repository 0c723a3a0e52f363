import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../src/registration/registration-fields.ts';
import { parseAgeBand, parseSex, validateAgent, type AgentInput, type AgentRefs } from '../../src/registration/agent-registration.ts';
import { validateOrganization } from '../../src/registration/organization-registration.ts';
import { registrationWindowError } from '../../src/registration/registration-window.ts';
import { iloDefaultRules } from '../../src/processes/process-rules.ts';

const zones = [
  { id: 'z1', code: 'Z01', name: 'Cercado de Ilo' },
  { id: 'z2', code: 'Z02', name: 'Pampa Inalámbrica' },
];
const refs: AgentRefs = {
  zones,
  organizations: [
    { id: 'o1', name: 'Comité Vecinal Miramar', type: 'neighbourhood_committee', registryNumber: '11012345', status: 'approved' },
    { id: 'o2', name: 'Club de Madres Alto Ilo', type: 'womens_group', registryNumber: '11099999', status: 'pending' },
  ],
  takenDnis: new Set(['40000000']),
};
const api = { zoneBy: 'id', organizationBy: 'id' } as const;
const good: AgentInput = { dni: '41234567', fullName: '  María   Ñahui Quispe ', sex: 'female', ageBand: '30-44', zone: 'z2', phone: '987 654 321', email: null, organization: null };

describe('validateAgent: the rules of an individual registration', () => {
  it('accepts a good registration and cleans it', () => {
    const { draft, issues } = validateAgent(good, refs, api);
    expect(issues).toEqual([]);
    expect(draft).toEqual({ dni: '41234567', fullName: 'María Ñahui Quispe', sex: 'female', ageBand: '30-44', zoneId: 'z2', phone: '987654321', email: null, organizationId: null });
  });

  it.each([
    ['a DNI of 7 digits', { dni: '1234567' }, 'dni', 'VALIDATION', 'dni'],
    ['a DNI with letters', { dni: '4123456A' }, 'dni', 'VALIDATION', 'dni'],
    ['a DNI already registered', { dni: '40000000' }, 'dni', 'DNI_ALREADY_REGISTERED', undefined],
    ['a missing name', { fullName: ' ' }, 'fullName', 'VALIDATION', 'required'],
    ['an unknown sex', { sex: 'x' }, 'sex', 'VALIDATION', 'one_of'],
    ['an unknown age band', { ageBand: '25-30' }, 'ageBand', 'VALIDATION', 'one_of'],
    ['a zone of another municipality', { zone: 'zone-of-pacocha' }, 'zoneId', 'UNKNOWN_REFERENCE', undefined],
    ['a phone of 8 digits', { phone: '98765432' }, 'phone', 'VALIDATION', 'phone'],
    ['a 9-digit phone not starting with 9', { phone: '012345678' }, 'phone', 'VALIDATION', 'phone'],
    ['an email without @', { email: 'ana.example.pe' }, 'email', 'VALIDATION', 'email'],
    ['no contact at all', { phone: '', email: null }, 'phone', 'CONTACT_REQUIRED', undefined],
    ['a pending organization', { organization: 'o2' }, 'organizationId', 'ORGANIZATION_NOT_APPROVED', undefined],
    ['an unknown organization', { organization: 'nope' }, 'organizationId', 'ORGANIZATION_NOT_APPROVED', undefined],
  ])('refuses %s', (_what, change, field, code, rule) => {
    const { draft, issues } = validateAgent({ ...good, ...change }, refs, api);
    expect(draft).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field, code });
    if (rule) expect(issues[0]!.params.rule).toBe(rule);
  });

  it('reports every broken rule at once, not only the first', () => {
    const { issues } = validateAgent({ dni: '1', fullName: '', sex: '', ageBand: '', zone: '', phone: null, email: null }, refs, api);
    expect(issues.map((i) => i.field)).toEqual(['dni', 'fullName', 'sex', 'ageBand', 'zoneId', 'phone']);
  });

  it('names the organization it refuses, and accredits an approved one', () => {
    expect(validateAgent({ ...good, organization: 'o2' }, refs, api).issues[0]!.params).toEqual({ name: 'Club de Madres Alto Ilo' });
    expect(validateAgent({ ...good, organization: 'o1' }, refs, api).draft?.organizationId).toBe('o1');
  });

  it('reads spreadsheet spellings: zone by code or name, organization by registry number', () => {
    const sheet = { zoneBy: 'codeOrName', organizationBy: 'registryNumber' } as const;
    expect(validateAgent({ ...good, zone: 'z02' }, refs, sheet).draft?.zoneId).toBe('z2');
    expect(validateAgent({ ...good, zone: 'pampa inalámbrica' }, refs, sheet).draft?.zoneId).toBe('z2');
    expect(validateAgent({ ...good, zone: 'z2' }, refs, sheet).issues[0]?.code).toBe('UNKNOWN_REFERENCE');
    expect(validateAgent({ ...good, zone: 'Z02', organization: ' 11012345 ' }, refs, sheet).draft?.organizationId).toBe('o1');
  });

  it('parses the ways people write sex, age band and phone', () => {
    expect(['F', 'f', 'Mujer', 'FEMENINO', 'female'].map(parseSex)).toEqual(Array(5).fill('female'));
    expect(['M', 'hombre', 'Varón', 'male'].map(parseSex)).toEqual(Array(4).fill('male'));
    expect(parseSex('otro')).toBeNull();
    expect(['18 - 29', '60+', '60 a más', '60 o mas'].map(parseAgeBand)).toEqual(['18-29', '60+', '60+', '60+']);
    expect(parseAgeBand('61+')).toBeNull();
    expect(['+51 987 654 321', '987-654-321', '(053) 481234'.replace('(053) ', '')].map(normalisePhone)).toEqual(['987654321', '987654321', '481234']);
  });
});

describe('validateOrganization', () => {
  const orgRefs = { zones, takenRegistryNumbers: new Set(['11012345']) };
  const org = { name: 'Asociación de Pescadores', type: 'union', registryNumber: ' 11054321 ', zoneId: 'z1', contactPhone: null, contactEmail: 'pesca@example.pe' };

  it('accepts a good organization with its registry number normalised', () => {
    expect(validateOrganization(org, orgRefs)).toEqual({
      draft: { name: 'Asociación de Pescadores', type: 'union', registryNumber: '11054321', zoneId: 'z1', contactPhone: null, contactEmail: 'pesca@example.pe' },
      issues: [],
    });
  });

  it.each([
    ['a registry number taken', { registryNumber: '11012345' }, 'registryNumber', 'REGISTRY_NUMBER_TAKEN'],
    ['a malformed registry number', { registryNumber: '#?' }, 'registryNumber', 'VALIDATION'],
    ['an unknown type', { type: 'party' }, 'type', 'VALIDATION'],
    ['an unknown zone', { zoneId: 'z9' }, 'zoneId', 'UNKNOWN_REFERENCE'],
    ['no contact', { contactEmail: null }, 'contactPhone', 'CONTACT_REQUIRED'],
  ])('refuses %s', (_what, change, field, code) => {
    const { draft, issues } = validateOrganization({ ...org, ...change }, orgRefs);
    expect(draft).toBeNull();
    expect(issues[0]).toMatchObject({ field, code });
  });
});

describe('registrationWindowError', () => {
  const rules = iloDefaultRules('2027-03-31');
  it('is open in Preparation until the deadline, inclusive', () => {
    expect(registrationWindowError({ phase: 'preparation', rules }, '2027-03-31')).toBeNull();
    expect(registrationWindowError({ phase: 'preparation', rules }, '2027-04-01')).toMatchObject({ code: 'REGISTRATION_CLOSED', params: { deadline: '2027-03-31' } });
  });
  it('is closed in any other phase', () => {
    expect(registrationWindowError({ phase: 'concertation', rules }, '2027-01-01')).toMatchObject({ code: 'PHASE_CLOSED', params: { phase: 'concertation' } });
  });
});
