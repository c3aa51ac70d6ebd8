/**
 * What the engine needs from a thesaurus (WordNet in production, anything in tests): the senses of a
 * word, most common first, each with the ids of its synset and of the synsets directly above it; and,
 * when known, the word's vector (pretrained embeddings), so comments can be compared by meaning.
 */
export interface Sense {
  synset: string;
  hypernyms: string[];
}

export interface Lexicon {
  senses(lemma: string, pos: 'n' | 'v' | 'a'): Sense[];
  vector?(lemma: string): Float32Array | undefined;
}

export const noLexicon: Lexicon = { senses: () => [] };
