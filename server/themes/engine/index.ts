import { randomUUID } from 'node:crypto';
import { resolveTheme, resolveThemes, type ThemeCorrection } from './corrections.ts';
import { assignBag, clusterBags, NEW, type ThemeClustering } from './cluster.ts';
import { addDoc, type BagOfWords } from './dmm.ts';
import { domainConcepts, type ConceptMap } from './domain.ts';
import { matchThemes, SAME_CONTENT, type PreviousTheme } from './identity.ts';
import { corpusStatistics, describe, shareAWord, type CorpusStatistics } from './label.ts';
import { noLexicon, type Lexicon } from './lexicon.ts';
import { createPreprocessor, type Preprocessor, type ProcessedText } from './preprocess.ts';
import { coreFrom, pickQuotes, vocabularyOf } from './quotes.ts';
import { quote } from './redact.ts';
import { sentimentOf, toneDistribution, type ToneDistribution } from './sentiment.ts';
import {
  countDays,
  dailyCounts,
  trendOf,
  typicalFor,
  typicalShares,
  type TypicalShares,
  type DayCounts,
  type Trend,
  type TrendTest,
} from './trend.ts';
import { buildFeatureSpace, toBag, type FeatureSpace } from './vectors.ts';

// The themes engine: comments in, themes out. Pure apart from the NLP model it loads; no database,
// no network. Used by the server's recompute job, the analyst CLI and the quality benchmark.

export type { Trend, TrendTest } from './trend.ts';
export type { PreviousTheme } from './identity.ts';
export type { ToneDistribution } from './sentiment.ts';
export type { ThemeCorrection } from './corrections.ts';

export interface ThemeItem {
  id: string;
  text: string;
  /** 'YYYY-MM-DD'; undated comments count in themes but not in trends. */
  day?: string | null;
  /** Only published comments are quoted (defaults to true). */
  published?: boolean;
}

export interface ThemeOptions {
  lexicon?: Lexicon;
  concepts?: ConceptMap;
  preprocessor?: Preprocessor;
  /** Trends are measured against this day (default: the latest day among the items). */
  asOf?: string;
  windowDays?: number;
  /** Length of each theme's daily series. */
  dailyDays?: number;
  minThemeSize?: number;
  seed?: number;
  /** Themes of the previous computation, so surviving themes keep their ids. */
  previous?: PreviousTheme[];
  /**
   * Start the clustering from the previous themes' comments instead of at random (greedy sweeps from
   * there, over every comment, no random draw): the same comments give the same themes, and a small
   * change moves few comments (1 % added to 3,000: none moved and every theme kept its id; from a random
   * start 2,416 moved and 18 of 38 ids were kept).
   */
  warmStart?: boolean;
  /**
   * With a warm start, the comments new since the previous themes: they are clustered among themselves
   * first, so a new topic can form a theme of its own (the others start where they were, or where they
   * fit best).
   */
  added?: Iterable<string>;
  /** Moderator corrections, applied as constraints on every computation. */
  corrections?: ThemeCorrection[];
  newId?: () => string;
  quoteCount?: number;
  sampleSize?: number;
  minLift?: number;
}

export interface Quote {
  itemId: string;
  text: string;
}

export interface Theme {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  itemIds: string[];
  trend: Trend;
  test: TrendTest;
  /** Mean sentiment of its comments, −1…1. */
  sentiment: number;
  /** Shares of its comments that are positive, neutral and negative. */
  tone: ToneDistribution;
  daily: Array<{ day: string; count: number }>;
  quotes: Quote[];
  signature: Record<string, number>;
  /** A moderator pinned it: listed first. */
  pinned: boolean;
}

/** A theme hidden as noise: in no result, but its comments are known, for when the hide is undone. */
export interface HiddenTheme {
  id: string;
  itemIds: string[];
}

export interface ThemesResult {
  themes: Theme[];
  /** Themes hidden as noise, with the comments they hold (theirs are among `unclustered` too). */
  hidden: HiddenTheme[];
  unclustered: string[];
  asOf: string | null;
}

