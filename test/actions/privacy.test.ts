import { beforeAll, expect, it } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CANTEEN, givenThemes, moderatorThemes, type ModTheme } from './fixtures.ts';

// The attack: moderators' themes are computed over held comments too, so a theme's label can carry words no
// employee ever read. A moderator makes an action from such a theme without typing those words; the public
// board must not hand them out (only what the moderator wrote, a status and days leave the server).

const t = build({ JOB_TICK_MS: '600000' });
let moderator: SignedInStaff;
let canteen: ModTheme;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await givenThemes(t.app);
  const themes = await moderatorThemes(t.app, moderator.headers);
  canteen = themes.find((theme) => /canteen/i.test(theme.label))!;
  expect(canteen, JSON.stringify(themes.map((theme) => theme.label))).toBeDefined();
});

it('the held comments’ theme is the moderators’ only: employees’ themes never name it', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/themes' });
  expect(response.body.toLowerCase()).not.toContain('canteen');
});

it('the public board never carries the theme’s label, keywords or quotes', async () => {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/mod/themes/${canteen.id}/actions`,
    headers: moderator.headers,
    payload: { title: 'Better lunches for every shift', description: 'We will talk to the caterer.' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json() as { id: string };
  await t.app.inject({
    method: 'POST',
    url: `/api/mod/actions/${id}/status`,
    headers: moderator.headers,
    payload: { status: 'in_progress', response: 'Menus change next month.' },
  });

  const response = await t.app.inject({ method: 'GET', url: '/api/actions' });
  expect(response.statusCode).toBe(200);
  const body = response.body.toLowerCase();
  expect(body).toContain('better lunches for every shift');
  expect(body).not.toContain(canteen.label.toLowerCase());
  expect(body).not.toContain('canteen');
  for (const keyword of canteen.keywords) expect(body).not.toContain(`"${keyword.toLowerCase()}"`);
  for (const text of CANTEEN) expect(body).not.toContain(text.toLowerCase());
  // Nor the theme's id, which would link the action to the moderators' theme for anyone who learns it.
  expect(body).not.toContain(canteen.id);
  const [action] = response.json().actions as Array<Record<string, unknown>>;
  expect(Object.keys(action!).sort()).toEqual(
    ['day', 'description', 'id', 'response', 'status', 'title', 'updatedDay'].sort(),
  );
});
