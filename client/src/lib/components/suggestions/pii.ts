// TEMPORARY until server/privacy/pii.ts lands (the browser will import it by relative path).
export interface PiiFinding {
  kind: string;
  match: string;
}

const PATTERNS: [string, RegExp][] = [
  ['email', /[\w.+-]+@[\w-]+\.[\w.]+/g],
  ['phone', /\+?\d[\d\s()-]{7,}\d/g],
];

export function findPii(text: string): PiiFinding[] {
  return PATTERNS.flatMap(([kind, pattern]) => [...text.matchAll(pattern)].map((m) => ({ kind, match: m[0] })));
}

export function redactPii(text: string): string {
  return PATTERNS.reduce((out, [, pattern]) => out.replace(pattern, '[redacted]'), text);
}

export const PII_LABELS: Record<string, string> = {
  email: 'an email address',
  phone: 'a phone number',
  staffId: 'a staff number',
  branchNumber: 'a branch number',
  name: 'a person’s name',
};
