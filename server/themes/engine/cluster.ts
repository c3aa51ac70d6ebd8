import {
  addDoc,
  emptyModel,
  evidence,
  fitDmm,
  logLikelihood,
  meaningLog,
  mergeClusters,
  mergeGain,
  mostLikely,
  type BagOfWords,
  type DmmModel,
} from './dmm.ts';
import { seededRandom } from '../../seeded-random.ts';

// From bags to themes, fast at any size:
//  1. from a random start, fit the mixture (GSDMM) on a sample of at most `sampleSize` distinct comments,
//     a few restarts, keeping the most likely fit — the sampler itself settles on how many themes there
//     are; 2. assign every other comment to its most likely theme and polish with two greedy sweeps
//     (linear in the number of comments: no pairwise comparison anywhere);
//  1–2 from the previous themes instead (a warm start, `initial`): every comment starts where it was,
//     the new ones clustered among themselves (seeded), the rest where they fit best, then greedy sweeps
//     until none moves — so the same input gives the same themes and a small change moves few comments;
//  3. join clusters the sampler left split when one cluster explains them better (see `mergeGain`);
//  4. themes smaller than `minSize` (their most-posted text counted once) are dissolved; a comment whose
//     words are not clearly more likely in its theme than in the corpus as a whole (lift below `minLift`,
//     judged as one comment however often it was posted) stays unclustered.

export interface ClusterOptions {
  minSize: number;
  seed: number;
  sampleSize?: number;
  maxClusters?: number;
  restarts?: number;
  /** Mean log-ratio per feature (nats) a comment needs to belong to a theme. */
  minLift?: number;
  /** Total log-ratio (nats) a comment needs to belong to a theme. */
  minEvidence?: number;
  alpha?: number;
  beta?: number;
  /** Weight of comment meanings (word vectors) against words; used only when bags carry meanings. */
  kappa?: number;
  /**
   * The theme each bag was in last time (−1: in none; `NEW`: new since): the sampler starts from there instead of
   * at random, so a recompute after a small change finds the same themes with the same comments (and a
   * save writes only what changed), while empty clusters left over still let new topics form.
   */
  initial?: Int32Array;
  /** Bags left out of the clustering (a moderator placed all their comments): labelled −1. */
  excluded?: Uint8Array;
}

export interface ThemeClustering {
  /** Theme per bag, −1 unclustered. */
  labels: Int32Array;
  /** How typical each bag is of its theme (total log-ratio): ranks quotes. */
  lifts: Float32Array;
  /** The mixture over the kept themes only (theme t is cluster t), for assigning new comments. */
  model: DmmModel;
  minLift: number;
  minEvidence: number;
}

export const DEFAULT_MIN_LIFT = 0.25;
/** Empty clusters a warm start keeps beside the previous themes, for topics that are new. */
const WARM_ROOM = 5;
/** In `initial`: a comment new since the previous themes (−1: one that was in none). */
export const NEW = -2;
/** Most greedy sweeps of a warm start (they stop once no comment moves; 2–4 do in practice). */
const WARM_SWEEPS = 8;
export const DEFAULT_MIN_EVIDENCE = 1.5;
/** Distinct comments the sampler fits from a random start (the rest join the fit). */
const DEFAULT_SAMPLE = 1500;
/** Clusters the sampler may use for n comments: it leaves the ones it does not need empty. */
const defaultClusters = (n: number) => Math.max(10, Math.min(40, Math.round(n / 8)));
/** Chosen on the labelled corpus (10, 15 and 20 are within 0.02 NMI); see bench/themes-quality.ts. */
export const DEFAULT_KAPPA = 10;

const belongs = (e: { mean: number; total: number }, minLift: number, minEvidence: number) =>
  e.mean >= minLift && e.total >= minEvidence;

/**
 * Clusters big enough to be a theme: at least `minSize` comments with their most-posted text counted
 * once, in at least two different texts. One text posted twelve times and three comments that share a
 * word with it are not a theme; the same text and three comments about the same thing are.
 */
function standing(
  bags: BagOfWords[],
  labels: Int32Array,
  usable: number[],
  clusters: number,
  minSize: number,
  leftOut?: Uint8Array,
): number[] {
  const weight = new Float64Array(clusters);
  const heaviest = new Float64Array(clusters);
  const distinct = new Float64Array(clusters);
  for (const d of usable) {
    const z = labels[d]!;
    if (z < 0 || leftOut?.[d]) continue;
    const copies = bags[d]!.copies ?? bags[d]!.weight;
    weight[z]! += copies;
    heaviest[z] = Math.max(heaviest[z]!, copies);
    distinct[z]!++;
  }
  const result: number[] = [];
  for (let z = 0; z < clusters; z++)
    if (distinct[z]! >= 2 && weight[z]! - Math.max(0, heaviest[z]! - 1) >= minSize) result.push(z);
  return result;
}

