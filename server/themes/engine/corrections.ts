// Moderator corrections, kept by the engine as constraints on every recompute: rename a theme, merge one
// theme into another, move comments to another theme, split comments out into a theme of their own, pin a
// theme to the top, hide a theme as noise. Moves and splits name their comments by id: those comments stay
// where the moderator put them; comments that arrive later are clustered as usual. A correction names the theme by id
// (ids are stable across recomputes) and, for other snapshots of the same comments (the public one has
// its own ids), by the comments it held when the moderator made it: there it applies to the theme that
// holds at least half of them.

export type ThemeCorrection =
  | { kind: 'rename'; themeId: string; label: string; anchorItems?: string[] }
  | {
      kind: 'merge';
      themeId: string;
      intoThemeId: string;
      anchorItems?: string[];
      intoAnchorItems?: string[];
    }
  | { kind: 'pin' | 'hide'; themeId: string; anchorItems?: string[] }
  /** These comments belong to the other theme, whatever the clustering says. */
  | {
      kind: 'move';
      themeId: string;
      intoThemeId: string;
      itemIds: string[];
      anchorItems?: string[];
      intoAnchorItems?: string[];
    }
  /** These comments are a theme of their own (named `label`, else described like any theme). */
  | { kind: 'split'; themeId: string; itemIds: string[]; label?: string; anchorItems?: string[] };

export interface CorrectableTheme {
  id: string;
  items: Set<string>;
}

/** Index of the theme a correction means: by id, else by the comments it was made on. */
export function resolveTheme(
  themes: CorrectableTheme[],
  themeId: string,
  anchorItems: string[] = [],
): number {
  const byId = themeId ? themes.findIndex((theme) => theme.id === themeId) : -1;
  if (byId >= 0) return byId;
  if (anchorItems.length === 0) return -1;
  let best = -1;
  let bestShared = 0;
  themes.forEach((theme, t) => {
    let shared = 0;
    for (const id of anchorItems) if (theme.items.has(id)) shared++;
    if (shared > bestShared) [best, bestShared] = [t, shared];
  });
  return best >= 0 && bestShared >= 0.5 * Math.min(anchorItems.length, themes[best]!.items.size) ? best : -1;
}

/**
 * Every theme a merge or hide means: the one it names, and any other made mostly (≥ half) of the comments
 * it was made on — when a recompute splits them in two, both stay merged or hidden.
 */
export function resolveThemes(
  themes: CorrectableTheme[],
  themeId: string,
  anchorItems: string[] = [],
): number[] {
  const anchors = new Set(anchorItems);
  const result = new Set<number>();
  const named = resolveTheme(themes, themeId, anchorItems);
  if (named >= 0) result.add(named);
  themes.forEach((theme, t) => {
    if (theme.items.size === 0) return;
    let shared = 0;
    for (const id of theme.items) if (anchors.has(id)) shared++;
    if (shared >= 2 && shared >= 0.5 * theme.items.size) result.add(t);
  });
  return [...result];
}
