import type { Transaction } from 'kysely';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { FocusGroupEventKind } from '../../db/tables/focus-groups.ts';
import { audit } from '../shared/audit.ts';
import type { StaffMember } from '../shared/staff-sessions.ts';
import type { SayBatcher } from './batcher.ts';
import type { ClientFrame, ErrorCode } from '../../common/focus-groups/protocol.ts';
import {
  allocateSeq,
  findByClientId,
  findMessage,
  insertEvent,
  insertMessage,
  lockSeat,
  markClosed,
  roomIsOpen,
  seatByPseudonym,
  setMessageStatus,
  setPinned,
  toggleReaction,
  updateSeat,
  type Slot,
  type StoredEvent,
  type StoredMessage,
} from './queries.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';

/** A refused action: becomes an `error` frame on the socket or a 4xx over HTTP. */
export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Actor = { role: 'participant'; seatId: string } | { role: 'moderator'; staff: StaffMember };

export type ActionFrame = Exclude<ClientFrame, { type: 'hello' }>;

export interface ActionResult {
  events: StoredEvent[];
  /** Text became visible or stopped being visible (the themes job cares). */
  visibilityChanged: boolean;
}

const target = (roomId: string) => ({ type: 'focus-group', id: roomId });

/**
 * Performs one room action in one transaction: seq allocation, checks, rows, audit.
 * Every check runs after the room row is locked, so it sees every earlier event (a mute always
 * wins over a message that arrives after it, on any node).
 */
export async function perform(
  database: DatabaseHandle,
  batcher: SayBatcher,
  roomId: string,
  actor: Actor,
  frame: ActionFrame,
): Promise<ActionResult> {
  // Participants' messages are the bulk of the traffic; moderators' stay transactional with their audit row.
  if (frame.type === 'say' && actor.role === 'participant') {
    const fast = await sayQuickly(batcher, roomId, actor.seatId, frame.text, frame.clientId ?? null);
    if (fast) return fast;
  }
  return database.db.transaction().execute(async (trx) => {
    const slot = await allocateSeq(trx, roomId);
    if (!slot) {
      const state = await roomIsOpen(trx, roomId);
      if (state === 'missing') throw new ActionError('not_found', 'No such focus group.');
      throw new ActionError('room_closed', 'This focus group is closed.');
    }
    const step = new Step(trx, roomId, slot, actor);
    return step.run(frame);
  });
}

/** The common case, batched; null sends the caller down the transactional path for the reason. */
async function sayQuickly(
  batcher: SayBatcher,
  roomId: string,
  seatId: string,
  text: string,
  clientId: string | null,
): Promise<ActionResult | null> {
  let said;
  try {
    said = await batcher.say({ roomId, seatId, text, clientId });
  } catch (error) {
    // The unique (seat, clientId) index: the same message re-sent after a reconnect.
    if (isUniqueViolation(error)) throw new ActionError('duplicate', 'This message was already received.');
    throw error;
  }
  if (!said) return null;
  const event: StoredEvent = {
    seq: said.seq,
    kind: 'message',
    minute: said.minute,
    detail: { status: said.message.status },
    message: said.message,
  };
  return { events: [event], visibilityChanged: said.message.status === 'visible' };
}

