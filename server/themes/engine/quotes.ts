import { jaccard } from './identity.ts';
import { FALLBACK_LABEL, stemOf } from './label.ts';
import { quote } from './redact.ts';

// Which of a theme's comments to quote: published ones from the theme's core, those that use the names its
// card shows first, then the most typical, and no two saying nearly the same thing.
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

/**
 * Where a theme's core begins: its median typicality (the lower median) of the finite values given.
 * Members at least this typical are the core; the quotes come from it, and a name is weighed in full only
 * for it (`index.ts`). One definition for both; the sets differ only in what they count: the quotes' over
 * every member (a text posted five times counts five times), the names' over distinct texts, leaving out
 * those a moderator placed. -Infinity for none.
 */
export function coreFrom(typicalities: readonly number[]): number {
  const sorted = typicalities.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? -Infinity;
}

/** A theme's names as the first four letters of each word of three letters or more ("IT" is no word here). */
export type Vocabulary = string[][];

/** A word's stem for names: its first four letters, a plural's "s" dropped first ("apps" is "app"). */
const nameStem = (word: string) => stemOf(word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);

/**
 * A theme's names to look for in its quotes: the parts of its label ("A and B", "A, B & C") and its
 * keywords. The fallback label of a theme with no name names nothing.
 */
export function vocabularyOf(theme: { label: string; keywords: readonly string[] }): Vocabulary {
  const parts = theme.label === FALLBACK_LABEL ? [] : theme.label.split(/\s+and\s+|\s*[&,/;]\s*/i);
  const names = new Map<string, string[]>();
  for (const name of [...parts, ...theme.keywords]) {
    const stems = [...wordsOf(name)].map(nameStem);
    if (stems.length > 0) names.set(stems.join(' '), stems);
  }
  return [...names.values()];
}

/** How many of the theme's names a text uses, each counted when all its words are in the text. */
export function namesUsed(text: string, vocabulary: Vocabulary): number {
  if (vocabulary.length === 0) return 0;
  const stems = new Set([...wordsOf(text)].map(nameStem));
  let used = 0;
  for (const name of vocabulary) if (name.every((stem) => stems.has(stem))) used++;
  return used;
}

/**
 * Of the core, the most typical this many are ranked by the names they use: a quote stays a typical
 * member, and the ranking costs a theme of 5,000 comments what it costs one of 100.
 */
const RANKED = 50;

/**
 * Up to `count` quotes from the theme's members: from its core (`typicality`, higher: more typical), of
 * its RANKED most typical published members those that use most of the theme's names first (`vocabulary`:
 * what the card says the theme is about, looked for in the part of the text a card shows), then the most
 * typical. By typicality alone, a theme whose label and keywords say "Email" and "direct debit" quoted a
 * core member about a VPN password: a moderator reads the quotes as what the theme is.
 */
export function pickQuotes<Member extends QuoteCandidate>(
  members: readonly Member[],
  count: number,
  typicality: (member: Member) => number,
  vocabulary: Vocabulary = [],
): Member[] {
  if (members.length === 0) return [];
  const median = coreFrom(members.map(typicality));
  const byTypicality = (a: Member, b: Member) =>
    typicality(b) - typicality(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const core = members
    .filter((member) => member.published && typicality(member) >= median)
    .sort(byTypicality);
  // Names are counted in what the card would show: the quote, redacted and cut.
  const ranked = core.slice(0, RANKED);
  const used = new Map(ranked.map((member) => [member, namesUsed(quote(member.text), vocabulary)]));
  const candidates = [
    ...ranked.sort((a, b) => used.get(b)! - used.get(a)! || byTypicality(a, b)),
    ...core.slice(RANKED),
  ];
  const picked: Array<{ member: Member; words: Set<string>; stems: Set<string> }> = [];
  const pick = (
    pool: readonly Member[],
    alike: (a: (typeof picked)[number], b: (typeof picked)[number]) => boolean,
  ) => {
    for (const member of pool) {
      if (picked.length >= count) break;
      if (picked.some((other) => other.member === member)) continue;
      const next = { member, words: wordsOf(member.text), stems: stemsOf(member.text) };
      if (picked.some((other) => alike(other, next))) continue;
      picked.push(next);
    }
  };
  const nearDuplicate = (a: (typeof picked)[number], b: (typeof picked)[number]) =>
    jaccard(a.words, [...b.words]) >= NEAR_DUPLICATE;
  // First from the best few, none telling the same story as another ("Legal reviewed our new savings leaflet
  // the same afternoon…" and "Legal reviewed the new savings leaflet in two days…" were a theme's two quotes);
  // then, if that leaves room, as before: anything but a near-duplicate.
  pick(
    candidates.slice(0, DIVERSE_FROM),
    (a, b) => nearDuplicate(a, b) || overlap(a.stems, b.stems) >= SAME_STORY,
  );
  pick(candidates, nearDuplicate);
  return candidates.filter((member) => picked.some((p) => p.member === member));
}

/** Of this many best candidates the quotes are first chosen to differ. */
const DIVERSE_FROM = 10;
/** Two quotes sharing this share of the shorter one's content words tell the same story. */
const SAME_STORY = 0.4;
const STOP = new Set(
  'this that with from have were they their them about because instead into than then there what when which would could should been being very just also only some your ours more most much many such after before again over under same each other every once does made make'.split(
    ' ',
  ),
);
/** Content words of four letters or more, by their first five letters ("rewrote" / "rewritten" differ). */
const stemsOf = (text: string) =>
  new Set(
    (text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
      .filter((word) => !STOP.has(word))
      .map((w) => w.slice(0, 5)),
  );
/** Shared words as a share of the smaller set (two quotes of different length can still repeat one story). */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
