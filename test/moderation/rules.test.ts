import { beforeAll, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { moderatorRequests } from '../helpers/moderation.ts';
import { departmentId, kudosRow, publishedKudos } from '../kudos/helpers.ts';

// Suggestions and kudos share one decision path (server/moderation/); these are the rules one kind adds.

const t = build();
let moderator: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
});

test('rejecting a featured story takes it off the home page, in the same decision', async () => {
  const { decide, auditFor } = moderatorRequests(t, 'kudos', () => moderator);
  const { id } = await publishedKudos(t.app, {
    departmentId: await departmentId(t.app, 'IT'),
    featured: true,
  });
  const response = await decide(id, {
    action: 'reject',
    reason: 'Names a customer; please resend without it.',
  });
  expect(response.statusCode).toBe(200);
  expect(await kudosRow(t.app, id)).toMatchObject({ moderation: 'rejected', featured: false });
  const featured = await t.app.inject({ method: 'GET', url: '/api/kudos/featured' });
  expect(featured.json().items.map((item: { id: string }) => item.id)).not.toContain(id);
  expect((await auditFor(id)).map((row) => row.action)).toEqual(['kudos.reject']);
});
