/** What other areas may ask of the accounts area: granting the role an approved registration brings. */
export { grantRole } from './accounts.repository.ts';
