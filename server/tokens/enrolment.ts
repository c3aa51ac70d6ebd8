import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hashCodeSecret, newEnrolmentCode, type EnrolmentCode } from './codes.ts';
import { existingCodeIds } from './queries.ts';

/** Fresh codes whose ids are unused, in the database and within the batch. */
export async function generateCodes(db: Kysely<Database>, count: number): Promise<EnrolmentCode[]> {
  const codes = new Map<string, EnrolmentCode>();
  while (codes.size < count) {
    const fresh = Array.from({ length: count - codes.size }, newEnrolmentCode).filter(
      (code) => !codes.has(code.id),
    );
    const taken = await existingCodeIds(
      db,
      fresh.map((code) => code.id),
    );
    for (const code of fresh) if (!taken.has(code.id)) codes.set(code.id, code);
  }
  return [...codes.values()];
}

/** Each code's secret hashed with argon2id (~20 ms of CPU, 19 MiB each). */
export async function hashCodes(codes: EnrolmentCode[]): Promise<Array<{ id: string; secretHash: string }>> {
  const hashed: { id: string; secretHash: string }[] = [];
  // argon2 runs on libuv's pool: a few at a time keeps all cores busy without queueing everything.
  for (let i = 0; i < codes.length; i += 4) {
    const chunk = codes.slice(i, i + 4);
    hashed.push(
      ...(await Promise.all(
        chunk.map(async (code) => ({ id: code.id, secretHash: await hashCodeSecret(code.secret) })),
      )),
    );
  }
  return hashed;
}
