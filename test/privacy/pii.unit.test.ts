import { describe, expect, test } from 'vitest';
import { findPii, piiKinds, redactPii } from '../../common/pii.ts';

describe('findPii', () => {
  test.each([
    ['Email me at jane.doe+work@example.co.uk about it', 'email', 'jane.doe+work@example.co.uk'],
    ['Call 555-123-4567 if the printer is down', 'phone', '555-123-4567'],
    ['my desk phone is +44 20 7946 0958', 'phone', '+44 20 7946 0958'],
    ['ring 07700 900123 after 5', 'phone', '07700 900123'],
    ['I am on ext. 4432 most days', 'phone', 'ext. 4432'],
    ['My staff no 44321 was charged twice', 'staff-id', 'staff no 44321'],
    ['employee ID: AB12345 cannot log in', 'staff-id', 'employee ID: AB12345'],
    ['E123456 keeps getting locked out', 'staff-id', 'E123456'],
    ['Branch 117 has no heating', 'branch-number', 'Branch 117'],
    ['the card 4111 1111 1111 1111 was declined', 'card-or-account', '4111 1111 1111 1111'],
    ['my manager Dave shouts at the team', 'person-name', 'Dave'],
    ['our team lead Sarah Jones ignores tickets', 'person-name', 'Sarah Jones'],
    ['The supervisor, Priya, approved it late', 'person-name', 'Priya'],
  ])('flags %s', (text, kind, found) => {
    const matches = findPii(text);
    expect(matches).toContainEqual(expect.objectContaining({ kind, text: found }));
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.text);
  });

  test.each([
    'The loan system crashed 3 times this week and we lost 2 hours',
    'Parking is full by 8:15 every day since March 2024',
    'Underwriting takes 10-12 days to return a file',
    'Thanks to the IT team for fixing the VPN in under 30 minutes!',
    'My manager is great, honestly',
    'We need more than 45 minutes for lunch',
    'Version 2.3.1 of the app is slower than 2.2',
    'Our Q3 target went up by 15% and nobody explained why',
  ])('does not flag an ordinary sentence: %s', (text) => {
    expect(findPii(text)).toEqual([]);
  });
});

describe('redactPii', () => {
  test('replaces each finding with a placeholder and keeps the rest', () => {
    expect(redactPii('my manager Dave said mail dave@corp.com or call 555-123-4567')).toBe(
      'my manager [name] said mail [email] or call [phone]',
    );
  });
  test('leaves clean text alone', () => {
    expect(redactPii('The VPN drops every afternoon')).toBe('The VPN drops every afternoon');
  });
  test('lists the kinds for moderators', () => {
    expect(piiKinds('staff no 4432 at branch 12')).toEqual(['staff-id', 'branch-number']);
  });
});
