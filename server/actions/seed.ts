import type { SeedStep } from '../seed/types.ts';
import { addDays, today } from '../shared/days.ts';
import { createAction, setActionStatus } from './service.ts';

// After the themes are computed (and corrected), the demo moderator makes a few actions from them, so the
// board's "Actions from themes" shows the loop closing: one in progress with a response, one planned, one
// done. Each goes through the service (audited like any moderator's action), then its days are set back so
// the board reads like weeks of work.

const DEMO_ACTIONS = [
  {
    about: /origination|outage|loan|LOS\b|lending/i,
    title: 'Fix the loan origination system’s daily outages',
    description:
      'IT and the lending platform team will find why the loan origination system times out every afternoon, ' +
      'fix it, and warn branches before any planned downtime.',
    status: 'in_progress' as const,
    response:
      'The 3pm timeouts came from a nightly batch job that overran into the day; it now runs at 2am. ' +
      'Outage alerts go to every branch within five minutes.',
    days: [18, 4],
  },
  {
    about: /letter|wording|plain english/i,
    title: 'Rewrite rate-change letters in plain English',
    description:
      'Customer Communications will rewrite the rate-change and arrears letters with frontline staff, ' +
      'with a simple table of old and new payments.',
    status: 'planned' as const,
    response: null,
    days: [9, 9],
  },
  {
    about: /car park|parking/i,
    title: 'Free up staff car park spaces',
    description: 'Facilities will stop contractors using staff bays and mark out visitor spaces again.',
    status: 'done' as const,
    response: 'Contractors now park at the depot; 22 bays are back for staff and visitors have signed bays.',
    days: [30, 12],
  },
];

export const seed: SeedStep = async (app, result) => {
  const staff = await app.db
    .selectFrom('staff')
    .select(['id', 'username', 'display_name as displayName', 'role'])
    .where('username', '=', result.moderator.username)
    .executeTakeFirst();
  if (!staff) return;
  const moderator = { ...staff, mustChangePassword: false };
  const themes = await app.moderatorThemes.list(app.db);
  const find = (pattern: RegExp) =>
    themes.find((theme) => pattern.test(theme.label)) ??
    themes.find((theme) => pattern.test(theme.keywords.join(' ')));
  const used = new Set<string>();
  let made = 0;
  for (const action of DEMO_ACTIONS) {
    const theme = find(action.about);
    if (!theme || used.has(theme.id)) continue;
    used.add(theme.id);
    const id = await createAction(app, moderator, theme.id, {
      title: action.title,
      description: action.description,
    });
    if (action.status !== 'planned' || action.response)
      await setActionStatus(app, moderator, id, {
        status: action.status,
        ...(action.response ? { response: action.response } : {}),
      });
    const [created, updated] = action.days;
    await app.db
      .updateTable('theme_action')
      .set({ day: addDays(today(), -created!), updated_day: addDays(today(), -updated!) })
      .where('id', '=', id)
      .execute();
    made++;
  }
  if (made > 0) result.notes.push(`Actions from themes: ${made} on the board (#/board).`);
};
