// TEMPORARY until server/privacy/pii.ts lands: the kinds of personal data in a text.
export function piiKinds(text: string): string[] {
  const kinds = new Set<string>();
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) kinds.add('email');
  if (/\+?\d[\d\s()-]{7,}\d/.test(text)) kinds.add('phone');
  return [...kinds];
}
