// The same detector the server runs (pure module, imported by relative path), plus words for people.
export { findPii, redactPii, type PiiKind, type PiiMatch } from '../../../../../common/pii.ts';

export const PII_LABELS: Record<string, string> = {
  email: 'an email address',
  phone: 'a phone number',
  'staff-id': 'a staff number',
  'branch-number': 'a branch number',
  'person-name': 'a person’s name',
  'card-or-account': 'a card or account number',
  iban: 'a bank account (IBAN)',
};
