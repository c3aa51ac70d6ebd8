import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PulseCommentModeration, PulseScale } from '../../db/tables/pulses.ts';
import { clampMinimumGroupSize } from '../shared/min-group.ts';
import { redactPii } from '../../common/pii.ts';
import { getSettings } from '../shared/settings.ts';
import { today } from '../shared/days.ts';
import { hasText, type SourceReader } from '../shared/theme-sources.ts';
import { visibleScore } from './results.ts';

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
    /** The comment's moderation: 'pending' under pre-moderation, 'published' under post. */
    commentModeration?: PulseCommentModeration;
  },
): Promise<{ id: string; day: string }> {
  // A comment waits for a moderator's look either way (post-moderation publishes it at once).
  const moderation = input.comment ? (input.commentModeration ?? 'published') : 'published';
  return trx
    .insertInto('pulse_response')
    .values({
      pulse_id: input.pulseId,
      score: input.score,
      comment: input.comment,
      own_department_id: input.ownDepartmentId,
      day: input.day ?? today(),
      comment_moderation: moderation,
      comment_reviewed: !input.comment,
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
      'pulse_response.comment_moderation as commentModeration',
      'pulse_response.comment_hide_reason as commentHideReason',
    ])
    .where('pulse_response.pulse_id', '=', pulseId)
    .orderBy('pulse_response.day', 'desc')
    .orderBy('pulse_response.id')
    .execute();
}

/**
 * The trend beside a pulse: the closed pulses its score can be compared with, oldest first, each point
 * through the same rule as its results (visibleScore), so a point never shows a score the results hide.
 * 0–10 pulses form one eNPS line; a 1–5 line joins only pulses that asked the same question.
 */
export async function scoreTrend(db: Db, k: number, pulse: PulseRecord, day = today(), limit = 12) {
  const pulses = await db
    .selectFrom('pulse')
    .select(pulseColumns)
    .where('closes_on', '<', day)
    .where('scale', '=', pulse.scale)
    .$if(pulse.scale === '1-5', (query) => query.where('question', '=', pulse.question))
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
      pulses.map((entry) => entry.id),
    )
    .groupBy(['pulse_id', 'score'])
    .execute();
  const scores = new Map<string, number[]>();
  for (const row of rows) {
    const list = scores.get(row.pulse_id) ?? [];
    for (let i = 0; i < Number(row.count); i++) list.push(row.score);
    scores.set(row.pulse_id, list);
  }
  return pulses.reverse().map((entry) => ({
    pulseId: entry.id,
    opensOn: entry.opensOn,
    scale: entry.scale,
    question: entry.question,
    score: visibleScore(entry.scale, scores.get(entry.id) ?? [], k).score,
  }));
}

/**
 * Pulse comments for the themes job, both scopes. Nobody reads a comment before its pulse has k answers
 * (a comment in a tiny pulse could single its author out), moderators included: those are left out of
 * both snapshots. Hidden comments are left out like rejected suggestions; pending ones reach only the
 * moderators' snapshot. Obvious PII is redacted (the hash is over the stored comment; redaction is a
 * function of it). The k rule is counted in SQL, so a digest is one query.
 */
const themeRows = (db: Db, k: number) => {
  const released = db
    .selectFrom('pulse_response')
    .select('pulse_id')
    .groupBy('pulse_id')
    .having((eb) => eb.fn.countAll(), '>=', clampMinimumGroupSize(k));
  return db
    .selectFrom('pulse_response as r')
    .innerJoin('pulse', 'pulse.id', 'r.pulse_id')
    .where('r.comment', 'is not', null)
    .where('r.comment_moderation', '!=', 'hidden')
    .where(hasText('r.comment'))
    .where('r.pulse_id', 'in', released);
};
/** Over every column a theme item is built from (computed in SQL: unchanged text never leaves Postgres). */
const themeHash = sql<string>`md5(row(r.comment, r.day, r.comment_moderation, pulse.question, pulse.opens_on)::text)`;

export const pulseThemeSource: SourceReader = {
  source: 'pulse',
  async digest(db) {
    const { minimumGroupSize: k } = await getSettings(db);
    const rows = await themeRows(db, k)
      .select([
        'r.id',
        themeHash.as('hash'),
        'r.day',
        sql<boolean>`r.comment_moderation = 'published'`.as('published'),
      ])
      .execute();
    return rows.map((row) => ({ ...row, source: 'pulse' as const }));
  },
  async read(db, ids) {
    const { minimumGroupSize: k } = await getSettings(db);
    const rows = await themeRows(db, k)
      .select([
        'r.id',
        themeHash.as('hash'),
        'r.comment',
        'r.day',
        'r.comment_moderation',
        'pulse.question',
        'pulse.opens_on',
      ])
      .$if(ids !== undefined, (qb) => qb.where('r.id', 'in', ids!))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      source: 'pulse' as const,
      hash: row.hash,
      text: redactPii(row.comment!),
      day: row.day,
      published: row.comment_moderation === 'published',
      departmentId: null,
      status: row.comment_moderation,
      prompt: { text: row.question, askedOn: row.opens_on },
    }));
  },
  // The pulse comments' queue is what is held back (pre-moderation); a published comment is not
  // reviewed again (a moderator can only hide it).
  async awaiting(db) {
    const rows = await db
      .selectFrom('pulse_response')
      .select('id')
      .where('comment', 'is not', null)
      .where('comment_moderation', '=', 'pending')
      .execute();
    return rows.map((row) => row.id);
  },
};

/** A moderator's decision on a pulse comment; null when the pulse has no such comment. */
export async function decideComment(
  db: Db,
  pulseId: string,
  id: string,
  decision: { moderation: 'published' | 'hidden'; reason: string | null },
): Promise<boolean> {
  const row = await db
    .updateTable('pulse_response')
    .set({
      comment_moderation: decision.moderation,
      comment_reviewed: true,
      comment_hide_reason: decision.moderation === 'hidden' ? decision.reason : null,
    })
    .where('id', '=', id)
    .where('pulse_id', '=', pulseId)
    .where('comment', 'is not', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** How many answers a pulse has (the number of people: one token each). */
export async function answerCount(db: Db, pulseId: string): Promise<number> {
  const row = await db
    .selectFrom('pulse_response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pulse_id', '=', pulseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
