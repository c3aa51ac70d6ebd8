import type { Static } from 'typebox';
import { del, get, post } from '../api.ts';
import type {
  ModThemes,
  PublicThemes,
  Recomputed,
  ThemeCorrectionBody,
  ThemeCorrections,
  ThemeItems,
  ThemeSplitProposal,
} from '../../../../common/api/themes.ts';

// Shapes come straight from common/api/themes.ts (type-only imports: no schema code is bundled).

export type PublicThemeList = Static<typeof PublicThemes>;
export type PublicTheme = PublicThemeList['themes'][number];
export type ModThemeList = Static<typeof ModThemes>;
export type ModTheme = ModThemeList['themes'][number];
export type ThemeItemList = Static<typeof ThemeItems>;
export type ThemeItem = ThemeItemList['items'][number];
export type Trend = PublicTheme['trend'];
export type Source = ThemeItem['source'];

export interface ThemeFilters {
  source?: Source;
  days?: number;
  department?: string;
}

const query = (filters: ThemeFilters & { after?: string | undefined }) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const themesApi = {
  /** Company-wide, or what people raise about one department (themes with at least k of its comments). */
  list: (filters: { department?: string; limit?: number } = {}) =>
    get<PublicThemeList>(`/api/themes${query(filters)}`),
  moderatorList: (filters: ThemeFilters = {}) => get<ModThemeList>(`/api/mod/themes${query(filters)}`),
  /** A page of a theme's comments, newest first, after `after` (`total`: in all pages; `next`: the next page's start). */
  items: (id: string, filters: ThemeFilters = {}, after?: string) =>
    get<ThemeItemList>(`/api/mod/themes/${id}/items${query({ ...filters, after })}`),
  /** Which of the theme's comments to split off (a proposal: nothing changes until a split correction). */
  splitProposal: (id: string) =>
    get<Static<typeof ThemeSplitProposal>>(`/api/mod/themes/${id}/split-proposal`),
  recompute: () => post<Static<typeof Recomputed>>('/api/mod/themes/recompute'),
  /** Rename, merge into another theme, pin or hide as noise: kept on every recompute, audited. */
  correct: (id: string, correction: ThemeCorrectionBody) =>
    post<Static<typeof Recomputed>>(`/api/mod/themes/${id}/corrections`, correction),
  /** The corrections the engine keeps, newest first. */
  corrections: () => get<Static<typeof ThemeCorrections>>('/api/mod/themes/corrections'),
  /** Undo one (unpin, unhide, unmerge…): audited; both snapshots recomputed. */
  undo: (correctionId: string) =>
    del<Static<typeof Recomputed>>(`/api/mod/themes/corrections/${correctionId}`),
};
export type ThemeCorrection = Static<typeof ThemeCorrections>['corrections'][number];