class Step {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly roomId: string,
    private readonly slot: Slot,
    private readonly actor: Actor,
  ) {}

  async run(frame: ActionFrame): Promise<ActionResult> {
    switch (frame.type) {
      case 'say':
        return this.say(frame.text, frame.clientId ?? null);
      case 'react':
        return this.react(frame.id, frame.emoji);
      case 'approve':
        return this.approve(frame.id);
      case 'hide':
        return this.hide(frame.id, frame.reason ?? null);
      case 'mute':
      case 'unmute':
      case 'remove':
        return this.moderateSeat(frame.type, frame.pseudonym);
      case 'prompt':
        return this.record('prompt', { text: frame.text }, 'focus-group.prompt', { text: frame.text });
      case 'pin':
        return this.pin(frame.id);
      case 'close':
        await markClosed(this.trx, this.roomId);
        return this.record('closed', {}, 'focus-group.close', {}, true);
    }
  }

  private get staff(): StaffMember {
    if (this.actor.role !== 'moderator')
      throw new ActionError('forbidden', 'Only the moderator may do this.');
    return this.actor.staff;
  }

  private async event(
    kind: FocusGroupEventKind,
    detail: Record<string, unknown>,
    message: StoredMessage | null = null,
  ) {
    const { seq, minute } = this.slot;
    await insertEvent(this.trx, {
      roomId: this.roomId,
      seq,
      kind,
      minute,
      messageId: message?.id ?? null,
      detail,
    });
    return { seq, kind, minute, detail, message } satisfies StoredEvent;
  }

  private async record(
    kind: FocusGroupEventKind,
    detail: Record<string, unknown>,
    action: string,
    auditDetail: Record<string, unknown>,
    visibilityChanged = false,
  ): Promise<ActionResult> {
    const staff = this.staff;
    const event = await this.event(kind, detail);
    await audit(this.trx, staff, action, target(this.roomId), auditDetail);
    return { events: [event], visibilityChanged };
  }

  private async participantSeat() {
    if (this.actor.role !== 'participant') return null;
    const seat = await lockSeat(this.trx, this.actor.seatId);
    if (!seat || seat.removed) throw new ActionError('removed', 'You were removed from this focus group.');
    if (seat.muted) throw new ActionError('muted', 'The moderator has muted you.');
    return seat;
  }

  private async say(text: string, clientId: string | null): Promise<ActionResult> {
    const seat = await this.participantSeat();
    if (seat && !this.slot.started) throw new ActionError('not_started', 'The session has not started yet.');
    // The same message re-sent after a reconnect (moderators' too: they have no unique index to catch it).
    if (clientId && (await findByClientId(this.trx, this.roomId, seat?.id ?? null, clientId))) {
      throw new ActionError('duplicate', 'This message was already received.');
    }
    const status = seat && this.slot.moderation === 'pre' ? 'pending' : 'visible';
    const message = await insertMessage(this.trx, {
      roomId: this.roomId,
      seq: this.slot.seq,
      minute: this.slot.minute,
      seatId: seat?.id ?? null,
      author: seat?.pseudonym ?? 'Moderator',
      authorKind: seat ? 'participant' : 'moderator',
      text,
      status,
      clientId,
    });
    const event = await this.event('message', { status }, message);
    if (!seat)
      await audit(this.trx, this.staff, 'focus-group.say', target(this.roomId), { messageId: message.id });
    return { events: [event], visibilityChanged: status === 'visible' && Boolean(seat) };
  }

  private async message(id: string): Promise<StoredMessage> {
    const message = await findMessage(this.trx, this.roomId, id);
    if (!message) throw new ActionError('not_found', 'No such message in this room.');
    return message;
  }

  private async react(id: string, emoji: string): Promise<ActionResult> {
    const seat = await this.participantSeat();
    if (!seat) throw new ActionError('forbidden', 'Only participants react.');
    const message = await this.message(id);
    if (message.status !== 'visible') throw new ActionError('not_found', 'No such message in this room.');
    const count = await toggleReaction(this.trx, message.id, seat.id, emoji);
    return { events: [await this.event('reaction', { emoji, count }, message)], visibilityChanged: false };
  }

  private async approve(id: string): Promise<ActionResult> {
    const staff = this.staff;
    const message = await this.message(id);
    if (message.status === 'visible')
      throw new ActionError('invalid_frame', 'That message is already visible.');
    await setMessageStatus(this.trx, message.id, 'visible', null);
    const event = await this.event('approved', {}, { ...message, status: 'visible', hiddenReason: null });
    await audit(this.trx, staff, 'focus-group.approve', target(this.roomId), { messageId: message.id });
    return { events: [event], visibilityChanged: message.authorKind === 'participant' };
  }

  private async hide(id: string, reason: string | null): Promise<ActionResult> {
    const staff = this.staff;
    const message = await this.message(id);
    if (message.status === 'hidden')
      throw new ActionError('invalid_frame', 'That message is already hidden.');
    await setMessageStatus(this.trx, message.id, 'hidden', reason);
    const wasVisible = message.status === 'visible';
    const detail = { wasVisible, ...(reason ? { reason } : {}) };
    const event = await this.event('hidden', detail, { ...message, status: 'hidden', hiddenReason: reason });
    await audit(this.trx, staff, 'focus-group.hide', target(this.roomId), { messageId: message.id, reason });
    return { events: [event], visibilityChanged: wasVisible && message.authorKind === 'participant' };
  }

  private async moderateSeat(kind: 'mute' | 'unmute' | 'remove', pseudonym: string): Promise<ActionResult> {
    const staff = this.staff;
    const seat = await seatByPseudonym(this.trx, this.roomId, pseudonym);
    if (!seat || seat.removed)
      throw new ActionError('not_found', `Nobody called ${pseudonym} is in this room.`);
    await updateSeat(
      this.trx,
      this.roomId,
      seat.id,
      kind === 'remove' ? { removed: true } : { muted: kind === 'mute' },
    );
    const eventKind = kind === 'mute' ? 'muted' : kind === 'unmute' ? 'unmuted' : 'removed';
    const event = await this.event(eventKind, { pseudonym });
    await audit(this.trx, staff, `focus-group.${kind}`, target(this.roomId), { pseudonym });
    return { events: [event], visibilityChanged: false };
  }

  private async pin(id: string | null): Promise<ActionResult> {
    const staff = this.staff;
    if (id) {
      const message = await this.message(id);
      if (message.status !== 'visible')
        throw new ActionError('invalid_frame', 'Only a visible message can be pinned.');
    }
    await setPinned(this.trx, this.roomId, id);
    const event = await this.event('pinned', { id });
    await audit(this.trx, staff, 'focus-group.pin', target(this.roomId), { messageId: id });
    return { events: [event], visibilityChanged: false };
  }
}
