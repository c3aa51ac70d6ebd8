// Quotes shown on dashboards never carry obvious personal data, even if a moderator published it.

const RULES: Array<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]'],
  [/\+?\d[\d\s()-]{7,}\d/g, '[phone]'],
  // Staff and employee numbers: letters followed by five or more digits, or "staff id 12345".
  [/\b(?:[A-Z]{1,4}-?\d{5,}|(?:staff|employee|payroll)\s*(?:id|no\.?|number)\s*:?\s*\w+)\b/gi, '[staff id]'],
  // "my manager Sarah", "team leader John Smith", "shout out to Priya".
  [
    /\b((?:line\s+)?manager|supervisor|team\s+leader|boss|colleague|director|shout\s*out\s+to|thanks\s+to|thank\s+you)\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\b/g,
    '$1 [name]',
  ],
];

const NOT_NAMES = new Set([
  'The',
  'Our',
  'My',
  'Your',
  'All',
  'Everyone',
  'Team',
  'IT',
  'HR',
  'Facilities',
  'Finance',
  'Legal',
]);

export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) {
    result = result.replace(pattern, (...match: string[]) => {
      if (replacement === '$1 [name]') {
        const name = match[2]!;
        if (NOT_NAMES.has(name.split(/\s+/)[0]!)) return match[0]!;
        return `${match[1]} [name]`;
      }
      return replacement;
    });
  }
  return result;
}

/** A quote fit for a card: redacted and at most `max` characters, cut at a word. */
export function quote(text: string, max = 280): string {
  const clean = redact(text).replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, clean.lastIndexOf(' ', max - 1)).replace(/[,;:.\s]+$/, '')}…`;
}
