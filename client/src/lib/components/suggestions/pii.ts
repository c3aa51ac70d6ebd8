// The same detector the server runs (pure module, imported by relative path), plus words for people.
export { findPii, redactPii, type PiiKind, type PiiMatch } from '../../../../../common/pii.ts';

import { t, type MessageKey } from '../../i18n/index.ts';

/** What a detector found, in words for people, in the reader's language. */
export const piiLabel = (kind: string): string =>
  kind in PII_LABELS ? t(`pii.${kind}` as MessageKey as 'pii.email') : kind;

export const PII_LABELS: Record<string, string> = {
  email: 'an email address',
  phone: 'a phone number',
  'staff-id': 'a staff number',
  'branch-number': 'a branch number',
  'person-name': 'a person’s name',
  'card-or-account': 'a card or account number',
  iban: 'a bank account (IBAN)',
};
