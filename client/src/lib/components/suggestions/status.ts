import type { SuggestionStatus } from '../../api/suggestions.ts';

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

/** Where an author's item stands, including the two states before publication. */
export function authorStatus(status: string): { label: string; pill: string } {
  if (status === 'pending') return { label: 'Waiting for a moderator', pill: 'grey' };
  if (status === 'rejected') return { label: 'Not published', pill: 'red' };
  if (status === 'published') return { label: 'Published', pill: '' };
  return STATUS[status as SuggestionStatus] ?? { label: status, pill: 'grey' };
}

/** The shared day format (client/src/lib/dates.ts), kept here for the components that import it from here. */
export { formatDay } from '../../dates.ts';