/**
 * `evidence` for a comment in cluster z (where it is counted), judged as one comment however many times
 * it was posted: its copies do not vouch for each other. Counted in full, a text posted twelve times made
 * up most of its own evidence, and joined a theme it shared one common word with ("help": the demo's
 * twelve identical pulse answers about targets in the car-park theme).
 */
function evidenceAsOne(model: DmmModel, bag: BagOfWords, z: number): { mean: number; total: number } {
  if (bag.weight <= 1) return evidence(model, bag, z);
  const copies = { ...bag, weight: bag.weight - 1 };
  addDoc(model, copies, z, -1);
  const judged = evidence(model, bag, z);
  addDoc(model, copies, z, 1);
  return judged;
}

function jointLogLikelihood(model: DmmModel, bags: BagOfWords[], labels: Int32Array): number {
  let total = 0;
  bags.forEach((bag, d) => {
    if (bag.words.length > 0)
      total +=
        bag.weight *
        (Math.log(model.docs[labels[d]!]! + model.alpha) +
          logLikelihood(model, bag, labels[d]!) +
          meaningLog(model, bag, labels[d]!));
  });
  return total;
}

export function clusterBags(
  bags: BagOfWords[],
  vocabulary: number,
  options: ClusterOptions,
): ThemeClustering {
  const n = bags.length;
  const alpha = options.alpha ?? 0.1;
  const beta = options.beta ?? 0.2;
  const minLift = options.minLift ?? DEFAULT_MIN_LIFT;
  const minEvidence = options.minEvidence ?? DEFAULT_MIN_EVIDENCE;
  const kappa = options.kappa ?? DEFAULT_KAPPA;
  const meaning = { dimensions: bags.find((bag) => bag.meaning)?.meaning?.length ?? 0, kappa };
  const usable: number[] = [];
  for (let d = 0; d < n; d++) if (bags[d]!.words.length > 0 && !options.excluded?.[d]) usable.push(d);

  const warm = options.initial && usable.some((d) => options.initial![d]! >= 0) ? options.initial : undefined;
  const fitted = warm
    ? warmFit(bags, usable, warm, vocabulary, {
        alpha,
        beta,
        meaning,
        maxClusters: options.maxClusters,
        sampleSize: options.sampleSize ?? DEFAULT_SAMPLE,
        seed: options.seed,
      })
    : coldFit(bags, usable, vocabulary, options, { alpha, beta, kappa, meaning });
  if (!fitted)
    return {
      labels: new Int32Array(n).fill(-1),
      lifts: new Float32Array(n),
      model: emptyModel(0, vocabulary, alpha, beta, meaning),
      minLift,
      minEvidence,
    };
  const { model, labels } = fitted;
  const maxClusters = model.clusters;

  // 3. Join what the fit left split.
  joinSplitClusters(model, labels, usable);

  // 4. Keep themes big enough (and not one comment repeated); place or drop the rest.
  const kept = standing(bags, labels, usable, maxClusters, options.minSize);
  const keptSet = new Set(kept);
  for (const d of usable) {
    if (keptSet.has(labels[d]!)) continue;
    addDoc(model, bags[d]!, labels[d]!, -1);
    labels[d] = -1;
  }
  const lifts = new Float32Array(n);
  const weak = new Uint8Array(n);
  const orphans: number[] = [];
  for (const d of usable) {
    if (labels[d] === -1) {
      orphans.push(d);
      continue;
    }
    const e = evidenceAsOne(model, bags[d]!, labels[d]!);
    lifts[d] = e.total;
    if (!belongs(e, minLift, minEvidence)) weak[d] = 1;
  }
  // An orphan is judged as a member is: with its own words in the theme (judged from outside it, it
  // would need more evidence than the members it joins, and a run from a start where it was a member
  // would keep it where this one drops it).
  const place = (d: number, among: number[]) => {
    if (among.length === 0) return;
    const { cluster } = mostLikely(model, bags[d]!, among);
    addDoc(model, bags[d]!, cluster, 1);
    const placed = evidenceAsOne(model, bags[d]!, cluster);
    lifts[d] = placed.total;
    if (belongs(placed, minLift, minEvidence)) labels[d] = cluster;
    else addDoc(model, bags[d]!, cluster, -1);
  };
  for (const d of orphans) place(d, kept);

  // A theme its weakly attached comments leave too small (twelve copies of one text and the comment they
  // joined) is dissolved too; its other comments are placed among the themes that stand, as orphans are.
  const stands = new Set(standing(bags, labels, usable, maxClusters, options.minSize, weak));
  const survivors = kept.filter((z) => stands.has(z));
  if (survivors.length < kept.length)
    for (const d of usable) {
      const z = labels[d]!;
      if (z < 0 || stands.has(z)) continue;
      addDoc(model, bags[d]!, z, -1);
      labels[d] = -1;
      if (!weak[d]) place(d, survivors);
    }

  // Compact: theme t of the result is cluster survivors[t]; weakly attached comments become unclustered.
  const slot = new Map(survivors.map((z, t) => [z, t]));
  const compact = emptyModel(survivors.length, vocabulary, alpha, beta, meaning);
  for (const d of usable) {
    const z = labels[d]!;
    if (z < 0) continue;
    if (weak[d] || !slot.has(z)) {
      labels[d] = -1;
      continue;
    }
    labels[d] = slot.get(z)!;
    addDoc(compact, bags[d]!, labels[d]!, 1);
  }
  // How typical each comment is, against the themes as they came out: the same themes give the same
  // lifts, however the run got there (comments dissolved or dropped on the way no longer weigh in).
  for (const d of usable) if (labels[d]! >= 0) lifts[d] = evidenceAsOne(compact, bags[d]!, labels[d]!).total;
  return { labels, lifts, model: compact, minLift, minEvidence };
}

