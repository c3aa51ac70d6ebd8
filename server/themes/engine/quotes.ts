import { jaccard } from './identity.ts';

// Which of a theme's comments to quote: the most typical published ones, from the theme's core, and no two
// saying nearly the same thing.
//
// The core: members at least as typical as the theme's median member. Quoting the best published members
// wherever they sat, a theme made mostly of customer feedback (never quoted) showed the few employee
// comments on its edge, only loosely about it. A theme whose core holds nothing quotable shows no quote.

/** Two quotes share at least this share of their words (Jaccard): the second adds nothing. */
const NEAR_DUPLICATE = 0.6;

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);

export interface QuoteCandidate {
  id: string;
  text: string;
  published: boolean;
}

/** A word's stem for matching a theme's names in a comment ("claim" / "claims", "explain" / "explained"). */
const stem = (word: string) => word.toLowerCase().slice(0, 4);

/**
 * How many of the theme's names (`vocabulary`: its label's parts and its keywords) a text uses, each
 * counted when all its words' stems are in the text.
 */
export function namesUsed(text: string, vocabulary: readonly string[]): number {
  const stems = new Set([...wordsOf(text)].map(stem));
  let used = 0;
  for (const name of vocabulary) {
    const words = name.match(/\p{L}+/gu) ?? [];
    if (words.length > 0 && words.every((word) => stems.has(stem(word)))) used++;
  }
  return used;
}

/** A theme's names to look for in its quotes: the parts of its label ("A and B") and its keywords. */
export const vocabularyOf = (theme: { label: string; keywords: readonly string[] }) => [
  ...new Set([...theme.label.split(/\s+and\s+/i), ...theme.keywords].map((name) => name.toLowerCase())),
];

/**
 * Up to `count` quotes from the theme's members: from its core (`typicality`, higher: more typical),
 * those that use most of the theme's names first (`vocabulary`: what the card shows the theme is about),
 * then the most typical. By typicality alone, a theme whose label and keywords say "Email" and "direct
 * debit" could quote a core member about a VPN password: a moderator reads the quotes as what the theme is.
 */
export function pickQuotes<Member extends QuoteCandidate>(
  members: readonly Member[],
  count: number,
  typicality: (member: Member) => number,
  vocabulary: readonly string[] = [],
): Member[] {
  if (members.length === 0) return [];
  const scores = members.map(typicality).sort((a, b) => a - b);
  const median = scores[Math.floor((scores.length - 1) / 2)]!;
  const used = new Map<Member, number>();
  const candidates = members.filter((member) => member.published && typicality(member) >= median);
  for (const member of candidates) used.set(member, namesUsed(member.text, vocabulary));
  candidates.sort(
    (a, b) =>
      used.get(b)! - used.get(a)! ||
      typicality(b) - typicality(a) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const picked: Array<{ member: Member; words: Set<string> }> = [];
  for (const member of candidates) {
    if (picked.length >= count) break;
    const words = wordsOf(member.text);
    if (picked.some((other) => jaccard(other.words, [...words]) >= NEAR_DUPLICATE)) continue;
    picked.push({ member, words });
  }
  return picked.map(({ member }) => member);
}