interface ItemState {
  id: string;
  text: string;
  day: string | null;
  published: boolean;
  doc: number;
  /** The clustering's theme (−1: unclustered); the model's counts follow this. */
  theme: number;
  lift: number;
  /** Where a moderator's move or split put it (index into the themes), overriding `theme`. */
  home?: number;
}

interface ThemeState {
  id: string;
  label: string;
  /** Where the label came from: the moderator's rename, the theme's previous label, or this computation. */
  labelFrom?: 'moderator' | 'previous';
  /** Other names for it, best first (`Description.alternatives`), and the name this computation gave it. */
  alternatives: string[];
  computedLabel: string;
  keywords: string[];
  signature: Record<string, number>;
  items: Set<string>;
  summary: Theme | null;
  /** Its comments per day, kept between results until its comments change (see `#daysOf`). */
  days?: DayCounts;
  /** The trend it had last time, when its content has not really changed since. */
  previousTrend?: Trend;
  pinned?: boolean;
  /** Hidden as noise by a moderator: not shown, its comments count as unclustered. */
  hidden?: boolean;
  /** Merged by a moderator into this theme (index): its comments, present and future, belong there. */
  mergedInto?: number;
}

const TREND_ORDER: Record<Trend, number> = { emerging: 0, rising: 1, steady: 2, fading: 3 };

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The comments in an order of their own, so the themes do not depend on the order a query happened to
 * return them in: two nodes, or two runs, reading the same comments agree. By day (as an export would
 * come), then by a hash of the text (well mixed within a day), then by id.
 */
