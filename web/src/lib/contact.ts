/** Must match the server (src/registration/registration-fields.ts PHONE_PATTERN, after removing spaces and +51). */
const PHONE_PATTERN = /^(9\d{8}|\d{6,7})$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone as typed ("+51 912 345 678", "(054) 48-1234") reduced to its digits, without Peru's country code. */
function normalisePhone(raw: string): string {
  return raw.replace(/[\s\-().]/g, '').replace(/^(\+51|0051)(?=\d{9}$)/, '');
}

/** What is wrong with a contact (a phone or an email, at least one): a problem per field, or null. */
export function contactProblems(phone: string, email: string): { phone: 'contact' | 'phone' | null; email: 'email' | null } {
  const p = phone.trim();
  const e = email.trim();
  return {
    phone: !p && !e ? 'contact' : p && !PHONE_PATTERN.test(normalisePhone(p)) ? 'phone' : null,
    email: e && !EMAIL_PATTERN.test(e) ? 'email' : null,
  };
}
