import { emailSchema } from '../accounts/identity.ts';
import { validationIssue, type Issue, type ZoneRef } from './registration.ts';

/**
 * Field rules shared by agents and organizations, whatever door the registration comes through (online form,
 * face-to-face form, spreadsheet import). Pure functions: no database, no clock.
 */

/** Phone numbers in Peru: a 9-digit mobile (starting with 9) or a 6-7 digit landline (without the area code). */
export const PHONE_PATTERN = /^(9\d{8}|\d{6,7})$/;

/** Trims and collapses inner whitespace: "  Ana   Quispe " -> "Ana Quispe". */
export function cleanText(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

/** What people type around the digits: spaces, dashes, dots, brackets, and the country code +51. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s\-().]/g, '');
  return digits.replace(/^(\+51|0051)(?=\d{9}$)/, '');
}

/** For text compared loosely: lowercase, without accents, single spaces. */
export function foldText(raw: string): string {
  return cleanText(raw).normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export interface ContactResult {
  phone: string | null;
  email: string | null;
  issues: Issue[];
}

/** A phone, an email, or both; at least one, so the decision can reach the applicant. */
export function checkContact(rawPhone: string | null | undefined, rawEmail: string | null | undefined, fields: { phone: string; email: string }): ContactResult {
  const issues: Issue[] = [];
  const phoneText = cleanText(rawPhone);
  const emailText = cleanText(rawEmail);
  let phone: string | null = null;
  let email: string | null = null;
  if (phoneText) {
    const p = normalisePhone(phoneText);
    if (PHONE_PATTERN.test(p)) phone = p;
    else issues.push(validationIssue(fields.phone, 'phone'));
  }
  if (emailText) {
    const parsed = emailSchema.safeParse(emailText);
    if (parsed.success) email = parsed.data;
    else issues.push(validationIssue(fields.email, 'email'));
  }
  if (!phoneText && !emailText) issues.push({ field: fields.phone, code: 'CONTACT_REQUIRED', params: {} });
  return { phone, email, issues };
}

/**
 * Finds the zone named by a registration. The API names it by id; a spreadsheet by its code (Z02) or its name
 * ("Pampa Inalámbrica"), compared without regard to case or extra spaces.
 */
export function resolveZone(raw: string, zones: readonly ZoneRef[], by: 'id' | 'codeOrName'): ZoneRef | null {
  const value = cleanText(raw);
  if (by === 'id') return zones.find((z) => z.id === value) ?? null;
  const lower = value.toLowerCase();
  return zones.find((z) => z.code.toLowerCase() === lower) ?? zones.find((z) => cleanText(z.name).toLowerCase() === lower) ?? null;
}

export function checkZone(raw: string | null | undefined, zones: readonly ZoneRef[], by: 'id' | 'codeOrName', field: string): { zone: ZoneRef | null; issues: Issue[] } {
  const value = cleanText(raw);
  if (!value) return { zone: null, issues: [validationIssue(field, 'required')] };
  const zone = resolveZone(value, zones, by);
  return zone ? { zone, issues: [] } : { zone: null, issues: [{ field, code: 'UNKNOWN_REFERENCE', params: { what: 'zone', value } }] };
}

/** A required text with bounds on its length, after cleaning. */
export function checkText(raw: string | null | undefined, field: string, min: number, max: number): { value: string; issues: Issue[] } {
  const value = cleanText(raw);
  if (!value) return { value, issues: [validationIssue(field, 'required')] };
  if (value.length < min) return { value, issues: [validationIssue(field, 'min_length', { min })] };
  if (value.length > max) return { value, issues: [validationIssue(field, 'max_length', { max })] };
  return { value, issues: [] };
}
