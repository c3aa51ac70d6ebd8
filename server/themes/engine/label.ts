import type { ProcessedText } from './preprocess.ts';

// Labels a person would write: the noun phrase that best tells this theme apart from the rest of the
// corpus (class-based TF-IDF over noun phrases, longer phrases preferred when just as frequent), in the
// words people actually used ("Car park spaces", "LOS outages"), joined with a second phrase when one
// phrase covers too little of the theme ("Canteen food and coffee machine"). What the theme's core says
// (its more typical half, where its quotes come from) counts for more than its edge, so a theme with a
// few comments of another concern on its edge is named for its own.

export interface CorpusStatistics {
  size: number;
  /** Comments containing each phrase / lemma key. */
  df: Map<string, number>;
}

export interface Member {
  doc: ProcessedText;
  weight: number;
  /**
   * How much the comment counts in measuring names (share and lift), against 1: a theme's edge weighs less
   * than its core. A name still needs two comments, counted by `weight`.
   */
  emphasis?: number;
}

export interface Description {
  label: string;
  /**
   * Further names for the theme, best first, none sharing a word with the label: what tells it apart
   * from another theme given the same label ("Mortgage offer and valuation").
   */
  alternatives: string[];
  keywords: string[];
  /** Lemma → weight, for recognising the theme later (stable ids). */
  signature: Record<string, number>;
}

/** A word's first four letters: how names are matched ("claim" / "claims", "explain" / "explained"). */
export const stemOf = (word: string) => word.toLowerCase().slice(0, 4);

const stemsOf = (name: string) => name.split(/\s+/).map(stemOf);

/** The name of a theme with no phrase to name it. */
export const FALLBACK_LABEL = 'Other comments';

/** Whether two names share a word, by its first four letters ("claim" / "claims", "payroll" / "payrolls"). */
export function shareAWord(a: string, b: string): boolean {
  const stems = new Set(stemsOf(a));
  return stemsOf(b).some((stem) => stems.has(stem));
}

/** Comments containing each key, each distinct text weighing `weights[i]` (1 by default). */
export function corpusStatistics(docs: ProcessedText[], weights: readonly number[] = []): CorpusStatistics {
  const df = new Map<string, number>();
  let size = 0;
  docs.forEach((doc, i) => {
    const weight = weights[i] ?? 1;
    size += weight;
    for (const key of keysOf(doc)) df.set(key, (df.get(key) ?? 0) + weight);
  });
  return { size, df };
}

/** Every key a comment mentions once: its noun phrases and its content lemmas. */
function keysOf(doc: ProcessedText): Set<string> {
  const keys = new Set<string>();
  for (const phrase of doc.names ?? doc.phrases) keys.add(phrase.key);
  for (const phrase of doc.readings ?? []) keys.add(phrase.key);
  for (const token of doc.tokens) keys.add(token.lemma);
  return keys;
}

interface Candidate {
  key: string;
  words: number;
  clusterDf: number;
  /** `clusterDf` with each comment's emphasis. */
  emphasised: number;
  score: number;
  /** The score without emphasis: what the theme's signature (its identity between runs) is made of. */
  plainScore: number;
  surfaces: Map<string, number>;
  /** How people wrote it where it was a noun phrase (a name says "notice", not the verb's "noticed"). */
  nounSurfaces: Map<string, number>;
  /** Different texts of the theme that use it in a noun phrase. */
  nounTexts: number;
  isPhrase: boolean;
  /** Weight of the comments that used it as a noun (in a noun phrase) and as an adjective. */
  asNoun: number;
  asAdjective: number;
}

// The feedback portal's own vocabulary: every theme is made of comments, and a channel's name ("pulse
// comments", "kudos") says where a comment was posted, not what it is about. Never part of a label.
const PORTAL_WORDS = new Set(['comment', 'feedback', 'suggestion', 'kudos', 'thanks', 'pulse']);

