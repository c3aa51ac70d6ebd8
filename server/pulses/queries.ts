import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PulseScale } from '../../db/tables/pulses.ts';
import { redactPii } from '../privacy/pii.ts';
import { getSettings } from '../settings/queries.ts';
import { today } from '../suggestions/threads.ts';
import type { ThemeSourceItem } from '../kudos/queries.ts';
import { pulseScore } from './score.ts';

// All SQL of the pulses feature. Functions take `db` or a transaction; routes open transactions.

type Db = Kysely<Database>;

export interface PulseRecord {
  id: string;
  question: string;
  scale: PulseScale;
  opensOn: string;
  closesOn: string;
}

export type PulseState = 'scheduled' | 'open' | 'closed';
export const pulseState = (pulse: PulseRecord, day = today()): PulseState =>
  day < pulse.opensOn ? 'scheduled' : day > pulse.closesOn ? 'closed' : 'open';
export const scopeOf = (id: string) => `pulse:${id}`;
export const describePulse = (pulse: PulseRecord, day = today()) => ({
  ...pulse,
  scope: scopeOf(pulse.id),
  state: pulseState(pulse, day),
});

const pulseColumns = ['id', 'question', 'scale', 'opens_on as opensOn', 'closes_on as closesOn'] as const;

export async function insertPulse(
  trx: Db,
  input: Omit<PulseRecord, 'id'> & { id?: string },
): Promise<string> {
  const row = await trx
    .insertInto('pulse')
    .values({
      ...(input.id ? { id: input.id } : {}),
      question: input.question,
      scale: input.scale,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPulse(db: Db, id: string): Promise<PulseRecord | null> {
  return (await db.selectFrom('pulse').select(pulseColumns).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The pulse open today (the latest opened, should schedules ever overlap). */
export async function currentPulse(db: Db, day = today()): Promise<PulseRecord | null> {
  return (
    (await db
      .selectFrom('pulse')
      .select(pulseColumns)
      .where('opens_on', '<=', day)
      .where('closes_on', '>=', day)
      .orderBy('opens_on', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** A scheduled pulse whose days overlap [opensOn, closesOn], if any. */
export async function findOverlapping(db: Db, opensOn: string, closesOn: string) {
  return (
    (await db
      .selectFrom('pulse')
      .select(pulseColumns)
      .where('opens_on', '<=', closesOn)
      .where('closes_on', '>=', opensOn)
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** Every pulse, newest first, with its number of answers. */
export async function listPulses(db: Db) {
  const rows = await db
    .selectFrom('pulse')
    .leftJoin('pulse_response', 'pulse_response.pulse_id', 'pulse.id')
    .select([
      'pulse.id',
      'pulse.question',
      'pulse.scale',
      'pulse.opens_on as opensOn',
      'pulse.closes_on as closesOn',
      (eb) => eb.fn.count<number>('pulse_response.id').as('answers'),
    ])
    .groupBy('pulse.id')
    .orderBy('pulse.opens_on', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, answers: Number(row.answers) }));
}

export async function insertResponse(
  trx: Db,
  input: {
    pulseId: string;
    score: number;
    comment: string | null;
    ownDepartmentId: string | null;
    day?: string;
  },
): Promise<{ id: string; day: string }> {
  return trx
    .insertInto('pulse_response')
    .values({
      pulse_id: input.pulseId,
      score: input.score,
      comment: input.comment,
      own_department_id: input.ownDepartmentId,
      day: input.day ?? today(),
    })
    .returning(['id', 'day'])
    .executeTakeFirstOrThrow();
}

export async function answersOf(db: Db, pulseId: string) {
  return db
    .selectFrom('pulse_response')
    .leftJoin('department', 'department.id', 'pulse_response.own_department_id')
    .select([
      'pulse_response.id',
      'pulse_response.score',
      'pulse_response.comment',
      'pulse_response.day',
      'department.id as departmentId',
      'department.name as departmentName',
    ])
    .where('pulse_response.pulse_id', '=', pulseId)
    .orderBy('pulse_response.day', 'desc')
    .orderBy('pulse_response.id')
    .execute();
}

/** Score per pulse that has opened, oldest first; null below k answers. */
export async function scoreTrend(db: Db, k: number, day = today(), limit = 12) {
  const pulses = await db
    .selectFrom('pulse')
    .select(pulseColumns)
    .where('opens_on', '<=', day)
    .orderBy('opens_on', 'desc')
    .limit(limit)
    .execute();
  if (pulses.length === 0) return [];
  const rows = await db
    .selectFrom('pulse_response')
    .select(['pulse_id', 'score', (eb) => eb.fn.countAll<number>().as('count')])
    .where(
      'pulse_id',
      'in',
      pulses.map((pulse) => pulse.id),
    )
    .groupBy(['pulse_id', 'score'])
    .execute();
  const scores = new Map<string, number[]>();
  for (const row of rows) {
    const list = scores.get(row.pulse_id) ?? [];
    for (let i = 0; i < Number(row.count); i++) list.push(row.score);
    scores.set(row.pulse_id, list);
  }
  return pulses.reverse().map((pulse) => {
    const answers = scores.get(pulse.id) ?? [];
    return {
      pulseId: pulse.id,
      opensOn: pulse.opensOn,
      scale: pulse.scale,
      question: pulse.question,
      score: answers.length >= k ? pulseScore(pulse.scale, answers) : null,
    };
  });
}

/**
 * Pulse comments for the themes job. A comment is published once its pulse has at least k answers
 * (before that, a comment in a tiny pulse could single its author out). Obvious PII is redacted.
 */
export async function listThemeSourceItems(db: Db): Promise<ThemeSourceItem[]> {
  const { minimumGroupSize: k } = await getSettings(db);
  const counts = await db
    .selectFrom('pulse_response')
    .select(['pulse_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('pulse_id')
    .execute();
  const answers = new Map(counts.map((row) => [row.pulse_id, Number(row.count)]));
  const rows = await db
    .selectFrom('pulse_response')
    .select(['id', 'pulse_id', 'comment', 'day'])
    .where('comment', 'is not', null)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    source: 'pulse' as const,
    text: redactPii(row.comment!),
    day: row.day,
    published: (answers.get(row.pulse_id) ?? 0) >= k,
    departmentId: null,
  }));
}