/** Moves each comment to its most likely cluster, up to `sweeps` times or until none moves. */
function greedySweeps(
  model: DmmModel,
  bags: BagOfWords[],
  labels: Int32Array,
  usable: number[],
  sweeps: number,
): void {
  const all = Int32Array.from({ length: model.clusters }, (_, z) => z);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let moved = 0;
    for (const d of usable) {
      addDoc(model, bags[d]!, labels[d]!, -1);
      const { cluster } = mostLikely(model, bags[d]!, all);
      if (cluster !== labels[d]) moved++;
      labels[d] = cluster;
      addDoc(model, bags[d]!, cluster, 1);
    }
    if (moved === 0) break;
  }
}

/**
 * From a random start: the mixture is fitted on a sample (a few restarts, the most likely kept), every
 * other comment joins its most likely cluster, then two greedy sweeps over all.
 */
function coldFit(
  bags: BagOfWords[],
  usable: number[],
  vocabulary: number,
  options: ClusterOptions,
  prior: { alpha: number; beta: number; kappa: number; meaning: { dimensions: number; kappa: number } },
): { model: DmmModel; labels: Int32Array } | null {
  const next = seededRandom(options.seed);
  const sample = usable.slice();
  for (let i = sample.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sample[i], sample[j]] = [sample[j]!, sample[i]!];
  }
  sample.length = Math.min(sample.length, options.sampleSize ?? DEFAULT_SAMPLE);
  sample.sort((a, b) => a - b);
  const sampleBags = sample.map((d) => bags[d]!);
  const maxClusters = options.maxClusters ?? defaultClusters(sample.length);
  let best: { model: DmmModel; labels: Int32Array; score: number } | null = null;
  const restarts = options.restarts ?? (sample.length <= 1000 ? 5 : 1);
  for (let restart = 0; restart < restarts; restart++) {
    const fit = fitDmm(sampleBags, vocabulary, {
      maxClusters,
      alpha: prior.alpha,
      beta: prior.beta,
      kappa: prior.kappa,
      seed: options.seed + 7919 * restart,
    });
    const score = jointLogLikelihood(fit.model, sampleBags, fit.labels);
    if (!best || score > best.score) best = { ...fit, score };
  }
  if (!best) return null;
  const model = best.model;
  const labels = new Int32Array(bags.length).fill(-1);
  sample.forEach((d, i) => (labels[d] = best!.labels[i]!));
  const all = Int32Array.from({ length: maxClusters }, (_, z) => z);
  const inSample = new Uint8Array(bags.length);
  for (const d of sample) inSample[d] = 1;
  for (const d of usable) {
    if (inSample[d]) continue;
    labels[d] = mostLikely(model, bags[d]!, all).cluster;
    addDoc(model, bags[d]!, labels[d]!, 1);
  }
  greedySweeps(model, bags, labels, usable, 2);
  return { model, labels };
}

/**
 * From the previous themes: every comment (no sample) starts in the cluster it was in, the new ones in
 * clusters of their own (see below), the rest in their most likely cluster (an empty one if none fits),
 * then greedy sweeps until none moves. The same comments from the same start give the same clusters, so
 * a run right after a run changes nothing; a small change moves few comments.
 */
