import type { SeedStep } from '../seed/types.ts';
import { hashCodeSecret, newEnrolmentCode } from './codes.ts';
import { createEnrolmentBatch } from './queries.ts';

const DEMO_CODES = 5;

/** This feature's share of the demo organisation (embedded default only): five enrolment codes. */
export const seed: SeedStep = async (app, result) => {
  const admin = await app.db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirst();
  const codes = Array.from({ length: DEMO_CODES }, newEnrolmentCode);
  const hashed = await Promise.all(
    codes.map(async (code) => ({ id: code.id, secretHash: await hashCodeSecret(code.secret) })),
  );
  await createEnrolmentBatch(app.db, admin?.id ?? null, hashed);
  result.notes.push(
    '',
    'Demo enrolment codes (each enrols one browser once, at #/enrol — shown only now):',
    ...codes.map((code) => `  ${code.code}`),
  );
};
