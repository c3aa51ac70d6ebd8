import { describe, expect, test } from 'vitest';
import { findPii, redactCustomerText } from '../../common/pii.ts';

describe('customer text is redacted before it is stored', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'My name is Jane Doe, email jane.doe@example.com, phone +44 20 7946 0958.',
      'My name is [name], email [email], phone [phone].',
      ['person-name', 'email', 'phone'],
    ],
    ['Refund to GB29 NWBK 6016 1331 9268 19 please', 'Refund to [iban] please', ['iban']],
    ['IBAN DE89370400440532013000 was wrong', 'IBAN [iban] was wrong', ['iban']],
    ['Sort code 60-16-13, account 31926819.', 'Sort code [number], account [number].', ['card-or-account']],
    ['Loan ref LN4829301 is still open', 'Loan ref [number] is still open', ['card-or-account']],
    ['Card 4929 1234 5678 9012 was declined', 'Card [number] was declined', ['card-or-account']],
    ['Mrs Okafor and Dr. Patel were lovely', '[name] and [name] were lovely', ['person-name']],
    ['I spoke to Raj Kumar, then Gemma fixed it', 'I spoke to [name], then [name] fixed it', ['person-name']],
    ['Call me on 07700 900123', 'Call me on [phone]', ['phone']],
  ];
  test.each(cases)('%s', (raw, redacted, kinds) => {
    const result = redactCustomerText(raw);
    expect(result.text).toBe(redacted);
    expect(result.kinds.sort()).toEqual([...kinds].sort());
  });

  test('team names, ordinary capitalised words and amounts stay', () => {
    const text =
      'Thanks to Loan Processing and Underwriting the offer came in 3 weeks. Will the app improve? May was busy. £250 fee.';
    expect(redactCustomerText(text)).toEqual({ text, kinds: [] });
  });

  test('the employee-side detector is unchanged by the customer patterns', () => {
    expect(findPii('Gemma was lovely').map((match) => match.kind)).toEqual([]);
  });
});
