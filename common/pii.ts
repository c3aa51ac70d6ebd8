// Obvious personal data in free text. Pure (no Node APIs): the browser imports this file too, so a
// writer is warned before sending and the server flags the same things again for moderators.

export type PiiKind = 'email' | 'phone' | 'staff-id' | 'branch-number' | 'person-name' | 'card-or-account';

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
  for (const { kind, pattern, group } of PATTERNS) {
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