function warmFit(
  bags: BagOfWords[],
  usable: number[],
  initial: Int32Array,
  vocabulary: number,
  prior: {
    alpha: number;
    beta: number;
    meaning: { dimensions: number; kappa: number };
    maxClusters?: number;
    sampleSize: number;
    seed: number;
  },
): { model: DmmModel; labels: Int32Array } {
  let previousCount = 0;
  for (const d of usable) previousCount = Math.max(previousCount, initial[d]! + 1);
  // New comments (−2) are clustered among themselves first (seeded, so the same ones cluster the same
  // way every run): a topic that is new forms a cluster of its own, rather than each of its comments
  // joining whichever old theme is least unlike it. The greedy sweeps and the join below then fold a new
  // cluster into an old theme when one cluster explains them better. Comments that were in no theme
  // (−1) are not: clustered among themselves every run, the weak ones would form clusters that pull
  // comments out of the themes, and two runs from the same start would no longer agree.
  const fresh = usable.filter((d) => initial[d] === NEW);
  const fitted = fresh.slice(0, prior.sampleSize);
  const freshClusters = fitted.length < 2 ? 0 : defaultClusters(fitted.length);
  const freshFit =
    freshClusters > 0
      ? fitDmm(
          fitted.map((d) => bags[d]!),
          vocabulary,
          {
            maxClusters: freshClusters,
            alpha: prior.alpha,
            beta: prior.beta,
            kappa: prior.meaning.kappa,
            seed: prior.seed,
          },
        ).labels
      : new Int32Array(0);
  const maxClusters = Math.max(prior.maxClusters ?? 0, previousCount + freshClusters + WARM_ROOM);
  const model = emptyModel(maxClusters, vocabulary, prior.alpha, prior.beta, prior.meaning);
  const labels = new Int32Array(bags.length).fill(-1);
  for (const d of usable)
    if (initial[d]! >= 0) {
      labels[d] = initial[d]!;
      addDoc(model, bags[d]!, labels[d]!, 1);
    }
  fitted.forEach((d, i) => {
    labels[d] = previousCount + freshFit[i]!;
    addDoc(model, bags[d]!, labels[d]!, 1);
  });
  const all = Int32Array.from({ length: maxClusters }, (_, z) => z);
  for (const d of usable)
    if (labels[d]! < 0) {
      labels[d] = mostLikely(model, bags[d]!, all).cluster;
      addDoc(model, bags[d]!, labels[d]!, 1);
    }
  greedySweeps(model, bags, labels, usable, WARM_SWEEPS);
  return { model, labels };
}

/** Greedily joins the pair of clusters whose union is most likely, while any pair gains. */
function joinSplitClusters(model: DmmModel, labels: Int32Array, usable: number[]): void {
  const k = model.clusters;
  const gains = new Float64Array(k * k).fill(-Infinity);
  const zs = Array.from({ length: k }, (_, z) => z).filter((z) => model.docs[z]! > 0);
  for (let i = 0; i < zs.length; i++)
    for (let j = i + 1; j < zs.length; j++) gains[zs[i]! * k + zs[j]!] = mergeGain(model, zs[i]!, zs[j]!);
  for (;;) {
    let best = -1;
    for (let cell = 0; cell < gains.length; cell++)
      if (gains[cell]! > 0 && (best < 0 || gains[cell]! > gains[best]!)) best = cell;
    if (best < 0) return;
    const [into, from] = [Math.floor(best / k), best % k];
    mergeClusters(model, into, from);
    for (const d of usable) if (labels[d] === from) labels[d] = into;
    for (let z = 0; z < k; z++) {
      gains[z * k + from] = gains[from * k + z] = -Infinity;
      if (z === into) continue;
      const gain = model.docs[z]! > 0 ? mergeGain(model, Math.min(z, into), Math.max(z, into)) : -Infinity;
      gains[Math.min(z, into) * k + Math.max(z, into)] = gain;
    }
  }
}

/** A new comment against an existing clustering (incremental updates). */
export function assignBag(clustering: ThemeClustering, bag: BagOfWords): { theme: number; lift: number } {
  if (bag.words.length === 0 || clustering.model.clusters === 0) return { theme: -1, lift: -Infinity };
  const themes = Int32Array.from({ length: clustering.model.clusters }, (_, t) => t);
  const placed = mostLikely(clustering.model, bag, themes);
  return {
    theme: belongs(placed, clustering.minLift, clustering.minEvidence) ? placed.cluster : -1,
    lift: placed.total,
  };
}