// Words that say how people feel, not what about: praise or anger spread over unrelated topics shares
// them ("Love the new app", "love being paid early"), and a theme named "Love" tells a moderator nothing
// (one such theme stood in the demo). Never a label alone; its tone shows in the theme's sentiment.
const FEELINGS = new Set(
  'love hate joy delight pleasure happiness unhappiness frustration anger annoyance disappointment gratitude appreciation relief shame fear sadness'.split(
    ' ',
  ),
);
// Words that say when or how much, not what about: "Chef and thursday", "Kitchen and degrees" named
// tuning-set themes by the day or the unit their core comments happened to mention.
const WHEN_AND_HOW_MUCH = new Set(
  'monday tuesday wednesday thursday friday saturday sunday weekend today tomorrow yesterday january february march april may june july august september october november december degree minute hour day week month year percent pound'.split(
    ' ',
  ),
);
// "A huge difference", "a real impact": how much something mattered, whatever it was. "Made a huge
// difference" named a demo theme of flexible working and phased returns "Huge difference" (issue 19 found
// "Huge difference and working"). Alone or with only words of degree, such a phrase names no topic; with
// a topic of its own it does ("pay difference", "environmental impact").
const HOW_MUCH_IT_MATTERED = new Set(['difference', 'impact']);
const DEGREE = new Set(
  'huge big real massive noticeable positive negative great significant enormous genuine major small little tangible visible immediate lasting good bad such'.split(
    ' ',
  ),
);
const namesATopic = (candidate: { key: string }) => {
  const words = candidate.key.split(' ');
  if (words.every((w) => FEELINGS.has(w) || WHEN_AND_HOW_MUCH.has(w))) return false;
  const head = words[words.length - 1]!;
  return !(HOW_MUCH_IT_MATTERED.has(head) && words.slice(0, -1).every((w) => DEGREE.has(w)));
};

/** Below this lift (theme share / corpus share) a single word is too common to name a theme alone. */
const VAGUE_LIFT = 3;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function mostCommon(surfaces: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [surface, n] of surfaces)
    if (n > count || (n === count && surface < best)) [best, count] = [surface, n];
  return best;
}