function canonicalOrder(items: ThemeItem[]): ThemeItem[] {
  const keyed = items.map((item) => ({ item, day: item.day ?? '', key: fnv1a(normalise(item.text)) }));
  keyed.sort(
    (a, b) =>
      (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
      a.key - b.key ||
      (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  return keyed.map(({ item }) => item);
}

/**
 * A 53-bit key for a (normalised) text: FNV-1a and a second, independently mixed 32-bit hash, of which 21
 * bits are kept (a double holds 53 exactly). Not for security: a collision only costs a comparison.
 */
function textKey(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (b >>> 11) * 2 ** 32 + (a >>> 0);
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a cheap, well-mixed order key (not for security). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * What a text posted `copies` times weighs in the clustering and in a label: more than once (twelve people
 * said it), far less than twelve times (it is one thing said). Counted once a copy, the demo's templated
 * customer feedback (a text posted 28 times) pulled unrelated comments into its theme through one shared
 * word ("followed up": a theme "Email"), and split the themes of texts it did not share ("Mortgage offer"
 * three times). Counted once per copy in the theme against a corpus that
 * counted it once, its words looked twelve times as distinctive as they were: the demo's twelve identical
 * pulse answers about targets named a theme of fourteen different car-park comments "Targets". Counted
 * once, two texts posted 25 and 9 times ("Love the new app…", "Online banking was down…") named their
 * theme by the one word they share, "Pay".
 */
const echoWeight = (copies: number | undefined) => 1 + Math.log(copies ?? 1);

/**
 * What a theme's edge weighs in ranking its names, against its core's 1. Measured on the tuning sets and
 * the workplace corpus (three seeds each, 115 themes; a label is right when each of its parts is used most,
 * by share of comments, in the theme's majority gold theme): edge at 1, 89 right; 0.7, 91; 0.5, 95; 0.3,
 * 95; 0, 91.
 */
const EDGE_WEIGHT = 0.5;

const preprocessors = new WeakMap<Lexicon, Preprocessor>();

/** One preprocessor per lexicon (the wink model is loaded once). */
export function preprocessorFor(lexicon: Lexicon): Preprocessor {
  let preprocessor = preprocessors.get(lexicon);
  if (!preprocessor) preprocessors.set(lexicon, (preprocessor = createPreprocessor(lexicon)));
  return preprocessor;
}
let sharedConcepts: ConceptMap | null = null;

export const defaultMinThemeSize = (n: number) => Math.max(4, Math.round(n * 0.012));

/** A computed set of themes that can take in new and withdrawn comments without starting over. */
export class ThemeModel {
  readonly #options: Required<Pick<ThemeOptions, 'windowDays' | 'dailyDays' | 'quoteCount'>> & ThemeOptions;
  readonly #preprocessor: Preprocessor;
  /** Processed comments, while the themes are computed (see `#docFor`). */
  readonly #docs: ProcessedText[] = [];
  #computed = false;
  readonly #bags: BagOfWords[] = [];
  /**
   * Per distinct comment: how many of its copies the clustering model counts, and in which theme (every
   * copy of a text in the same one). The model holds `echoWeight(n)` for n copies, so an update adds or
   * takes out the difference one copy makes — a campaign pasted 30 times between two computations weighs
   * 1 + ln 30 as it would in a computation, not 30.
   */
  readonly #counted: number[] = [];
  readonly #countedIn: number[] = [];
  readonly #sentiments: number[] = [];
  /**
   * Distinct comments by a 53-bit hash of their normalised text (`textKey`), each with the text it was
   * first seen as, to tell a collision from a duplicate. Keyed by the normalised text itself, the map held
   * a second copy of every comment (~170 bytes a comment of a model's ~1.4 KB, measured on 20k).
   */
  readonly #docByText = new Map<number, number>();
  readonly #docText: string[] = [];
  readonly #items = new Map<string, ItemState>();
  readonly #themes: ThemeState[] = [];
  /** Comments per day over all items, to know the period without scanning every item. */
  readonly #allDays = new Map<string, number>();
  readonly #unclustered = new Set<string>();
  #space!: FeatureSpace;
  #clustering!: ThemeClustering;
  #asOf: string | null = null;
  #firstDay: string | null = null;
  /** How much the typical theme grew (see trend.ts `typicalShares`), when the themes were last summarised. */
  #typical: TypicalShares | null = null;

  private constructor(options: ThemeOptions) {
    this.#options = { windowDays: 14, dailyDays: 90, quoteCount: 3, ...options };
    const lexicon = options.lexicon ?? noLexicon;
    this.#preprocessor = options.preprocessor ?? preprocessorFor(lexicon);
  }

  static compute(items: ThemeItem[], options: ThemeOptions = {}): ThemeModel {
    const model = new ThemeModel(options);
    model.#computeAll(canonicalOrder(items));
    return model;
  }

  /**
   * The index of a text's distinct comment, processing it if new. While the themes are computed its
   * processed form is kept (the feature space and the labels read it); afterwards only its bag is: the
   * tokens and phrases were ~40 % of a model's memory and nothing reads them again (a correction or a
   * full run computes from the text).
   */
  #docFor(text: string): number {
    const normalised = normalise(text);
    let key = textKey(normalised);
    let index = this.#docByText.get(key);
    // A different text under the same key (one in ~10¹⁰ pairs): the next free key is this one's.
    while (index !== undefined && normalise(this.#docText[index]!) !== normalised)
      index = this.#docByText.get(++key);
    if (index === undefined) {
      index = this.#sentiments.length;
      const doc = this.#preprocessor.process(text);
      this.#sentiments.push(sentimentOf(doc));
      this.#docByText.set(key, index);
      this.#docText.push(text);
      if (this.#computed) this.#bags[index] = toBag(this.#space, doc, 1);
      else this.#docs.push(doc);
    }
    return index;
  }

  #computeAll(input: ThemeItem[]): void {
    const lexicon = this.#options.lexicon ?? noLexicon;
    const concepts = this.#options.concepts ?? (sharedConcepts ??= domainConcepts());
    const multiplicity: number[] = [];
    for (const item of input) {
      if (this.#items.has(item.id)) continue;
      const doc = this.#docFor(item.text);
      multiplicity[doc] = (multiplicity[doc] ?? 0) + 1;
      this.#items.set(item.id, {
        id: item.id,
        text: item.text,
        day: item.day ?? null,
        published: item.published ?? true,
        doc,
        theme: -1,
        lift: 0,
      });
      this.#countDay(item.day ?? null, 1);
    }
    this.#space = buildFeatureSpace(this.#docs, { lexicon, concepts });
    this.#docs.forEach((doc, d) => {
      const bag = toBag(this.#space, doc, echoWeight(multiplicity[d]));
      if (bag.weight !== 1) bag.copies = multiplicity[d];
      this.#bags.push(bag);
    });
    this.#clustering = clusterBags(this.#bags, this.#space.names.length, {
      minSize: this.#options.minThemeSize ?? defaultMinThemeSize(this.#items.size),
      seed: this.#options.seed ?? 1,
      sampleSize: this.#options.sampleSize,
      minLift: this.#options.minLift,
      initial: this.#options.warmStart ? this.#warmStart() : undefined,
      excluded: this.#placedByModerators(),
    });
    const themeCount = this.#clustering.model.clusters;
    const members: Array<Set<string>> = Array.from({ length: themeCount }, () => new Set());
    for (const item of this.#items.values()) {
      item.theme = this.#clustering.labels[item.doc]!;
      item.lift = this.#clustering.lifts[item.doc]!;
      if (item.theme >= 0) {
        members[item.theme]!.add(item.id);
        this.#counted[item.doc] = (this.#counted[item.doc] ?? 0) + 1;
        this.#countedIn[item.doc] = item.theme;
      } else this.#unclustered.add(item.id);
    }
    // Merges, moves and splits first, in the order moderators made them, by the comments each theme held
    // at the time: the corrected themes are then described and matched to their previous ids as usual.
    const mergedInto = new Map<number, number>();
    const ownerOf = (t: number) => {
      let owner = t;
      for (let hops = 0; mergedInto.has(owner) && hops < 100; hops++) owner = mergedInto.get(owner)!;
      return owner;
    };
    const anchored = members.map((items) => ({ id: '', items }));
    const splitLabels = new Map<number, string>();
    /** Split parts: the theme each was split from, whose id it must not take. */
    const splitFrom = new Map<number, string>();
    const rehome = (ids: string[], target: number) => {
      for (const id of ids) {
        const item = this.#items.get(id);
        if (!item) continue;
        const from = item.home ?? (item.theme >= 0 ? item.theme : -1);
        if (from >= 0) members[ownerOf(from)]!.delete(id);
        else this.#unclustered.delete(id);
        item.home = target;
        members[target]!.add(id);
      }
    };
    for (const correction of this.#options.corrections ?? []) {
      if (correction.kind === 'merge') {
        const into = resolveTheme(anchored, '', correction.intoAnchorItems);
        if (into < 0) continue;
        for (const from of resolveThemes(anchored, '', correction.anchorItems)) {
          const [source, target] = [ownerOf(from), ownerOf(into)];
          if (source === target) continue;
          for (const id of members[source]!) members[target]!.add(id);
          members[source]!.clear();
          mergedInto.set(source, target);
        }
      } else if (correction.kind === 'move') {
        const into = resolveTheme(anchored, '', correction.intoAnchorItems);
        if (into >= 0) rehome(correction.itemIds, ownerOf(into));
      } else if (correction.kind === 'split') {
        if (!correction.itemIds.some((id) => this.#items.has(id))) continue;
        const part = new Set<string>();
        members.push(part);
        anchored.push({ id: '', items: part });
        rehome(correction.itemIds, members.length - 1);
        if (correction.label) splitLabels.set(members.length - 1, correction.label);
        splitFrom.set(members.length - 1, correction.themeId);
      }
    }
    const statistics = corpusStatistics(this.#docs, multiplicity.map(echoWeight));
    const descriptions = members.map((ids) => this.#describe(ids, statistics));
    // A theme merged away keeps no id: its old id must not pass to some other theme.
    const mergedAway = new Set(
      (this.#options.corrections ?? []).flatMap((c) => (c.kind === 'merge' ? [c.themeId] : [])),
    );
    const matches = matchThemes(
      (this.#options.previous ?? []).filter((theme) => !mergedAway.has(theme.id)),
      descriptions.map((description, t) => ({
        itemIds: [...members[t]!],
        signature: description.signature,
        notId: splitFrom.get(t),
      })),
      this.#options.newId ?? randomUUID,
    );
    descriptions.forEach((description, t) => {
      const { id, previous, score } = matches[t]!;
      // Same content as last time: same name and, unless the evidence clearly moved, same trend.
      const same = previous !== null && score >= SAME_CONTENT;
      // The old name stays while it still describes the content: each of its words is still among the
      // theme's distinctive terms.
      const terms = new Set(Object.keys(description.signature).flatMap((key) => key.split(' ')));
      const stillFits =
        previous?.label !== undefined &&
        previous.label
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((word) => word && word !== 'and')
          .every((word) => terms.has(word) || terms.has(word.replace(/s$/, '')));
      const keepsLabel = previous?.label !== undefined && (same || stillFits);
      this.#themes.push({
        id,
        ...description,
        label: splitLabels.get(t) ?? (keepsLabel ? previous!.label! : description.label),
        labelFrom: splitLabels.has(t) ? 'moderator' : keepsLabel ? 'previous' : undefined,
        computedLabel: description.label,
        items: members[t]!,
        summary: null,
        previousTrend: same ? previous.trend : undefined,
        mergedInto: mergedInto.get(t),
      });
    });
    this.#applyCorrections();
    this.#tellApart();
    this.#refreshDays();
    this.#docs.length = 0;
    this.#computed = true;
  }

  /**
   * Distinct comments a moderator placed (every comment with that text is named by a move or a split):
   * they stay where the moderator put them, so they take no part in the clustering — otherwise a split
   * theme's comments, starting together in a warm start, would pull others after them, or leave the theme
   * they came from too small to stand.
   */
  #placedByModerators(): Uint8Array | undefined {
    const placed = new Set<string>();
    for (const correction of this.#options.corrections ?? [])
      if (correction.kind === 'move' || correction.kind === 'split')
        for (const id of correction.itemIds) if (this.#items.has(id)) placed.add(id);
    if (placed.size === 0) return undefined;
    const free = new Uint8Array(this.#bags.length);
    for (const item of this.#items.values()) if (!placed.has(item.id)) free[item.doc] = 1;
    const excluded = new Uint8Array(this.#bags.length);
    for (const id of placed) excluded[this.#items.get(id)!.doc] = free[this.#items.get(id)!.doc]! ? 0 : 1;
    return excluded;
  }

  /**
   * Each distinct comment's previous theme (by the previous themes' comments; `NEW` for one in `added`,
   * −1 for one in no theme), or
   * undefined when there were none: the clustering then starts from the previous themes.
   */
  #warmStart(): Int32Array | undefined {
    const previousOf = new Map<string, number>();
    let cluster = 0;
    // In id order: the same previous themes give the same start whichever side listed them.
    const previous = (this.#options.previous ?? []).filter((theme) => theme.itemIds.length > 0);
    for (const theme of previous.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      for (const id of theme.itemIds) previousOf.set(id, cluster);
      cluster++;
    }
    // A theme merged away or hidden starts as a cluster of its own again (the comments it held when the
    // moderator corrected it), and the correction then applies to it as on the first run: started inside
    // the theme it was merged into, its comments would each find another theme more likely and scatter
    // (a merged pair of 32 and 26 comments kept none of the 26 after one run). A hidden theme's comments
    // start together the same way, so the hide finds them as one cluster again.
    for (const correction of this.#options.corrections ?? []) {
      if (correction.kind !== 'merge' && correction.kind !== 'hide') continue;
      if (!correction.anchorItems?.length) continue;
      for (const id of correction.anchorItems) previousOf.set(id, cluster);
      cluster++;
    }
    if (previousOf.size === 0) return undefined;
    const initial = new Int32Array(this.#bags.length).fill(-1);
    const added = new Set(this.#options.added ?? []);
    for (const item of this.#items.values()) if (added.has(item.id)) initial[item.doc] = NEW;
    for (const item of this.#items.values()) {
      const theme = previousOf.get(item.id);
      if (theme !== undefined && initial[item.doc]! < 0) initial[item.doc] = theme;
    }
    return initial;
  }

  /** The theme that holds a cluster's comments (itself, unless a moderator merged it into another). */
  #owner(t: number): number {
    let owner = t;
    for (let hops = 0; this.#themes[owner]!.mergedInto !== undefined && hops < 100; hops++)
      owner = this.#themes[owner]!.mergedInto!;
    return owner;
  }

  /** The theme an item is in now (−1: none): a moderator's placement, else the clustering's, merges followed. */
  #themeOf(item: ItemState): number {
    if (item.home !== undefined) return this.#owner(item.home);
    return item.theme >= 0 ? this.#owner(item.theme) : -1;
  }

  #applyCorrections(): void {
    for (const correction of this.#options.corrections ?? []) {
      if (correction.kind === 'merge' || correction.kind === 'move' || correction.kind === 'split') continue;
      if (correction.kind === 'hide') {
        for (const t of resolveThemes(this.#themes, correction.themeId, correction.anchorItems))
          this.#themes[this.#owner(t)]!.hidden = true;
        continue;
      }
      const t = resolveTheme(this.#themes, correction.themeId, correction.anchorItems);
      if (t < 0) continue;
      const theme = this.#themes[this.#owner(t)]!;
      switch (correction.kind) {
        case 'rename':
          theme.label = correction.label;
          theme.labelFrom = 'moderator';
          break;
        case 'pin':
          theme.pinned = true;
          break;
      }
    }
  }

  /**
   * Themes the computation gave the same name (the demo had three "Mortgage offer"s) are told apart by
   * their next best names: "Mortgage offer and valuation", "Mortgage offer and underwriting team". The one
   * a moderator named, else the one that had the name before, else one with no other name, else the
   * largest, keeps it as it is; a name the moderator gave is never changed. (A theme that kept its old name
   * and now shares it takes the name this computation gave it, when no other theme has that.)
   */
  #tellApart(): void {
    const byName = new Map<string, ThemeState[]>();
    for (const theme of this.#themes) {
      if (theme.items.size === 0 || theme.hidden || theme.mergedInto !== undefined) continue;
      const key = theme.label.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), theme]);
    }
    const taken = new Set(byName.keys());
    const rank = (theme: ThemeState) =>
      theme.labelFrom === 'moderator' ? 2 : theme.labelFrom === 'previous' ? 1 : 0;
    for (const same of byName.values()) {
      if (same.length < 2) continue;
      // The one with no other name keeps the shared one, so that the others can be told from it.
      same.sort(
        (a, b) =>
          rank(b) - rank(a) ||
          Number(a.alternatives.length > 0) - Number(b.alternatives.length > 0) ||
          b.items.size - a.items.size ||
          a.id.localeCompare(b.id),
      );
      for (const theme of same.slice(1)) {
        if (theme.labelFrom === 'moderator') continue;
        // A name that already pairs two ("Health and safety", "Pay and bonus") takes no third.
        const paired = theme.label.includes(' and ')
          ? []
          : theme.alternatives
              .filter((alternative) => !shareAWord(theme.label, alternative))
              .map((alternative) => `${theme.label} and ${alternative}`);
        const name = [...paired, theme.computedLabel].find(
          (candidate) => !taken.has(candidate.toLowerCase()),
        );
        if (!name) continue;
        theme.label = name;
        taken.add(name.toLowerCase());
      }
    }
  }

  /** One more (`sign` 1) or one fewer (−1) of a text's copies in the model, in the theme that counts them. */
  #countCopy(doc: number, theme: number, sign: 1 | -1): void {
    const before = this.#counted[doc] ?? 0;
    const after = before + sign;
    const total = (copies: number) => (copies > 0 ? echoWeight(copies) : 0);
    const weight = Math.abs(total(after) - total(before));
    addDoc(this.#clustering.model, { ...this.#bags[doc]!, weight, copies: 1 }, theme, sign);
    this.#counted[doc] = after;
    this.#countedIn[doc] = theme;
  }

  /**
   * A theme's label, keywords and signature, each distinct text weighed by `echoWeight`, as in the corpus,
   * and the theme's edge at EDGE_WEIGHT in ranking its names: a theme the clustering made of one concern and
   * a few comments of another is named for the concern its core is about, the core its quotes come from.
   * The edge: comments less typical than the median as the clustering measures it (`lifts`: the evidence a
   * comment gives for its theme, summed over its words, so a longer comment tends to weigh in more). A
   * comment a moderator placed (moved, split off) was put there on purpose and has no lift for this theme:
   * it counts in full and is not part of the median.
   */
  #describe(ids: Set<string>, statistics: CorpusStatistics) {
    const copies = new Map<number, number>();
    const placed = new Set<number>();
    for (const id of ids) {
      const item = this.#items.get(id)!;
      copies.set(item.doc, (copies.get(item.doc) ?? 0) + 1);
      if (item.home !== undefined) placed.add(item.doc);
    }
    const liftOf = (doc: number) => this.#clustering.lifts[doc]!;
    const median = coreFrom([...copies.keys()].filter((doc) => !placed.has(doc)).map(liftOf));
    return describe(
      [...copies].map(([doc, count]) => ({
        doc: this.#docs[doc]!,
        weight: echoWeight(count),
        emphasis: !placed.has(doc) && liftOf(doc) < median ? EDGE_WEIGHT : 1,
      })),
      statistics,
    );
  }

  #countDay(day: string | null, delta: 1 | -1): void {
    if (!day) return;
    const count = (this.#allDays.get(day) ?? 0) + delta;
    if (count > 0) this.#allDays.set(day, count);
    else this.#allDays.delete(day);
  }

  /** Recomputes the period; when it moved, every summary is stale. */
  #refreshDays(): boolean {
    let first: string | null = null;
    let last: string | null = null;
    for (const day of this.#allDays.keys()) {
      if (first === null || day < first) first = day;
      if (last === null || day > last) last = day;
    }
    const asOf = this.#options.asOf ?? last;
    const moved = asOf !== this.#asOf || first !== this.#firstDay;
    this.#asOf = asOf;
    this.#firstDay = first;
    if (moved) for (const theme of this.#themes) theme.summary = null;
    return moved;
  }

  /**
   * A theme's comments per day. Every result needs every theme's (the typical theme's growth), so they
   * are kept: an update that places one comment counts again only the theme it touched, not 100k days.
   */
  #daysOf(theme: ThemeState): DayCounts {
    if (theme.days) return theme.days;
    const days: string[] = [];
    for (const id of theme.items) {
      const day = this.#items.get(id)!.day;
      if (day) days.push(day);
    }
    return (theme.days = countDays(days));
  }

  #summarise(theme: ThemeState): Theme {
    const items = [...theme.items].map((id) => this.#items.get(id)!);
    const days = this.#daysOf(theme);
    const asOf = this.#asOf;
    const test: TrendTest =
      asOf && this.#firstDay
        ? trendOf(days, {
            asOf,
            firstDay: this.#firstDay,
            windowDays: this.#options.windowDays,
            totals: this.#allDays,
            ...(this.#typical
              ? {
                  typical: typicalFor(this.#typical, days, {
                    asOf,
                    firstDay: this.#firstDay,
                    windowDays: this.#options.windowDays,
                  }),
                }
              : {}),
            ...(theme.previousTrend ? { previous: theme.previousTrend } : {}),
          })
        : {
            trend: 'steady',
            recent: 0,
            baseline: 0,
            ratio: 1,
            pValue: 1,
            window: 14,
            usual: null,
            overall: null,
          };
    const sentiment =
      items.length === 0
        ? 0
        : items.reduce((sum, item) => sum + this.#sentiments[item.doc]!, 0) / items.length;
    const quotes: Quote[] = pickQuotes(
      items,
      this.#options.quoteCount,
      (item) => item.lift,
      vocabularyOf(theme),
    ).map((item) => ({ itemId: item.id, text: quote(item.text) }));
    return {
      id: theme.id,
      label: theme.label,
      keywords: theme.keywords,
      size: items.length,
      itemIds: items.map((item) => item.id).sort(),
      trend: test.trend,
      test,
      sentiment: Math.round(sentiment * 100) / 100,
      tone: toneDistribution(items.map((item) => this.#sentiments[item.doc]!)),
      daily: asOf ? dailyCounts(days, asOf, this.#options.dailyDays) : [],
      quotes,
      signature: theme.signature,
      pinned: theme.pinned === true,
    };
  }

  /** Themes, most urgent first: emerging, rising, steady, fading; larger first within each. */
  result(): ThemesResult {
    if (this.#themes.some((theme) => theme.summary === null) && this.#asOf && this.#firstDay)
      this.#typical = typicalShares(
        this.#themes
          .filter((theme) => theme.items.size > 0 && !theme.hidden)
          .map((theme) => this.#daysOf(theme)),
        { asOf: this.#asOf, firstDay: this.#firstDay, windowDays: this.#options.windowDays },
      );
    const themes = this.#themes
      .filter((theme) => theme.items.size > 0 && !theme.hidden)
      .map((theme) => (theme.summary ??= this.#summarise(theme)))
      .sort(
        (a, b) =>
          Number(b.pinned) - Number(a.pinned) ||
          TREND_ORDER[a.trend] - TREND_ORDER[b.trend] ||
          b.size - a.size ||
          a.label.localeCompare(b.label),
      );
    const hidden = this.#themes
      .filter((theme) => theme.hidden && theme.items.size > 0)
      .map((theme) => ({ id: theme.id, itemIds: [...theme.items].sort() }));
    return {
      themes,
      hidden,
      unclustered: [...this.#unclustered, ...hidden.flatMap((theme) => theme.itemIds)],
      asOf: this.#asOf,
    };
  }

  /**
   * Incremental update: new comments join their most likely theme (or stay unclustered), withdrawn
   * ones leave; labels and the theme set stay as computed. Only touched themes are summarised again.
   */
  update(change: { added?: ThemeItem[]; removed?: string[]; asOf?: string }): ThemesResult {
    if (change.asOf) this.#options.asOf = change.asOf;
    const touched = new Set<number>();
    for (const id of change.removed ?? []) {
      const item = this.#items.get(id);
      if (!item) continue;
      if (item.theme >= 0) this.#countCopy(item.doc, item.theme, -1);
      const t = this.#themeOf(item);
      if (t >= 0) {
        this.#themes[t]!.items.delete(id);
        touched.add(t);
      }
      this.#unclustered.delete(id);
      this.#countDay(item.day, -1);
      this.#items.delete(id);
    }
    for (const input of change.added ?? []) {
      if (this.#items.has(input.id)) continue;
      const doc = this.#docFor(input.text);
      const placed = assignBag(this.#clustering, { ...this.#bags[doc]!, weight: 1, copies: 1 });
      // A copy of a text the model counts joins its copies (an identical comment is no different).
      const theme = (this.#counted[doc] ?? 0) > 0 ? this.#countedIn[doc]! : placed.theme;
      const lift = placed.lift;
      const item: ItemState = {
        id: input.id,
        text: input.text,
        day: input.day ?? null,
        published: input.published ?? true,
        doc,
        theme,
        lift,
      };
      this.#items.set(item.id, item);
      this.#countDay(item.day, 1);
      if (theme >= 0) {
        this.#countCopy(doc, theme, 1);
        this.#themes[this.#owner(theme)]!.items.add(item.id);
        touched.add(this.#owner(theme));
      } else this.#unclustered.add(item.id);
    }
    for (const t of touched) this.#themes[t]!.days = undefined;
    if (!this.#refreshDays()) for (const t of touched) this.#themes[t]!.summary = null;
    return this.result();
  }

  /**
   * Each comment's theme id (null when unclustered), how central it is to it, and its sentiment: every
   * comment's, or those of `ids` that the model holds (an update places only its new comments).
   */
  memberships(
    ids?: Iterable<string>,
  ): Array<{ itemId: string; themeId: string | null; centrality: number; sentiment: number }> {
    const items = ids ? [...ids].flatMap((id) => this.#items.get(id) ?? []) : [...this.#items.values()];
    return items.map((item) => {
      const t = this.#themeOf(item);
      return {
        itemId: item.id,
        themeId: t >= 0 && !this.#themes[t]!.hidden ? this.#themes[t]!.id : null,
        centrality: Number.isFinite(item.lift) ? Math.round(item.lift * 1000) / 1000 : 0,
        sentiment: this.#sentiments[item.doc]!,
      };
    });
  }

  get size(): number {
    return this.#items.size;
  }

  /** The comments the model holds, as they came in (a full recompute can start from them). */
  items(): ThemeItem[] {
    return [...this.#items.values()].map(({ id, text, day, published }) => ({ id, text, day, published }));
  }
}

/** One-shot convenience: themes of a list of comments. */
export function computeThemes(items: ThemeItem[], options: ThemeOptions = {}): ThemesResult {
  return ThemeModel.compute(items, options).result();
}
