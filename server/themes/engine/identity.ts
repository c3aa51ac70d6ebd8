// Stable theme ids across recomputes: a new theme takes the id of the previous theme it most resembles
// (shared comments first, then shared vocabulary), one to one, when the resemblance is clear.

export interface ThemeFingerprint {
  itemIds: string[];
  /** A previous theme it must not take the id of (a split part: the theme it was split from). */
  notId?: string;
  /** Feature → weight (its top keywords). */
  signature: Record<string, number>;
}

export interface PreviousTheme extends ThemeFingerprint {
  id: string;
  /** Its label and trend last time: kept while its content has not really changed. */
  label?: string;
  trend?: 'emerging' | 'rising' | 'steady' | 'fading';
}

/** Resemblance above which a matched theme is "the same content": it keeps its label too. */
export const SAME_CONTENT = 0.55;

export const MATCH_THRESHOLD = 0.3;

/** Shared / all of two sets of strings (`b` without repeats); 0 when either is empty. */
export function jaccard(a: Set<string>, b: readonly string[]): number {
  if (a.size === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const id of b) if (a.has(id)) shared++;
  return shared / (a.size + b.length - shared);
}

function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, value] of Object.entries(a)) {
    na += value * value;
    const other = b[key];
    if (other !== undefined) dot += value * other;
  }
  for (const value of Object.values(b)) nb += value * value;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function resemblance(
  previous: ThemeFingerprint,
  next: ThemeFingerprint,
  previousItems = new Set(previous.itemIds),
): number {
  const items = jaccard(previousItems, next.itemIds);
  const words = cosine(previous.signature, next.signature);
  // Containment matters too: a theme that grew keeps most of its old comments.
  let kept = 0;
  for (const id of next.itemIds) if (previousItems.has(id)) kept++;
  const containment = previousItems.size === 0 ? 0 : kept / previousItems.size;
  return 0.45 * Math.max(items, 0.8 * containment) + 0.55 * words;
}

/** Ids for `next` themes: matched ones reuse a previous id, others get `newId()`. */
export function matchIds(previous: PreviousTheme[], next: ThemeFingerprint[], newId: () => string): string[] {
  return matchThemes(previous, next, newId).map((match) => match.id);
}

/** Like matchIds, with the previous theme each one matched and how closely. */
export function matchThemes(
  previous: PreviousTheme[],
  next: ThemeFingerprint[],
  newId: () => string,
): Array<{ id: string; previous: PreviousTheme | null; score: number }> {
  const pairs: Array<{ p: number; n: number; score: number }> = [];
  previous.forEach((old, p) => {
    const oldItems = new Set(old.itemIds);
    next.forEach((theme, n) => {
      if (theme.notId === old.id) return;
      const score = resemblance(old, theme, oldItems);
      if (score >= MATCH_THRESHOLD) pairs.push({ p, n, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const matched: Array<{ p: number; score: number } | null> = next.map(() => null);
  const used = new Set<number>();
  for (const { p, n, score } of pairs) {
    if (used.has(p) || matched[n] !== null) continue;
    used.add(p);
    matched[n] = { p, score };
  }
  return matched.map((match) =>
    match
      ? { id: previous[match.p]!.id, previous: previous[match.p]!, score: match.score }
      : { id: newId(), previous: null, score: 0 },
  );
}
