import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SeedStep } from '../seed/types.ts';
import { createFocusGroup, insertEvent, insertMessage } from './queries.ts';
import { pickPseudonym } from './pseudonyms.ts';
import { createSeatKey } from './routes.ts';

const DAY = 24 * 3600_000;

/** A day `days` from today at hh:mm UTC. */
function at(days: number, hours: number, minutes = 0): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hours, minutes, 0, 0);
  return date;
}

type Line =
  | { minute: number; prompt: string }
  | { minute: number; by: number; say: string; hidden?: string; reactions?: number }
  | { minute: number; moderator: string };

// A finished, pre-moderated session. Participant numbers index the seats taken below.
const HANDOFFS: Line[] = [
  {
    minute: 0,
    moderator: 'Welcome, everyone. Nothing here is linked to you; please keep names of colleagues out of it.',
  },
  { minute: 1, prompt: 'Where do loan files get stuck between Underwriting and Loan Processing?' },
  {
    minute: 3,
    by: 0,
    say: 'Conditions come back from Underwriting as free text, so we re-key them into the checklist by hand.',
    reactions: 4,
  },
  {
    minute: 4,
    by: 1,
    say: 'From our side: files arrive without the valuation report attached, so we park them and they go to the back of the queue.',
    reactions: 3,
  },
  {
    minute: 5,
    by: 2,
    say: 'Nobody owns a file between approval in principle and full approval. It sits in a shared inbox.',
    reactions: 5,
  },
  {
    minute: 6,
    by: 3,
    say: 'Honestly it is because Jordan in Underwriting ignores anything marked urgent.',
    hidden: 'Names a colleague',
  },
  {
    minute: 8,
    by: 4,
    say: 'The shared inbox has no SLA clock, so a file can wait four days and nobody sees it ageing.',
    reactions: 4,
  },
  {
    minute: 9,
    by: 0,
    say: 'We find out a file was declined when the broker phones us, not from the system.',
  },
  {
    minute: 11,
    by: 5,
    say: 'Half our "missing documents" requests are for documents that were uploaded, just to the wrong folder.',
    reactions: 2,
  },
  { minute: 13, moderator: 'Thank you. Several of you mention the shared inbox; let us come back to that.' },
  { minute: 14, prompt: 'What happens when a file needs to go back to Underwriting for a second look?' },
  {
    minute: 16,
    by: 1,
    say: 'It goes back in at the bottom of the pile, even if it only needs one signature.',
    reactions: 5,
  },
  {
    minute: 17,
    by: 6,
    say: 'We email the underwriter directly because the system route takes days. Then nothing is recorded.',
  },
  {
    minute: 18,
    by: 2,
    say: 'Call me on my mobile 0412 555 019 and I will tell you the worst cases.',
    hidden: 'Contains a phone number',
  },
  {
    minute: 20,
    by: 4,
    say: 'A "fast lane" for returns that only need a signature would save us most of the chasing.',
    reactions: 6,
  },
  {
    minute: 21,
    by: 3,
    say: 'Processing also sends things back without saying what is missing. It goes both ways.',
  },
  {
    minute: 23,
    by: 5,
    say: 'Could the returned file carry a short reason code? Even three or four options would help.',
    reactions: 3,
  },
  { minute: 25, prompt: 'If you could change one thing next month, what would it be?' },
  {
    minute: 27,
    by: 0,
    say: 'Structured conditions from Underwriting that flow straight into the checklist.',
    reactions: 5,
  },
  { minute: 28, by: 6, say: 'An owner for every file at every stage, visible to both teams.', reactions: 6 },
  {
    minute: 29,
    by: 1,
    say: 'Valuation report attached before the file leaves Underwriting, or it does not leave.',
  },
  {
    minute: 30,
    by: 3,
    say: 'This whole bank is run by people who have never processed a loan.',
    hidden: 'Off topic; please keep to the handoff',
  },
  { minute: 31, by: 2, say: 'An ageing view of the shared inbox on the team screen.', reactions: 3 },
  {
    minute: 33,
    by: 4,
    say: 'Joint stand-up twice a week for the files older than three days.',
    reactions: 2,
  },
  {
    minute: 35,
    moderator:
      'Thank you all. The transcript goes to both team leads, and the themes will be on the board next week.',
  },
];

