import type { TypedArena } from './arena.ts';
import type { Lexicon } from './lexicon.ts';
import type { ProcessedText } from './preprocess.ts';

// What a comment is about, as a direction, from pretrained word vectors: the idf-weighted sum of its
// words' unit vectors, minus the corpus mean (averaged word vectors share one large common direction
// that makes every comment look alike — "all-but-the-top", Mu & Viswanath 2018), projected on the
// corpus's main directions of meaning (PCA: a third of the cost of all 100 dimensions in the sampler,
// within 0.02 NMI) and scaled to unit length. Two comments that share no word but the same concern
// ("queue" / "callers waiting") point the same way. dmm.ts weighs it next to the words.

export interface MeaningSpace {
  dimensions: number;
  /** Unit word vectors, cached per lemma (null: no vector). */
  units: Map<string, Float32Array | null>;
  vector: (lemma: string) => Float32Array | undefined;
  /** ln((n + 1) / df); lemmas the corpus did not have (incremental updates) get the largest. */
  idf: Map<string, number>;
  unseenIdf: number;
  mean: Float64Array;
  /** Principal directions, row after row (components × dimensions). */
  components: Float64Array;
  componentCount: number;
  scratch: Float64Array;
}

export const MEANING_COMPONENTS = 32;
/** Comments the mean and the principal directions are estimated from (evenly spread). */
const SAMPLE = 1000;

/** The meaning space of a corpus, or null when the lexicon has no word vectors for it. */
export function meaningSpace(
  docs: ProcessedText[],
  df: Map<string, number>,
  lexicon: Lexicon,
): MeaningSpace | null {
  const vector = lexicon.vector?.bind(lexicon);
  if (!vector) return null;
  let dimensions = 0;
  for (const lemma of df.keys()) if ((dimensions = vector(lemma)?.length ?? 0) > 0) break;
  if (dimensions === 0) return null;
  const idf = new Map<string, number>();
  for (const [lemma, count] of df) idf.set(lemma, Math.log((docs.length + 1) / count));
  const space: MeaningSpace = {
    dimensions,
    units: new Map(),
    vector,
    idf,
    unseenIdf: Math.log(docs.length + 1),
    mean: new Float64Array(dimensions),
    components: new Float64Array(0),
    componentCount: 0,
    scratch: new Float64Array(dimensions),
  };
  const step = Math.max(1, Math.floor(docs.length / SAMPLE));
  const rows: Float64Array[] = [];
  for (let d = 0; d < docs.length; d += step)
    if (direction(space, docs[d]!)) rows.push(space.scratch.slice());
  if (rows.length === 0) return null;
  for (const row of rows) for (let i = 0; i < dimensions; i++) space.mean[i]! += row[i]! / rows.length;
  for (const row of rows) for (let i = 0; i < dimensions; i++) row[i]! -= space.mean[i]!;
  space.componentCount = Math.min(MEANING_COMPONENTS, dimensions);
  space.components = principalDirections(rows, space.componentCount);
  return space;
}

/** The comment's meaning (unit length, `componentCount` long), or undefined when none of its words has a vector. */
export function meaningOf(
  space: MeaningSpace,
  doc: ProcessedText,
  arena: TypedArena,
): Float32Array | undefined {
  if (!direction(space, doc)) return undefined;
  const { scratch, mean, components, dimensions } = space;
  for (let i = 0; i < dimensions; i++) scratch[i]! -= mean[i]!;
  const meaning = arena.float32(space.componentCount);
  let norm = 0;
  for (let c = 0; c < meaning.length; c++) {
    let projection = 0;
    for (let i = 0, at = c * dimensions; i < dimensions; i++) projection += components[at + i]! * scratch[i]!;
    meaning[c] = projection;
    norm += projection * projection;
  }
  norm = Math.sqrt(norm) || 1;
  for (let c = 0; c < meaning.length; c++) meaning[c]! /= norm;
  return meaning;
}

/** What `direction` needs of a meaning space: the word vectors (cached as unit vectors), idf, room to write. */
export type DirectionSpace = Pick<
  MeaningSpace,
  'dimensions' | 'units' | 'vector' | 'idf' | 'unseenIdf' | 'scratch'
>;

/**
 * Writes the unit-length idf-weighted sum of the comment's unit word vectors into `space.scratch`; false
 * when none of its words has a vector.
 */
export function direction(space: DirectionSpace, doc: ProcessedText): boolean {
  const { scratch, dimensions } = space;
  scratch.fill(0);
  let found = false;
  for (const token of doc.tokens) {
    const unit = unitVector(space, token.lemma);
    if (!unit) continue;
    found = true;
    const weight = space.idf.get(token.lemma) ?? space.unseenIdf;
    for (let i = 0; i < dimensions; i++) scratch[i]! += weight * unit[i]!;
  }
  if (found) normalise(scratch);
  return found;
}

function unitVector(space: DirectionSpace, lemma: string): Float32Array | null {
  let unit = space.units.get(lemma);
  if (unit === undefined) {
    const vector = space.vector(lemma);
    unit = vector?.length === space.dimensions ? normalise(Float32Array.from(vector)) : null;
    space.units.set(lemma, unit);
  }
  return unit;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalise<T extends Float32Array | Float64Array>(vector: T): T {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/** Top-k principal directions of centred rows: subspace iteration on their covariance, Gram–Schmidt between steps. */
function principalDirections(rows: Float64Array[], k: number): Float64Array {
  const n = rows[0]!.length;
  const covariance = new Float64Array(n * n);
  for (const row of rows)
    for (let i = 0; i < n; i++) {
      const x = row[i]!;
      for (let j = 0; j < n; j++) covariance[i * n + j]! += x * row[j]!;
    }
  let basis = new Float64Array(k * n);
  for (let c = 0; c < k; c++) for (let i = 0; i < n; i++) basis[c * n + i] = i === c ? 1 : 0.01;
  for (let iteration = 0; iteration < 15; iteration++) {
    const next = new Float64Array(k * n);
    for (let c = 0; c < k; c++)
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += covariance[i * n + j]! * basis[c * n + j]!;
        next[c * n + i] = sum;
      }
    for (let c = 0; c < k; c++) {
      for (let previous = 0; previous < c; previous++) {
        let overlap = 0;
        for (let i = 0; i < n; i++) overlap += next[c * n + i]! * next[previous * n + i]!;
        for (let i = 0; i < n; i++) next[c * n + i]! -= overlap * next[previous * n + i]!;
      }
      normalise(next.subarray(c * n, (c + 1) * n));
    }
    basis = next;
  }
  return basis;
}
