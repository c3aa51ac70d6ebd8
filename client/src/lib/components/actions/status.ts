import type { ActionStatus } from '../../api/actions.ts';

// The action lifecycle is the suggestions' from `planned` on: the same words (i18n `status.*`), its own colours.

export const ACTION_STATUS_ORDER: ActionStatus[] = ['planned', 'in_progress', 'done', 'wont_do'];

export const ACTION_PILL: Record<ActionStatus, string> = {
  planned: 'amber',
  in_progress: '',
  done: '',
  wont_do: 'red',
};
