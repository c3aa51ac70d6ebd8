import { seededRandom } from '../../seeded-random.ts';

// Short-text clustering with a Dirichlet multinomial mixture, fitted by collapsed Gibbs sampling
// (GSDMM, Yin & Wang, KDD 2014). Each comment is assumed to be about one theme; the sampler starts
// with more themes than needed and empties the ones it does not need, so it picks the number of
// themes itself. Unlike cosine on TF-IDF, words every theme uses ("customer", "week") barely move a
// comment: only words that are much more likely in one theme than in the others do.
//
// When word vectors are known, each comment also carries a unit "meaning" vector (meaning.ts) and each
// theme a mean direction: the mixture is then over (words, meaning) pairs, the meaning drawn from a von
// Mises–Fisher distribution around the theme's direction, log p ∝ κ · cos(meaning, direction). Comments
// that share no word but say the same thing ("queue" / "callers waiting") are pulled together.

export interface DmmOptions {
  /** Upper bound on themes. */
  maxClusters: number;
  alpha?: number;
  beta?: number;
  /** Concentration of the meaning term (0: words only). */
  kappa?: number;
  iterations?: number;
  seed: number;
  /** A starting cluster per bag (−1: a random one): a warm start from the previous computation. */
  initial?: Int32Array;
}

/** A comment as word ids with (possibly fractional) counts. */
export interface BagOfWords {
  words: Int32Array;
  counts: Float32Array;
  /** Identical comments are one bag with a weight: what they count for in the model. */
  weight: number;
  /** How many comments it stands for, when that is not `weight` (a theme's size counts every one). */
  copies?: number;
  /** Unit-length meaning of the comment, when word vectors are known. */
  meaning?: Float32Array;
}

export interface DmmModel {
  clusters: number;
  vocabulary: number;
  alpha: number;
  beta: number;
  /** Weighted documents per cluster. */
  docs: Float64Array;
  /** Word mass per cluster. */
  mass: Float64Array;
  /** Word counts, cluster-major (clusters × vocabulary). */
  wordCounts: Float64Array;
  /** ln(wordCounts + β), kept in step with wordCounts: the sampler's inner loop then has no logarithm. */
  logCounts: Float64Array;
  /** Word counts over all clusters (the background). */
  background: Float64Array;
  totalMass: number;
  /** Meaning term: dimensions (0 when off), concentration, members' summed meanings and their lengths. */
  dimensions: number;
  kappa: number;
  meaningSums: Float64Array;
  meaningNorms: Float64Array;
}

export function emptyModel(
  clusters: number,
  vocabulary: number,
  alpha: number,
  beta: number,
  meaning: { dimensions: number; kappa: number } = { dimensions: 0, kappa: 0 },
): DmmModel {
  const dimensions = meaning.kappa > 0 ? meaning.dimensions : 0;
  return {
    clusters,
    vocabulary,
    alpha,
    beta,
    docs: new Float64Array(clusters),
    mass: new Float64Array(clusters),
    wordCounts: new Float64Array(clusters * vocabulary),
    logCounts: new Float64Array(clusters * vocabulary).fill(Math.log(beta)),
    background: new Float64Array(vocabulary),
    totalMass: 0,
    dimensions,
    kappa: meaning.kappa,
    meaningSums: new Float64Array(clusters * dimensions),
    meaningNorms: new Float64Array(clusters),
  };
}

export function addDoc(model: DmmModel, bag: BagOfWords, z: number, sign: 1 | -1): void {
  model.docs[z]! += sign * bag.weight;
  if (bag.meaning && model.dimensions > 0) {
    const at = z * model.dimensions;
    let squared = 0;
    for (let i = 0; i < model.dimensions; i++) {
      const sum = (model.meaningSums[at + i]! += sign * bag.weight * bag.meaning[i]!);
      squared += sum * sum;
    }
    model.meaningNorms[z] = Math.sqrt(squared);
  }
  const base = z * model.vocabulary;
  for (let i = 0; i < bag.words.length; i++) {
    const amount = sign * bag.counts[i]! * bag.weight;
    const cell = base + bag.words[i]!;
    model.wordCounts[cell]! += amount;
    model.logCounts[cell] = Math.log(Math.max(0, model.wordCounts[cell]!) + model.beta);
    model.mass[z]! += amount;
    model.background[bag.words[i]!]! += amount;
    model.totalMass += amount;
  }
}

