import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startIdp, type TestIdp } from '../helpers/idp.ts';
import { portal } from './harness.ts';

// "Enrol with <company>" and "Sign in with <company>" in Chromium, against a real OpenID provider
// (oidc-provider) on its own port: the browser leaves for the provider's login page and comes back.
let idp: TestIdp;
const env: Record<string, string> = {};
beforeAll(async () => {
  idp = await startIdp({
    'sam-3c9e': { groups: ['acme-employees'], email: 'sam.porter@acme.example', name: 'Sam Porter' },
    'rosa-5d12': {
      groups: ['acme-employees', 'gr-moderators'],
      email: 'rosa.lind@acme.example',
      name: 'Rosa Lind',
    },
    'ivan-0a8f': { groups: ['acme-employees'], email: 'ivan.petrov@acme.example', name: 'Ivan Petrov' },
  });
  // No OIDC_REDIRECT_URI: the app's callbacks are on its own origin, known once it listens.
  Object.assign(
    env,
    idp.env({
      OIDC_REDIRECT_URI: '',
      OIDC_ALLOWED_GROUPS: 'acme-employees',
      OIDC_SCOPES: 'openid groups email profile',
      GREENROOM_STAFF_OIDC_MODERATOR_GROUPS: 'gr-moderators',
    }),
  );
});
const p = portal(env);
beforeAll(() => {
  idp.redirectUris.push(`${p.url}/api/enrol/oidc/callback`, `${p.url}/api/staff/oidc/callback`);
});

/** The provider's own (development) login page: any password, the login names the person. */
async function signInAtProvider(page: Page, login: string) {
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
}

test('an employee enrols with the company sign-in and submits a suggestion', async () => {
  const page = await p.newPage();
  await page.goto(`${p.url}/#/enrol`);
  await page.getByRole('link', { name: 'Enrol with Acme' }).click();
  await signInAtProvider(page, 'sam-3c9e');
  await page.getByRole('heading', { name: 'You are enrolled.' }).waitFor();
  expect(page.url()).toBe(`${p.url}/#/enrol`);
  expect(await p.app.db.selectFrom('member_sso').select('subject_hash').execute()).toHaveLength(1);

  await page.goto(`${p.url}/#/suggest`);
  await page.getByRole('heading', { name: 'Make a suggestion' }).waitFor();
  await page
    .getByLabel('Your suggestion')
    .fill('The badge readers at the side door reject every badge after it rains.');
  await page.getByRole('button', { name: 'Send anonymously' }).click();
  await page.getByRole('heading', { name: 'Here is your receipt.' }).waitFor();
  await page.getByText('✓ Sent.').waitFor();
  const rows = await p.app.db.selectFrom('suggestion').select(['text', 'moderation']).execute();
  expect(rows).toEqual([
    { text: 'The badge readers at the side door reject every badge after it rains.', moderation: 'pending' },
  ]);
});

test('a moderator signs in with the company sign-in; someone in no staff group is told why not', async () => {
  const page = await p.newPage();
  await page.goto(`${p.url}/#/staff/login`);
  await page.getByRole('link', { name: 'Sign in with Acme' }).click();
  await signInAtProvider(page, 'rosa-5d12');
  await page.getByRole('button', { name: /sign out/i }).waitFor();
  await page.waitForURL(`${p.url}/#/mod`);
  const staff = await p.app.db.selectFrom('staff').select(['username', 'role']).execute();
  expect(staff).toEqual([{ username: 'rosa.lind@acme.example', role: 'moderator' }]);

  const outsider = await p.newPage();
  await outsider.goto(`${p.url}/#/staff/login`);
  await outsider.getByRole('link', { name: 'Sign in with Acme' }).click();
  await signInAtProvider(outsider, 'ivan-0a8f');
  await outsider.getByRole('alert').getByText('not in a Greenroom staff group').waitFor();
  expect(await p.app.db.selectFrom('staff').select('username').execute()).toHaveLength(1);
});
