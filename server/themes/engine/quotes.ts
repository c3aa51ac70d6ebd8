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

/** Up to `count` quotes from the theme's members, most typical (`typicality`, higher: more) first. */
export function pickQuotes<Member extends QuoteCandidate>(
  members: readonly Member[],
  count: number,
  typicality: (member: Member) => number,
): Member[] {
  if (members.length === 0) return [];
  const scores = members.map(typicality).sort((a, b) => a - b);
  const median = scores[Math.floor((scores.length - 1) / 2)]!;
  const candidates = members
    .filter((member) => member.published && typicality(member) >= median)
    .sort((a, b) => typicality(b) - typicality(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const picked: Array<{ member: Member; words: Set<string> }> = [];
  for (const member of candidates) {
    if (picked.length >= count) break;
    const words = wordsOf(member.text);
    if (picked.some((other) => jaccard(other.words, [...words]) >= NEAR_DUPLICATE)) continue;
    picked.push({ member, words });
  }
  return picked.map(({ member }) => member);
}