/** log p(d | z) up to a constant, with the Pólya-urn terms of collapsed GSDMM (counts may be fractional). */
export function logLikelihood(model: DmmModel, bag: BagOfWords, z: number): number {
  const { beta, vocabulary } = model;
  const base = z * vocabulary;
  let log = 0;
  let length = 0;
  for (let i = 0; i < bag.words.length; i++) {
    const count = bag.counts[i]!;
    const cell = base + bag.words[i]!;
    // Π_{j<count} (n_z^w + β + j), generalised to fractional counts by its first-order form.
    log +=
      count <= 1
        ? count * model.logCounts[cell]!
        : count * Math.log(model.wordCounts[cell]! + beta + (count - 1) / 2);
    length += count;
  }
  // Π_{i<length} (n_z + Vβ + i) by its midpoint form: exact enough, and one logarithm instead of `length`.
  log -= length * Math.log(model.mass[z]! + vocabulary * beta + (length - 1) / 2);
  return log;
}

/** κ · cos(meaning, theme direction); 0 for an empty theme (uniform direction) or a comment without meaning. */
export function meaningLog(model: DmmModel, bag: BagOfWords, z: number): number {
  const norm = model.meaningNorms[z]!;
  if (!bag.meaning || model.dimensions === 0 || norm < 1e-9) return 0;
  const at = z * model.dimensions;
  let dot = 0;
  for (let i = 0; i < model.dimensions; i++) dot += model.meaningSums[at + i]! * bag.meaning[i]!;
  return (model.kappa * dot) / norm;
}

function logPosterior(model: DmmModel, bag: BagOfWords, z: number): number {
  return Math.log(model.docs[z]! + model.alpha) + logLikelihood(model, bag, z) + meaningLog(model, bag, z);
}

/**
 * ln Γ(x) for x > 0: shifted above 7 by the recurrence, then Stirling's series (error below 1e-12). Only
 * counts plus a positive β or α reach it; ten lines, where a package would bring a native build along.
 */
