// Obvious personal data in free text. Pure (no Node APIs): the browser imports this file too, so a
// writer is warned before sending and the server flags the same things again for moderators.

export type PiiKind =
  'email' | 'phone' | 'staff-id' | 'branch-number' | 'person-name' | 'card-or-account' | 'iban';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

const PLACEHOLDER: Record<PiiKind, string> = {
  email: '[email]',
  phone: '[phone]',
  'staff-id': '[staff id]',
  'branch-number': '[branch]',
  'person-name': '[name]',
  'card-or-account': '[number]',
  iban: '[iban]',
};

const ROLE_WORDS =
  'manager|supervisor|boss|team ?lead(?:er)?|line manager|director|head of \\w+|colleague|coworker|co-worker|underwriter|teller|advisor|adviser';
const NAME = "[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?(?: [A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)?";

// Order matters where patterns overlap: the first pattern to claim characters keeps them.
const PATTERNS: Array<{ kind: PiiKind; pattern: RegExp; group?: number }> = [
  { kind: 'email', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  // 13–19 digit card or account numbers, optionally grouped by spaces or dashes.
  { kind: 'card-or-account', pattern: /\b\d(?:[ -]?\d){12,18}\b/g },
  {
    kind: 'card-or-account',
    pattern:
      /\b(?:account|acct|iban|card)(?: (?:no\.?|number|#))?:? ?([A-Z]{2}\d{2}[A-Z0-9]{8,30}|\d{6,})\b/gi,
    group: 0,
  },
  // Phone numbers: +44 20 7946 0958, (555) 123-4567, 555-123-4567, 07700 900123, ext. 4432.
  { kind: 'phone', pattern: /(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?)?\d{2,5}[ .-]\d{3,4}[ .-]?\d{3,4}\b/g },
  { kind: 'phone', pattern: /\b(?:ext\.?|extension) ?\d{3,5}\b/gi },
  {
    kind: 'staff-id',
    pattern: /\b(?:staff|employee|emp|badge|payroll)(?: (?:no\.?|number|id|#))?:? ?#?[A-Z]{0,2}\d{3,8}\b/gi,
  },
  { kind: 'staff-id', pattern: /\b[EeSs]\d{5,7}\b/g },
  { kind: 'branch-number', pattern: /\b(?:branch|store|office|site)(?: (?:no\.?|number|#))? ?#?\d{2,5}\b/gi },
  // "my manager Dave", "team lead Sarah Jones", "supervisor, Priya" — the name after a role word.
  {
    kind: 'person-name',
    pattern: new RegExp(`\\b(?:my |our |the )?(?:${ROLE_WORDS}),? (${NAME})\\b`, 'gi'),
    group: 1,
  },
  // "Dave (my manager)", "Sarah from HR said" are too ambiguous to flag without false positives.
];

/** Kinds whose every pattern needs a digit. */
const DIGIT_KINDS = new Set<PiiKind>(['card-or-account', 'phone', 'staff-id', 'branch-number', 'iban']);

const NOT_NAMES = new Set([
  'The',
  'This',
  'That',
  'They',
  'There',
  'When',
  'Who',
  'And',
  'But',
  'Is',
  'Was',
  'Has',
  'Said',
  'Says',
  'Keeps',
  'Never',
  'Always',
  'Just',
  'Again',
  'Team',
  'Manager',
]);

export function findPii(text: string): PiiMatch[] {
  const claimed: PiiMatch[] = [];
  const overlaps = (start: number, end: number) => claimed.some((m) => start < m.end && end > m.start);
  // Most texts hold no digit and no @: the patterns that need one are skipped (a third of the cost).
  const hasDigit = /\d/.test(text);
  const hasAt = text.includes('@');
  for (const { kind, pattern, group } of PATTERNS) {
    if (!hasAt && kind === 'email') continue;
    if (!hasDigit && DIGIT_KINDS.has(kind)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      let value = match[0];
      let start = match.index;
      if (group) {
        value = match[group] ?? '';
        if (!value) continue;
        start = match.index + match[0].lastIndexOf(value);
      }
      if (kind === 'person-name') {
        // The case-insensitive flag also lets lowercase words through; a name starts with a capital.
        // Keep only the leading capitalised words ("Dave shouts" → "Dave").
        const words: string[] = [];
        for (const word of value.split(' ')) {
          if (!/^[A-Z]/.test(word) || NOT_NAMES.has(word)) break;
          words.push(word);
        }
        if (!words.length) continue;
        value = words.join(' ');
      }
      if (kind === 'phone' && !/^ext/i.test(value) && value.replace(/\D/g, '').length < 7) continue;
      const end = start + value.length;
      if (overlaps(start, end)) continue;
      claimed.push({ kind, start, end, text: value });
    }
  }
  return claimed.sort((a, b) => a.start - b.start);
}

/** Replaces every finding with a bracketed placeholder ("[email]", "[name]"). */
export function redactPii(text: string, matches: PiiMatch[] = findPii(text)): string {
  let result = '';
  let cursor = 0;
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (match.start < cursor) continue;
    result += text.slice(cursor, match.start) + PLACEHOLDER[match.kind];
    cursor = match.end;
  }
  return result + text.slice(cursor);
}

/** The kinds found, for moderators (the matches themselves are not stored). */
export const piiKinds = (text: string): PiiKind[] => [...new Set(findPii(text).map((match) => match.kind))];

// ---- Customer text (voice of the customer) ----
// Customers write about themselves and the staff who served them, so their comments need more than the
// employee-side flags: every finding is redacted before the text is stored. Customer-only patterns run
// first (they claim IBANs before the phone pattern could take a piece of one), then the shared ones.

/** Common first names (UK bank customers and staff); words that are also ordinary English are left out. */
const FIRST_NAMES = new Set(
  (
    'Aaron Abdul Abigail Adam Adrian Ahmed Aisha Alan Albert Alex Alexander Alexandra Ali Alice Alison Amanda ' +
    'Amelia Amir Amy Andrea Andrew Angela Anita Ann Anna Anne Anthony Arjun Arthur Barbara Ben Benjamin Beth ' +
    'Brian Bridget Callum Carl Carol Caroline Catherine Charles Charlie Charlotte Chloe Chris Christine ' +
    'Christopher Claire Colin Connor Craig Daniel Darren Dave David Deborah Dennis Derek Diane Dominic Donna ' +
    'Douglas Duncan Edward Eleanor Elizabeth Ella Ellie Emily Emma Eric Ethan Fatima Fiona Frances Gareth ' +
    'Gary Gemma Geoffrey George Georgia Graham Hannah Harry Hassan Heather Helen Henry Ian Imran Isabel ' +
    'Isabella Jack Jacob Jake James Jamie Jane Janet Jason Jennifer Jessica Joanne John Jonathan Joseph ' +
    'Joshua Julie Karen Kate Katherine Kathleen Keith Kelly Kevin Kieran Laura Lauren Leah Lee Liam Linda ' +
    'Lisa Louise Lucy Luke Margaret Maria Marie Martin Mary Matthew Megan Michael Michelle Mohammed Muhammad ' +
    'Natalie Neil Nicholas Nicola Nigel Oliver Olivia Omar Oscar Patricia Paul Peter Philip Priya Rachel ' +
    'Rebecca Richard Robert Ryan Sadia Samantha Samuel Sandra Sarah Scott Sean Sharon Simon Sophie Stephen ' +
    'Steven Stuart Susan Thomas Tim Timothy Tom Tracy Victoria Wendy William Yusuf Zara Zoe'
  ).split(' '),
);
/** Capitalised words after "thanks to" that name a team, not a person. */
const ORG_WORDS = new Set(
  (
    'Loan Loans Processing Underwriting Legal Compliance Facilities Finance HR IT Branch Branches Contact ' +
    'Centre Center Mortgage Mortgages Advice Team Customer Customers Bank App Support Service Services Online ' +
    'Banking Payments Fraud Complaints Operations Everyone Everybody All'
  ).split(' '),
);
const CAPITALISED = /^[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?$/;

const CUSTOMER_PATTERNS: Array<{ kind: PiiKind; pattern: RegExp; group?: number }> = [
  // IBAN: two letters, two check digits, 11–30 letters or digits, often printed in groups of four.
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g },
  // UK sort code (12-34-56) and the 6–12 digit account, loan or reference number that follows a cue word.
  { kind: 'card-or-account', pattern: /\b\d{2}-\d{2}-\d{2}\b/g },
  {
    kind: 'card-or-account',
    pattern:
      /\b(?:account|acct|a\/c|loan|mortgage|policy|reference|ref|customer)(?: (?:no\.?|number|#|ref))?[:#]? ?([A-Z]{0,3}\d{6,12})\b/gi,
    group: 1,
  },
  // A bare run of 8–12 digits in a customer comment is an account or reference number, not a quantity.
  { kind: 'card-or-account', pattern: /\b\d{8,12}\b/g },
  // "my name is Jane Doe", "Mrs Patel", "Dr. Okafor", "spoke to Gemma", "thanks to Raj Kumar".
  { kind: 'person-name', pattern: /\b[Mm]y name is ([A-Z][a-z]+(?: [A-Z][a-z]+)?)/g, group: 1 },
  {
    kind: 'person-name',
    pattern: /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? ([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)/g,
    group: 0,
  },
  {
    kind: 'person-name',
    pattern:
      /\b(?:spoke to|spoke with|talked to|dealt with|helped by|served by|thanks to|thank you to|called by|named|called) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)/g,
    group: 1,
  },
];

/** Every first name from the list, with the capitalised word after it (a surname) when there is one. */
function listedNames(text: string): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  for (const match of text.matchAll(/[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?/g)) {
    if (!FIRST_NAMES.has(match[0])) continue;
    let end = match.index + match[0].length;
    const surname = /^ ([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)/.exec(text.slice(end));
    if (surname && CAPITALISED.test(surname[1]!) && !NOT_NAMES.has(surname[1]!)) end += surname[0].length;
    found.push({ start: match.index, end, text: text.slice(match.index, end) });
  }
  return found;
}

/** Personal data in a customer's comment: the employee-side findings plus IBANs, account numbers and names. */
export function findCustomerPii(text: string): PiiMatch[] {
  const claimed: PiiMatch[] = [];
  const claim = (match: PiiMatch) => {
    if (claimed.some((m) => match.start < m.end && match.end > m.start)) return;
    claimed.push(match);
  };
  const hasDigit = /\d/.test(text);
  for (const { kind, pattern, group } of CUSTOMER_PATTERNS) {
    if (!hasDigit && DIGIT_KINDS.has(kind)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = group ? (match[group] ?? '') : match[0];
      if (!value) continue;
      const start = group ? match.index + match[0].lastIndexOf(value) : match.index;
      if (
        kind === 'person-name' &&
        value.split(' ').some((word) => NOT_NAMES.has(word) || ORG_WORDS.has(word))
      )
        continue;
      claim({ kind, start, end: start + value.length, text: value });
    }
  }
  for (const match of findPii(text)) claim(match);
  for (const name of listedNames(text)) claim({ kind: 'person-name', ...name });
  return claimed.sort((a, b) => a.start - b.start);
}

/** The customer's comment as it may be stored: every finding replaced by its placeholder. */
export function redactCustomerText(text: string): { text: string; kinds: PiiKind[] } {
  const matches = findCustomerPii(text);
  return { text: redactPii(text, matches), kinds: [...new Set(matches.map((match) => match.kind))] };
}
