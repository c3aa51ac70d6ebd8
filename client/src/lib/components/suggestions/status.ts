import type { SuggestionStatus } from '../../api/suggestions.ts';
import { t, type PlainKey } from '../../i18n/index.ts';

/** Plain words and a pill colour for each lifecycle status ("you said, we did"). */
export const STATUS: Record<SuggestionStatus, { label: string; pill: string }> = {
  new: { label: 'New', pill: 'grey' },
  under_review: { label: 'Under review', pill: 'amber' },
  planned: { label: 'Planned', pill: 'amber' },
  in_progress: { label: 'In progress', pill: '' },
  done: { label: 'Done', pill: '' },
  wont_do: { label: 'Won’t do', pill: 'red' },
};

export const STATUS_ORDER: SuggestionStatus[] = [
  'new',
  'under_review',
  'planned',
  'in_progress',
  'done',
  'wont_do',
];

const STATUS_KEYS: Record<string, PlainKey> = {
  new: 'status.new',
  under_review: 'status.under_review',
  planned: 'status.planned',
  in_progress: 'status.in_progress',
  done: 'status.done',
  wont_do: 'status.wont_do',
  pending: 'status.pending',
  rejected: 'status.rejected',
  published: 'status.published',
};
const PRE_PUBLICATION_PILLS: Record<string, string> = { pending: 'grey', rejected: 'red', published: '' };

/** A status in the reader's language (STATUS above is the moderator console's, in English). */
export const statusLabel = (status: string): string => {
  const key = STATUS_KEYS[status];
  return key ? t(key) : status;
};

/** Where an author's item stands, including the two states before publication. */
export function authorStatus(status: string): { label: string; pill: string } {
  const pill = PRE_PUBLICATION_PILLS[status] ?? STATUS[status as SuggestionStatus]?.pill ?? 'grey';
  return { label: statusLabel(status), pill };
}

/** The shared day format (client/src/lib/dates.ts), kept here for the components that import it from here. */
export { formatDay } from '../../dates.ts';