export function logGamma(x: number): number {
  let shift = 0;
  for (; x < 7; x++) shift += Math.log(x);
  const inverse = 1 / x;
  const square = inverse * inverse;
  const series = inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/**
 * How much the mixture's joint likelihood rises (nats) if clusters a and b become one: the collapsed
 * DMM's cluster-size and word terms (exact: a cluster's words are one Dirichlet-multinomial) and the
 * meaning term (κ · length of each cluster's summed meaning). The sampler moves one comment at a time,
 * so it can leave one theme split in two halves that it never joins again; this finds them.
 */
export function mergeGain(model: DmmModel, a: number, b: number): number {
  const { alpha, beta, vocabulary } = model;
  let gain =
    logGamma(model.docs[a]! + model.docs[b]! + alpha) -
    logGamma(model.docs[a]! + alpha) -
    logGamma(model.docs[b]! + alpha) +
    logGamma(alpha);
  const width = vocabulary * beta;
  gain -=
    logGamma(model.mass[a]! + model.mass[b]! + width) -
    logGamma(model.mass[a]! + width) -
    logGamma(model.mass[b]! + width) +
    logGamma(width);
  // Words only one of the two uses contribute nothing: Γ(n + β)Γ(β) / (Γ(n + β)Γ(β)).
  const logBeta = logGamma(beta);
  const baseA = a * vocabulary;
  const baseB = b * vocabulary;
  for (let w = 0; w < vocabulary; w++) {
    const x = model.wordCounts[baseA + w]!;
    const y = model.wordCounts[baseB + w]!;
    if (x > 1e-9 && y > 1e-9)
      gain += logGamma(x + y + beta) - logGamma(x + beta) - logGamma(y + beta) + logBeta;
  }
  if (model.dimensions > 0) {
    let squared = 0;
    for (let i = 0; i < model.dimensions; i++) {
      const sum = model.meaningSums[a * model.dimensions + i]! + model.meaningSums[b * model.dimensions + i]!;
      squared += sum * sum;
    }
    gain += model.kappa * (Math.sqrt(squared) - model.meaningNorms[a]! - model.meaningNorms[b]!);
  }
  return gain;
}

/** Moves everything of cluster `from` into cluster `into` (the model's counts; labels are the caller's). */
export function mergeClusters(model: DmmModel, into: number, from: number): void {
  const { vocabulary, dimensions } = model;
  model.docs[into]! += model.docs[from]!;
  model.docs[from] = 0;
  model.mass[into]! += model.mass[from]!;
  model.mass[from] = 0;
  for (let w = 0; w < vocabulary; w++) {
    const moved = model.wordCounts[from * vocabulary + w]!;
    if (moved === 0) continue;
    const cell = into * vocabulary + w;
    model.wordCounts[cell]! += moved;
    model.logCounts[cell] = Math.log(Math.max(0, model.wordCounts[cell]!) + model.beta);
    model.wordCounts[from * vocabulary + w] = 0;
    model.logCounts[from * vocabulary + w] = Math.log(model.beta);
  }
  if (dimensions > 0) {
    let squared = 0;
    for (let i = 0; i < dimensions; i++) {
      const sum = (model.meaningSums[into * dimensions + i]! += model.meaningSums[from * dimensions + i]!);
      model.meaningSums[from * dimensions + i] = 0;
      squared += sum * sum;
    }
    model.meaningNorms[into] = Math.sqrt(squared);
    model.meaningNorms[from] = 0;
  }
}

/** Fits the mixture; returns the cluster of every bag (clusters may be empty). */
export function fitDmm(
  bags: BagOfWords[],
  vocabulary: number,
  options: DmmOptions,
): { model: DmmModel; labels: Int32Array } {
  const alpha = options.alpha ?? 0.1;
  const beta = options.beta ?? 0.1;
  const clusters = Math.max(1, options.maxClusters);
  const next = seededRandom(options.seed);
  const dimensions = bags.find((bag) => bag.meaning)?.meaning?.length ?? 0;
  const model = emptyModel(clusters, vocabulary, alpha, beta, { dimensions, kappa: options.kappa ?? 0 });
  const labels = new Int32Array(bags.length);
  bags.forEach((bag, d) => {
    const start = options.initial?.[d] ?? -1;
    labels[d] = start >= 0 && start < clusters ? start : Math.floor(next() * clusters);
    addDoc(model, bag, labels[d]!, 1);
  });
  const logs = new Float64Array(clusters);
  const iterations = options.iterations ?? 24;
  for (let iteration = 0; iteration < iterations; iteration++) {
    // The last rounds are greedy, so the result does not depend on one last random draw.
    const greedy = iteration >= iterations - 3;
    let moved = 0;
    for (let d = 0; d < bags.length; d++) {
      const bag = bags[d]!;
      if (bag.words.length === 0) continue;
      addDoc(model, bag, labels[d]!, -1);
      let max = -Infinity;
      // Every empty cluster gives the same value: compute it once.
      let emptyLog = NaN;
      for (let z = 0; z < clusters; z++) {
        if (model.docs[z]! <= 0) {
          if (Number.isNaN(emptyLog)) emptyLog = logPosterior(model, bag, z);
          logs[z] = emptyLog;
        } else logs[z] = logPosterior(model, bag, z);
        if (logs[z]! > max) max = logs[z]!;
      }
      let chosen = 0;
      if (greedy) {
        for (let z = 1; z < clusters; z++) if (logs[z]! > logs[chosen]!) chosen = z;
      } else {
        let total = 0;
        for (let z = 0; z < clusters; z++) total += logs[z] = Math.exp(logs[z]! - max);
        let u = next() * total;
        for (chosen = 0; chosen < clusters - 1; chosen++) {
          u -= logs[chosen]!;
          if (u <= 0) break;
        }
      }
      if (chosen !== labels[d]) moved++;
      labels[d] = chosen;
      addDoc(model, bag, chosen, 1);
    }
    if (greedy && moved === 0) break;
  }
  return { model, labels };
}

/** Most probable cluster for a bag under a fitted model, restricted to `allowed` clusters. */
export function mostLikely(
  model: DmmModel,
  bag: BagOfWords,
  allowed: ArrayLike<number>,
): { cluster: number; mean: number; total: number } {
  let best = -1;
  let bestLog = -Infinity;
  let emptySeen = false;
  for (let i = 0; i < allowed.length; i++) {
    const z = allowed[i]!;
    if (model.docs[z]! <= 0) {
      if (emptySeen) continue;
      emptySeen = true;
    }
    const log = logPosterior(model, bag, z);
    if (log > bestLog) {
      bestLog = log;
      best = z;
    }
  }
  return {
    cluster: best,
    ...(best >= 0 ? evidence(model, bag, best) : { mean: -Infinity, total: -Infinity }),
  };
}

/**
 * How much more likely the comment's words are in cluster z than in the corpus as a whole: `mean` is the
 * log ratio per feature (nats), `total` its sum. A comment belongs to a theme when both are clearly
 * positive: one stray shared word ("run") is not enough.
 */
export function evidence(model: DmmModel, bag: BagOfWords, z: number): { mean: number; total: number } {
  const { beta, vocabulary } = model;
  const base = z * vocabulary;
  const clusterDenominator = model.mass[z]! + vocabulary * beta;
  const backgroundDenominator = model.totalMass + vocabulary * beta;
  let sum = 0;
  let length = 0;
  for (let i = 0; i < bag.words.length; i++) {
    const w = bag.words[i]!;
    const inCluster = (model.wordCounts[base + w]! + beta) / clusterDenominator;
    const overall = (model.background[w]! + beta) / backgroundDenominator;
    sum += bag.counts[i]! * Math.log(inCluster / overall);
    length += bag.counts[i]!;
  }
  return length > 0 ? { mean: sum / length, total: sum } : { mean: -Infinity, total: -Infinity };
}
