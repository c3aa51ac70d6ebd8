import { randomBytes } from 'node:crypto';
import type { SeedStep } from '../seed/types.ts';
import { seededRandom } from '../seeded-random.ts';
import { hashCodeSecret, newEnrolmentCode } from './codes.ts';
import { countEnrolment, createEnrolmentBatch } from './queries.ts';

const DAY_MS = 86_400_000;
/** Demo codes for this browser, per department: enrol with one to prove that team on the board. */
const DEMO_CODES: Array<[department: string, count: number]> = [
  ['IT', 3],
  ['Branches', 2],
];
/** How many colleagues each team enrolled over the last weeks (the transparency page shows them). */
const TEAM_SIZES: Record<string, number> = {
  'Contact Centre': 38,
  Branches: 44,
  'Mortgage Advice': 12,
  'Loan Processing': 16,
  Underwriting: 9,
  IT: 21,
  'Legal & Compliance': 6,
  Facilities: 7,
  Finance: 8,
  HR: 10,
};
const ROLL_OUT_WEEKS = 6;

/**
 * This feature's share of the demo organisation (embedded default only): a six-week roll-out of
 * per-department enrolment codes (batches minted, most of them used, tallied by week) and a few codes
 * for this browser. Colleagues' members get random credential hashes: nobody can sign in as them.
 */
export const seed: SeedStep = async (app, result) => {
  const rnd = seededRandom(20261203);
  const admin = await app.db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirst();
  const departments = await app.db.selectFrom('department').select(['id', 'name']).execute();
  const idOf = new Map(departments.map((department) => [department.name, department.id]));

  for (const [name, size] of Object.entries(TEAM_SIZES)) {
    const departmentId = idOf.get(name);
    if (!departmentId) continue;
    // One sheet per team in an early week, a top-up later; a few codes of the top-up still unused.
    const firstWeek = ROLL_OUT_WEEKS - Math.floor(rnd() * 2);
    const topUpWeek = 1 + Math.floor(rnd() * 3);
    const first = Math.ceil(size * 0.8);
    const unused = 1 + Math.floor(rnd() * 3);
    const sheets = [
      { weeksAgo: firstWeek, minted: first, used: first },
      { weeksAgo: topUpWeek, minted: size - first + unused, used: size - first },
    ];
    await app.db.transaction().execute(async (trx) => {
      for (const sheet of sheets) {
        const mintedAt = new Date(Date.now() - sheet.weeksAgo * 7 * DAY_MS);
        const batch = await trx
          .insertInto('enrolment_batch')
          .values({
            created_by: admin?.id ?? null,
            count: sheet.minted,
            department_id: departmentId,
            created_at: mintedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Used codes are deleted at enrolment, so only the unused ones are stored (real, nobody holds them).
        const codes = [];
        for (let i = sheet.used; i < sheet.minted; i++) {
          const code = newEnrolmentCode();
          codes.push({ id: code.id, batch_id: batch.id, secret_hash: await hashCodeSecret(code.secret) });
        }
        if (codes.length > 0) await trx.insertInto('enrolment_code').values(codes).execute();
        await trx
          .insertInto('member')
          .values(
            Array.from({ length: sheet.used }, () => ({
              credential_hash: randomBytes(32).toString('hex'),
              department_id: departmentId,
            })),
          )
          .execute();
        // People enrol over the days after a sheet is handed out.
        for (let i = 0; i < sheet.used; i++) {
          const daysLater = Math.min(sheet.weeksAgo * 7, Math.floor(rnd() * rnd() * 14));
          await countEnrolment(trx, departmentId, new Date(mintedAt.getTime() + daysLater * DAY_MS));
        }
      }
    });
  }

  result.notes.push('', 'Demo enrolment codes (each enrols one browser once, at #/enrol — shown only now):');
  for (const [name, count] of DEMO_CODES) {
    const codes = Array.from({ length: count }, newEnrolmentCode);
    const hashed = await Promise.all(
      codes.map(async (code) => ({ id: code.id, secretHash: await hashCodeSecret(code.secret) })),
    );
    await createEnrolmentBatch(app.db, admin?.id ?? null, hashed, idOf.get(name) ?? null);
    result.notes.push(`  ${name}:`, ...codes.map((code) => `    ${code.code}`));
  }
  result.notes.push('Codes minted and used per department per week are public at #/transparency.');
};