async function finishedSession(app: FastifyInstance, moderatorId: string) {
  const startsAt = at(-19, 9, 30);
  const id = await createFocusGroup(app.db, {
    title: 'Handoffs between Underwriting and Loan Processing',
    description:
      'Files bounce between the two teams and customers wait. What actually happens at the handoff, and what would fix it?',
    prompts: HANDOFFS.flatMap((line) => ('prompt' in line ? [line.prompt] : [])),
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3600_000),
    capacity: 12,
    moderation: 'pre',
    createdBy: moderatorId,
  });
  await app.db.transaction().execute(async (trx) => {
    let seq = 0;
    const taken = new Set<string>();
    const seats: Array<{ id: string; pseudonym: string }> = [];
    for (let i = 0; i < 7; i++) {
      const pseudonym = pickPseudonym(taken);
      taken.add(pseudonym);
      const seat = await trx
        .insertInto('focus_group_seat')
        .values({
          focus_group_id: id,
          seat_hash: app.secrets.hmac('seat', randomBytes(32).toString('base64url')),
          pseudonym,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      seats.push({ id: seat.id, pseudonym });
      await insertEvent(trx, { roomId: id, seq: ++seq, kind: 'seated', minute: 0, detail: { pseudonym } });
    }
    let pinned: string | null = null;
    for (const line of HANDOFFS) {
      if ('prompt' in line) {
        await insertEvent(trx, {
          roomId: id,
          seq: ++seq,
          kind: 'prompt',
          minute: line.minute,
          detail: { text: line.prompt },
        });
        continue;
      }
      const seat = 'by' in line ? seats[line.by]! : null;
      const message = await insertMessage(trx, {
        roomId: id,
        seq: ++seq,
        minute: line.minute,
        seatId: seat?.id ?? null,
        author: seat?.pseudonym ?? 'Moderator',
        authorKind: seat ? 'participant' : 'moderator',
        text: 'say' in line ? line.say : line.moderator,
        status: seat ? 'pending' : 'visible',
        clientId: null,
      });
      await insertEvent(trx, {
        roomId: id,
        seq,
        kind: 'message',
        minute: line.minute,
        messageId: message.id,
        detail: { status: message.status },
      });
      if (!('by' in line)) continue;
      const decision = line.hidden ? 'hidden' : 'visible';
      await trx
        .updateTable('focus_group_message')
        .set({ status: decision, hidden_reason: line.hidden ?? null })
        .where('id', '=', message.id)
        .execute();
      await insertEvent(trx, {
        roomId: id,
        seq: ++seq,
        kind: line.hidden ? 'hidden' : 'approved',
        minute: line.minute,
        messageId: message.id,
        detail: line.hidden ? { wasVisible: false, reason: line.hidden } : {},
      });
      for (let r = 0; r < (line.reactions ?? 0); r++) {
        const reactor = seats[(line.by + r + 1) % seats.length]!;
        await trx
          .insertInto('focus_group_reaction')
          .values({ message_id: message.id, seat_id: reactor.id, emoji: '👍' })
          .execute();
        await insertEvent(trx, {
          roomId: id,
          seq: ++seq,
          kind: 'reaction',
          minute: line.minute,
          messageId: message.id,
          detail: { emoji: '👍', count: r + 1 },
        });
      }
      if ((line.reactions ?? 0) >= 6 && !pinned) {
        pinned = message.id;
        await insertEvent(trx, {
          roomId: id,
          seq: ++seq,
          kind: 'pinned',
          minute: line.minute,
          detail: { id: message.id },
        });
      }
    }
    await insertEvent(trx, { roomId: id, seq: ++seq, kind: 'closed', minute: 36, detail: {} });
    await trx
      .updateTable('focus_group')
      .set({
        last_seq: seq,
        pinned_message_id: pinned,
        closed_at: new Date(startsAt.getTime() + 36 * 60_000),
      })
      .where('id', '=', id)
      .execute();
  });
}

const UPCOMING = [
  {
    title: 'When IT changes break branch systems',
    description:
      'Branch teams have lost whole mornings to weekend releases. Tell IT, anonymously, what the change process looks like from the counter.',
    prompts: [
      'Think of the last time a system change hit your branch. What happened first?',
      'How did you find out what had changed, and from whom?',
      'What would a good heads-up from IT look like?',
    ],
    startsAt: at(2, 10),
    capacity: 12,
    moderation: 'post' as const,
  },
  {
    title: 'Workload, overtime and who sets the priorities',
    description:
      'For Contact Centre, Claims and Loan Processing staff: where the extra hours come from, and who you can say no to.',
    prompts: [
      'Where does unplanned work come from in a normal week?',
      'When two managers want different things first, what happens?',
      'What one change would give you an hour back each day?',
    ],
    startsAt: at(9, 14),
    capacity: 15,
    moderation: 'pre' as const,
  },
];

/** Two sessions to look forward to and one finished session with its transcript. */
export const seed: SeedStep = async (app, result) => {
  const moderator = await app.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', result.moderator.username)
    .executeTakeFirstOrThrow();
  await finishedSession(app, moderator.id);
  for (const session of UPCOMING) {
    const id = await createFocusGroup(app.db, {
      ...session,
      endsAt: new Date(session.startsAt.getTime() + 3600_000),
      createdBy: moderator.id,
    });
    await createSeatKey(app, id, new Date(session.startsAt.getTime() + 3600_000));
  }
  result.notes.push(
    'Focus groups: 2 upcoming sessions and 1 finished one ("Handoffs between Underwriting and Loan Processing").',
  );
};