export function describe(members: Member[], corpus: CorpusStatistics): Description {
  const size = members.reduce((sum, m) => sum + m.weight, 0);
  // Emphasis that leaves nothing to weigh (every member at 0) is no emphasis.
  const weighed = members.reduce((sum, m) => sum + m.weight * (m.emphasis ?? 1), 0);
  const emphasisOf = (member: Member) => (weighed > 0 ? (member.emphasis ?? 1) : 1);
  const emphasisedSize = weighed > 0 ? weighed : size;
  const candidates = new Map<string, Candidate>();
  const covered = new Map<string, Set<number>>();
  members.forEach((member, index) => {
    const { doc, weight } = member;
    const emphasis = emphasisOf(member);
    const seen = new Set<string>();
    const seenAsNoun = new Set<string>();
    const touch = (key: string, surface: string, isPhrase: boolean, adjective = false) => {
      let candidate = candidates.get(key);
      if (!candidate) {
        candidate = {
          key,
          words: key.split(' ').length,
          clusterDf: 0,
          emphasised: 0,
          score: 0,
          plainScore: 0,
          surfaces: new Map(),
          nounSurfaces: new Map(),
          nounTexts: 0,
          isPhrase,
          asNoun: 0,
          asAdjective: 0,
        };
        candidates.set(key, candidate);
      }
      candidate.isPhrase ||= isPhrase;
      if (isPhrase) candidate.asNoun += weight;
      else if (adjective) candidate.asAdjective += weight;
      candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + weight);
      if (isPhrase) {
        candidate.nounSurfaces.set(surface, (candidate.nounSurfaces.get(surface) ?? 0) + weight);
        if (!seenAsNoun.has(key)) {
          seenAsNoun.add(key);
          candidate.nounTexts++;
        }
      }
      if (!seen.has(key)) {
        seen.add(key);
        candidate.clusterDf += weight;
        candidate.emphasised += weight * emphasis;
        let docs = covered.get(key);
        if (!docs) covered.set(key, (docs = new Set()));
        docs.add(index);
      }
    };
    for (const phrase of doc.names ?? doc.phrases) touch(phrase.key, phrase.surface, true);
    for (const phrase of doc.readings ?? []) touch(phrase.key, phrase.surface, true);
    // Parts of a hyphenated word name nothing ("employ" of "self-employed"): its phrases have it whole.
    for (const token of doc.tokens)
      if (token.pos !== 'n' && !token.part) touch(token.lemma, token.surface, false, token.pos === 'a');
  });

  const lifts = new Map<Candidate, number>();
  for (const candidate of candidates.values()) {
    const corpusShare = Math.max(1e-9, (corpus.df.get(candidate.key) ?? candidate.clusterDf) / corpus.size);
    // How much more often the theme uses it than the corpus does: generic words ("customer") score low.
    // Measured with emphasis: what the theme's core says counts for more than its edge.
    const share = candidate.emphasised / emphasisedSize;
    lifts.set(candidate, share / corpusShare);
    // A two-word phrase as frequent as its words is the better name for them.
    const lengthBonus = candidate.words === 1 ? 1 : candidate.words === 2 ? 1.35 : 1.2;
    candidate.score = share * Math.log(1 + share / corpusShare) * lengthBonus;
    const plainShare = candidate.clusterDf / size;
    candidate.plainScore = plainShare * Math.log(1 + plainShare / corpusShare) * lengthBonus;
  }
  /** Used by two comments and by 8 % of the theme, with emphasis. */
  const common = (c: Candidate) => c.clusterDf >= 2 && c.emphasised >= 0.08 * emphasisedSize;
  const ranked = [...candidates.values()]
    .filter((c) => c.clusterDf >= 2)
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));

  // A noun phrase, and one the theme uses as a noun: the tagger reads an adjective that opens a sentence
  // as a noun ("Long waits…": the demo had "Long and transferred"), which the word's other uses outvote.
  // (Only adjective uses count against it: "pay" as a verb is still about pay.)
  // And one that different comments share: a text posted many times says its words once ("The mental
  // health first aider has been a real help" six times named a theme "Real help").
  // (As a noun: "customers notice" in one text posted eight times and "noticed" in others named a theme
  // "Noticed".)
  const fromSeveral = (c: Candidate) => c.nounTexts >= 2;
  const nameOf = (c: Candidate) => mostCommon(c.nounSurfaces.size > 0 ? c.nounSurfaces : c.surfaces);
  const nameable = ranked.filter(
    (c) =>
      c.isPhrase &&
      fromSeveral(c) &&
      (c.words > 1 || c.asNoun >= c.asAdjective) &&
      common(c) &&
      namesATopic(c) &&
      !c.key.split(' ').some((word) => PORTAL_WORDS.has(word)),
  );
  // Phrases the theme uses clearly more than everyone else (a generic "team" names nothing), if there are any.
  const distinctive = nameable.filter((c) => lifts.get(c)! >= 2);
  const phrases = distinctive.length > 0 ? distinctive : nameable;
  // A single word the rest of the corpus uses nearly as much ("team", "changes", "system"), or uses in
  // a third of its comments elsewhere ("queue" of callers, of the canteen, of loan applications), names no one
  // theme: it is widened to a phrase the theme uses, or joined with a second name (below).
  /** A name the theme has (nearly) to itself: used far more here than elsewhere, and mostly here. */
  const ownName = (candidate: Candidate) =>
    lifts.get(candidate)! >= VAGUE_LIFT &&
    candidate.clusterDf >= 0.7 * (corpus.df.get(candidate.key) ?? candidate.clusterDf);
  const vague = (candidate: Candidate) => candidate.words === 1 && !ownName(candidate);
  const expand = (candidate: Candidate) =>
    candidate.words > 1
      ? candidate
      : (ranked.find(
          (c) =>
            c.isPhrase &&
            c.words > 1 &&
            // A vague word ("help") is widened only to a phrase several texts use ("real help", posted six
            // times, named a theme); a word that names the theme already ("app") may take one text's
            // phrase ("app update": in the demo, "App and update" without it).
            (fromSeveral(c) || !vague(candidate)) &&
            c.clusterDf >= (vague(candidate) ? 2 : Math.max(2, 0.12 * candidate.clusterDf)) &&
            lifts.get(c)! >= 1.5 &&
            namesATopic(c) &&
            !c.key.split(' ').some((word) => PORTAL_WORDS.has(word)) &&
            c.key.split(' ').includes(candidate.key),
        ) ?? candidate);
  let top = phrases[0] ?? ranked.find(namesATopic);
  /** A first name given up for one the theme has to itself (it is not offered as an alternative either). */
  let demoted: Candidate | undefined;
  // A word most of whose uses are in other themes, that no phrase of the theme widens ("pupils" in a
  // school's survey), gives way to a name this theme has to itself (of any length), when that one scores
  // at least half as well.
  if (
    top &&
    top.words === 1 &&
    top.clusterDf < 0.5 * (corpus.df.get(top.key) ?? top.clusterDf) &&
    expand(top) === top
  ) {
    const specific = phrases.find(
      (c) => c !== top && ownName(c) && c.score >= 0.5 * top!.score && !shareAWord(c.key, top!.key),
    );
    if (specific) [demoted, top] = [top, specific];
  }
  const first = top ? expand(top) : undefined;
  let label = first ? capitalise(nameOf(first)) : FALLBACK_LABEL;
  if (first) {
    const firstCoverage = covered.get(first.key)!;
    const distinct = (c: Candidate) => !shareAWord(first.key, c.key);
    for (const candidate of phrases) {
      if (candidate === top || candidate.score < 0.4 * first.score || !distinct(candidate)) continue;
      const second = expand(candidate);
      if (!distinct(second) || second.words + first.words > 4) continue;
      // A second name joins only when it is frequent and nearly exclusive to the theme ("Pay and bonus",
      // not "Laptop and sound" or "… and customer"), and both are nouns a person would pair. A vague first
      // name takes a distinctive second one more readily (that is what tells the theme apart).
      const loose = vague(first);
      if (
        second.emphasised < (loose ? 0.1 : 0.2) * emphasisedSize ||
        lifts.get(second)! < (loose ? VAGUE_LIFT : second.words > 1 ? 3 : 5) ||
        vague(second)
      )
        continue;
      if (![...covered.get(second.key)!].some((doc) => !firstCoverage.has(doc))) continue;
      if (loose || firstCoverage.size < 0.6 * members.length) label = `${label} and ${nameOf(second)}`;
      break;
    }
  }

  const alternatives: string[] = [];
  for (const candidate of phrases) {
    if (alternatives.length >= 5) break;
    if (candidate === demoted) continue;
    const name = expand(candidate);
    if (shareAWord(label, name.key) || name.key.split(' ').some((word) => PORTAL_WORDS.has(word))) continue;
    const surface = nameOf(name);
    if (!alternatives.includes(surface)) alternatives.push(surface);
  }

  // Keywords: phrases and words, best first; a word that mostly occurs inside a listed phrase is left out.
  const keywords: string[] = [];
  const pairs = ranked.filter((c) => c.words === 2 && c.clusterDf >= 2);
  for (const candidate of ranked) {
    if (keywords.length >= 8) break;
    // "pulse comments", "kudos": where comments were posted, not what about (as in labels).
    if (candidate.words > 2 || candidate.key.split(' ').some((word) => PORTAL_WORDS.has(word))) continue;
    if (covered.get(candidate.key)!.size < 2) continue;
    if (
      candidate.words === 1 &&
      pairs.some(
        (pair) => pair.key.split(' ').includes(candidate.key) && pair.clusterDf >= 0.5 * candidate.clusterDf,
      )
    )
      continue;
    const surface = mostCommon(candidate.surfaces);
    // The word as people wrote it ("employees", not the lemma "employ"), acronyms kept.
    if (!keywords.includes(surface)) keywords.push(surface);
  }

  // The signature is made without emphasis: which members are the edge moves with every run's median, and
  // a theme's identity between runs must follow its content, not that.
  const signature: Record<string, number> = {};
  const plainly = [...ranked].sort((a, b) => b.plainScore - a.plainScore || a.key.localeCompare(b.key));
  for (const candidate of plainly.slice(0, 25))
    signature[candidate.key] = Math.round(candidate.plainScore * 1000) / 1000;
  return { label, alternatives, keywords, signature };
}
