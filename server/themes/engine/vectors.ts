import { TypedArena } from './arena.ts';
import type { BagOfWords } from './dmm.ts';
import type { ConceptMap } from './domain.ts';
import type { Lexicon } from './lexicon.ts';
import { meaningOf, meaningSpace, type MeaningSpace } from './meaning.ts';
import type { ProcessedText } from './preprocess.ts';

// A comment becomes a weighted bag of features:
//  - its content lemmas (those at least two comments share, and not in nearly every comment);
//  - collocations: two-word noun phrases whose words occur together far more often than chance (PMI);
//  - WordNet synsets reached from its words, when at least two different words of the corpus meet in
//    them ("salary"/"wage"/"pay", "canteen"/"cafeteria" → "restaurant"), so synonyms count as shared;
//  - concepts of the workplace thesaurus (domain.ts) its words and phrases belong to.
// The mixture model then learns which features travel together in this corpus (co-occurrence).
// When the lexicon has word vectors, the bag also carries the comment's meaning (meaning.ts).

export interface FeatureWeights {
  sense: number;
  concept: number;
}

export const DEFAULT_WEIGHTS: FeatureWeights = { sense: 0.5, concept: 2 };

export interface FeatureSpace {
  index: Map<string, number>;
  names: string[];
  /** `${pos}:${lemma}` → synset features with weights. */
  senseLinks: Map<string, Array<[number, number]>>;
  /** lemma or two-word phrase → concept features. */
  conceptLinks: Map<string, number[]>;
  /** Comments' meanings, when the lexicon has word vectors. */
  meaning: MeaningSpace | null;
  /** Lemmas and collocations that are features. */
  words: Set<string>;
  weights: FeatureWeights;
  /** Where the bags' arrays are allocated (see arena.ts). */
  arena: TypedArena;
}

export interface FeatureOptions {
  lexicon: Lexicon;
  concepts: ConceptMap;
  weights?: FeatureWeights;
}

const bigramsOf = (doc: ProcessedText) =>
  doc.phrases.filter((p) => p.key.indexOf(' ') > 0 && p.key.indexOf(' ') === p.key.lastIndexOf(' '));

/** Synset features of one (pos, lemma): the two first senses (weighted by rank) and the first sense's hypernyms. */
function senseFeatures(lexicon: Lexicon, pos: 'n' | 'v' | 'a', lemma: string): Array<[string, number]> {
  const senses = lexicon.senses(lemma, pos);
  if (senses.length === 0) return [];
  // A word with many senses says less about any one of them.
  const ambiguity = 1 / Math.sqrt(Math.max(1, senses.length - 1));
  const out: Array<[string, number]> = [];
  senses.slice(0, 2).forEach((sense, rank) => {
    const weight = (rank === 0 ? 1 : 0.5) * ambiguity;
    out.push([`~${sense.synset}`, weight]);
    if (rank === 0)
      for (const hypernym of sense.hypernyms.slice(0, 2)) out.push([`~${hypernym}`, weight * 0.5]);
  });
  return out;
}

export function buildFeatureSpace(docs: ProcessedText[], options: FeatureOptions): FeatureSpace {
  const n = docs.length;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const df = new Map<string, number>();
  const bigramDf = new Map<string, number>();
  const posOf = new Map<string, 'n' | 'v' | 'a'>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const token of doc.tokens) {
      seen.add(token.lemma);
      posOf.set(`${token.pos}:${token.lemma}`, token.pos);
    }
    for (const lemma of seen) df.set(lemma, (df.get(lemma) ?? 0) + 1);
    for (const key of new Set(bigramsOf(doc).map((p) => p.key)))
      bigramDf.set(key, (bigramDf.get(key) ?? 0) + 1);
  }
  const minDf = n < 30 ? 1 : 2;
  const maxDf = Math.max(5, Math.floor(n * 0.4));
  const words = new Set<string>();
  for (const [lemma, count] of df) if (count >= minDf && count <= maxDf) words.add(lemma);
  // Collocations: pointwise mutual information of the pair over comments, at least ln 2.
  for (const [key, count] of bigramDf) {
    if (count < 2) continue;
    const [a, b] = key.split(' ') as [string, string];
    const pmi = Math.log((count * n) / ((df.get(a) ?? count) * (df.get(b) ?? count)));
    if (pmi >= Math.LN2) words.add(key);
  }

  const index = new Map<string, number>();
  const names: string[] = [];
  const feature = (name: string) => {
    let id = index.get(name);
    if (id === undefined) {
      index.set(name, (id = names.length));
      names.push(name);
    }
    return id;
  };
  for (const word of words) feature(word);

  // WordNet bridges.
  const senseCandidates = new Map<string, Array<[string, number]>>();
  const synsetWords = new Map<string, Set<string>>();
  for (const key of posOf.keys()) {
    const colon = key.indexOf(':');
    const lemma = key.slice(colon + 1);
    const features = senseFeatures(options.lexicon, key.slice(0, colon) as 'n' | 'v' | 'a', lemma);
    senseCandidates.set(key, features);
    for (const [synset] of features) {
      let set = synsetWords.get(synset);
      if (!set) synsetWords.set(synset, (set = new Set()));
      if (set.size < 2) set.add(lemma);
    }
  }
  const senseLinks = new Map<string, Array<[number, number]>>();
  for (const [key, features] of senseCandidates) {
    const links = features
      .filter(([synset]) => synsetWords.get(synset)!.size >= 2)
      .map(([synset, w]): [number, number] => [feature(synset), w]);
    if (links.length > 0) senseLinks.set(key, links);
  }

  // Thesaurus concepts, only those this corpus uses.
  const conceptLinks = new Map<string, number[]>();
  const link = (word: string) => {
    const concepts = options.concepts.get(word);
    if (concepts && !conceptLinks.has(word))
      conceptLinks.set(
        word,
        concepts.map((concept) => feature(`#${concept}`)),
      );
  };
  for (const lemma of df.keys()) link(lemma);
  for (const key of bigramDf.keys()) link(key);

  const meaning = meaningSpace(docs, df, options.lexicon);
  return { index, names, senseLinks, conceptLinks, meaning, words, weights, arena: new TypedArena() };
}

/** The bag of one comment in a feature space (new comments use the space they are assigned in). */
export function toBag(space: FeatureSpace, doc: ProcessedText, weight = 1): BagOfWords {
  const counts = new Map<number, number>();
  const add = (id: number, amount: number) => counts.set(id, (counts.get(id) ?? 0) + amount);
  const concepts = new Map<number, number>();
  const addConcepts = (word: string) => {
    for (const id of space.conceptLinks.get(word) ?? []) concepts.set(id, (concepts.get(id) ?? 0) + 1);
  };
  for (const token of doc.tokens) {
    const id = space.index.get(token.lemma);
    if (id !== undefined && space.words.has(token.lemma)) add(id, 1);
    for (const [synset, w] of space.senseLinks.get(`${token.pos}:${token.lemma}`) ?? [])
      add(synset, w * space.weights.sense);
    addConcepts(token.lemma);
  }
  for (const phrase of bigramsOf(doc)) {
    const id = space.index.get(phrase.key);
    if (id !== undefined && space.words.has(phrase.key)) add(id, 1);
    addConcepts(phrase.key);
  }
  // A concept counts at most twice, however many of its words a comment uses.
  for (const [id, count] of concepts) add(id, Math.min(count, 2) * space.weights.concept);
  // A comment without a single feature stays unclustered, whatever its meaning.
  const meaning = space.meaning && counts.size > 0 ? meaningOf(space.meaning, doc, space.arena) : undefined;
  const words = space.arena.int32(counts.size);
  const amounts = space.arena.float32(counts.size);
  let i = 0;
  for (const [id, count] of counts) {
    words[i] = id;
    amounts[i++] = count;
  }
  return { words, counts: amounts, weight, meaning };
}
