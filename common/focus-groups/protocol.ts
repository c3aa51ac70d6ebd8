// The focus-group socket protocol, defined once: the server validates every frame with it and the
// browser imports it by relative path. Pure TypeScript — no Node, no dependencies.
//
// Wire: JSON text frames. The first client frame is `hello`; the server answers `welcome` with the
// events after the client's `lastSeq`. Every room event carries the room's sequence number `seq`,
// persisted before it is sent, so a client that resumes from its last `seq` misses nothing and
// receives nothing twice. Frames without `seq` (`welcome`, `error`) are not room events.

import { isStorable, UNSTORABLE_MESSAGE } from '../storable.ts';

/** Bumped on any incompatible change; a client speaking another version is closed with 4002. */
export const PROTOCOL_VERSION = 1;

export const MAX_MESSAGE_LENGTH = 1000;
export const MAX_PROMPT_LENGTH = 500;
export const MAX_REASON_LENGTH = 200;
export const MAX_CLIENT_ID_LENGTH = 64;
/** Inbound frames larger than this are refused by the socket itself (`maxPayload`). */
export const MAX_FRAME_BYTES = 4096;

export const REACTIONS = ['👍', '❤️', '💡', '🤔'] as const;
export type Reaction = (typeof REACTIONS)[number];
/** What each reaction means, in words (shown next to the emoji and read by screen readers). */
export const REACTION_LABELS: Record<Reaction, string> = {
  '👍': 'Agree',
  '❤️': 'Thanks',
  '💡': 'Good idea',
  '🤔': 'Not sure',
};

/**
 * Close codes. 1xxx are the standard ones the server uses; 4xxx are Greenroom's own.
 * A client reconnects (with backoff, resuming from its last seq) only after the ones marked "resume".
 */
export const CloseCode = {
  /** The server is shutting down or restarting — resume. */
  goingAway: 1001,
  /** A frame larger than 4 KiB (`maxPayload`): the standard "message too big", sent by `ws` itself. */
  tooBig: 1009,
  /** The first frame was not a valid `hello`, the seat is unknown, or there is no staff session. */
  unauthenticated: 4001,
  /** `hello.v` names a protocol version this server does not speak. */
  unsupportedVersion: 4002,
  /** No `hello` arrived in time. */
  helloTimeout: 4003,
  /** The moderator removed this seat; it cannot return. */
  removed: 4005,
  /** The same seat connected again elsewhere; the newer socket wins. */
  replaced: 4007,
  /** Persistent flooding after `rate_limited` errors, or far too many frames. */
  flooding: 4008,
  /** The client did not read fast enough (send buffer over the high-water mark) — resume. */
  slowConsumer: 4009,
  /** The room is closed; nothing more will happen in it. */
  roomClosed: 4010,
  /** The database did not answer the `hello` — resume. */
  tryAgainLater: 1013,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client should reconnect by itself and resume from its last seq. */
export const RESUMABLE_CLOSE_CODES: ReadonlySet<number> = new Set([
  1001,
  1005, // no status: the server closed without a code (e.g. while shutting down)
  1006, // abnormal: dropped connection, terminated by heartbeat
  1011,
  1012,
  1013,
  CloseCode.helloTimeout,
  CloseCode.slowConsumer,
]);

/** Error codes of `error` frames. The socket stays open after each, except `removed` (then close 4005). */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_frame'
  | 'unknown_type'
  | 'too_long'
  | 'empty'
  | 'already_joined'
  | 'forbidden'
  | 'muted'
  | 'removed'
  | 'not_started'
  | 'rate_limited'
  | 'duplicate'
  | 'not_found'
  | 'room_closed'
  /** The database does not answer (restarting or down); nothing to do but try again. */
  | 'unavailable'
  | 'internal_error';

// ---- client → server ----

export interface HelloFrame {
  type: 'hello';
  v?: number;
  /** Participants: the seat secret from POST /api/focus-groups/:id/seats. Moderators: omitted (cookie). */
  seat?: string;
  /** The last `seq` this client saw; 0 for a fresh start. */
  lastSeq: number;
}
export interface SayFrame {
  type: 'say';
  text: string;
  /** Chosen by the client; echoed only to the author so it can match its optimistic copy. */
  clientId?: string;
}
export interface ReactFrame {
  type: 'react';
  id: string;
  emoji: Reaction;
}
export interface ApproveFrame {
  type: 'approve';
  id: string;
}
export interface HideFrame {
  type: 'hide';
  id: string;
  reason?: string;
}
export interface PseudonymFrame {
  type: 'mute' | 'unmute' | 'remove';
  pseudonym: string;
}
export interface PromptFrame {
  type: 'prompt';
  text: string;
}
export interface PinFrame {
  type: 'pin';
  /** null unpins. */
  id: string | null;
}
export interface CloseFrame {
  type: 'close';
}

export type ClientFrame =
  | HelloFrame
  | SayFrame
  | ReactFrame
  | ApproveFrame
  | HideFrame
  | PseudonymFrame
  | PromptFrame
  | PinFrame
  | CloseFrame;

/** Frames only a moderator may send. */
export const MODERATOR_FRAMES: ReadonlySet<ClientFrame['type']> = new Set([
  'approve',
  'hide',
  'mute',
  'unmute',
  'remove',
  'prompt',
  'pin',
  'close',
]);

// ---- server → client ----

export type MessageStatus = 'pending' | 'visible' | 'hidden';
export type Role = 'participant' | 'moderator';

export interface RoomInfo {
  id: string;
  title: string;
  description: string;
  prompts: string[];
  moderation: 'pre' | 'post';
  startsAt: string;
  endsAt: string;
  capacity: number;
  status: 'upcoming' | 'live' | 'closed';
}

export interface Participant {
  pseudonym: string;
  muted: boolean;
  removed: boolean;
}

export interface MessageEvent {
  type: 'message';
  seq: number;
  id: string;
  author: string;
  authorKind: Role;
  text: string;
  status: MessageStatus;
  /** Minutes since the session started: the only time a message carries. */
  minute: number;
  /** Present for the author's own messages (and a moderator's own). */
  clientId?: string;
  mine?: boolean;
  reason?: string;
}
export interface HiddenEvent {
  type: 'hidden';
  seq: number;
  id: string;
  reason?: string;
}
export interface ReactionEvent {
  type: 'reaction';
  seq: number;
  id: string;
  emoji: Reaction;
  count: number;
}
export interface PromptEvent {
  type: 'prompt';
  seq: number;
  text: string;
  minute: number;
}
export interface PinEvent {
  type: 'pinned';
  seq: number;
  id: string | null;
}
export interface SeatEvent {
  type: 'seated' | 'muted' | 'unmuted' | 'removed';
  seq: number;
  pseudonym: string;
}
export interface ClosedEvent {
  type: 'closed';
  seq: number;
}

export type RoomEvent =
  MessageEvent | HiddenEvent | ReactionEvent | PromptEvent | PinEvent | SeatEvent | ClosedEvent;

export interface WelcomeFrame {
  type: 'welcome';
  v: number;
  you: { role: Role; pseudonym: string | null; muted: boolean };
  room: RoomInfo;
  /** The room's latest seq when the backlog was read. */
  seq: number;
  /** Every event after the client's lastSeq that this client may see, in order. */
  backlog: RoomEvent[];
}
export interface ErrorFrame {
  type: 'error';
  error: ErrorCode;
  message: string;
  /** The clientId of the `say` this error answers, when there was one. */
  clientId?: string;
}

export type ServerFrame = WelcomeFrame | ErrorFrame | RoomEvent;

// ---- validation ----

export type Parsed = { ok: true; frame: ClientFrame } | { ok: false; error: ErrorCode; message: string };

const fail = (error: ErrorCode, message: string): Parsed => ({ ok: false, error, message });
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
/** Characters as people count them (code points), not UTF-16 units. */
export const textLength = (text: string) => [...text].length;

function only(frame: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(frame).every((key) => key === 'type' || keys.includes(key));
}

function text(frame: Record<string, unknown>, max: number, what: string): Parsed | string {
  const value = frame.text;
  if (typeof value !== 'string') return fail('invalid_frame', `${what} needs "text" (a string).`);
  const trimmed = value.trim();
  if (!trimmed) return fail('empty', `${what} is empty.`);
  if (textLength(trimmed) > max) return fail('too_long', `${what} is longer than ${max} characters.`);
  return trimmed;
}

class Unstorable extends Error {}

/** Parses and validates one client frame. Unknown fields are refused, strings are trimmed. */
export function parseClientFrame(raw: string): Parsed {
  let data: unknown;
  try {
    // Every string in the frame, so no field can carry text the database would refuse or alter.
    data = JSON.parse(raw, (_key, value: unknown) => {
      if (typeof value === 'string' && !isStorable(value)) throw new Unstorable();
      return value;
    });
  } catch (error) {
    if (error instanceof Unstorable) return fail('invalid_frame', UNSTORABLE_MESSAGE);
    return fail('invalid_json', 'The frame is not valid JSON.');
  }
  if (!isObject(data) || typeof data.type !== 'string') {
    return fail('invalid_frame', 'A frame is a JSON object with a "type".');
  }
  const frame = data;
  const invalid = (message: string) => fail('invalid_frame', message);
  switch (frame.type) {
    case 'hello': {
      if (!only(frame, ['v', 'seat', 'lastSeq'])) return invalid('hello takes v, seat and lastSeq only.');
      const { v, seat, lastSeq } = frame;
      if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v)))
        return invalid('v is an integer.');
      if (seat !== undefined && (typeof seat !== 'string' || seat.length < 16 || seat.length > 128)) {
        return invalid('seat is the seat secret.');
      }
      const resume = lastSeq ?? 0;
      if (typeof resume !== 'number' || !Number.isSafeInteger(resume) || resume < 0) {
        return invalid('lastSeq is a non-negative integer.');
      }
      return { ok: true, frame: { type: 'hello', v, seat, lastSeq: resume } as HelloFrame };
    }
    case 'say': {
      if (!only(frame, ['text', 'clientId'])) return invalid('say takes text and clientId only.');
      const clientId = frame.clientId;
      if (
        clientId !== undefined &&
        (typeof clientId !== 'string' || clientId.length > MAX_CLIENT_ID_LENGTH)
      ) {
        return invalid(`clientId is a string of at most ${MAX_CLIENT_ID_LENGTH} characters.`);
      }
      const said = text(frame, MAX_MESSAGE_LENGTH, 'The message');
      if (typeof said !== 'string') return said;
      return { ok: true, frame: { type: 'say', text: said, ...(clientId ? { clientId } : {}) } };
    }
    case 'react':
      if (!only(frame, ['id', 'emoji']) || !isId(frame.id))
        return invalid('react takes a message id and an emoji.');
      if (!REACTIONS.includes(frame.emoji as Reaction))
        return invalid(`emoji is one of ${REACTIONS.join(' ')}.`);
      return { ok: true, frame: { type: 'react', id: frame.id, emoji: frame.emoji as Reaction } };
    case 'approve':
      if (!only(frame, ['id']) || !isId(frame.id)) return invalid('approve takes a message id.');
      return { ok: true, frame: { type: 'approve', id: frame.id } };
    case 'hide': {
      if (!only(frame, ['id', 'reason']) || !isId(frame.id))
        return invalid('hide takes a message id and a reason.');
      const reason = frame.reason;
      if (reason !== undefined && (typeof reason !== 'string' || textLength(reason) > MAX_REASON_LENGTH)) {
        return invalid(`reason is at most ${MAX_REASON_LENGTH} characters.`);
      }
      const trimmed = typeof reason === 'string' ? reason.trim() : '';
      return { ok: true, frame: { type: 'hide', id: frame.id, ...(trimmed ? { reason: trimmed } : {}) } };
    }
    case 'mute':
    case 'unmute':
    case 'remove': {
      const pseudonym = frame.pseudonym;
      if (
        !only(frame, ['pseudonym']) ||
        typeof pseudonym !== 'string' ||
        !pseudonym ||
        pseudonym.length > 60
      ) {
        return invalid(`${frame.type} takes a pseudonym.`);
      }
      return { ok: true, frame: { type: frame.type, pseudonym } };
    }
    case 'prompt': {
      if (!only(frame, ['text'])) return invalid('prompt takes text only.');
      const said = text(frame, MAX_PROMPT_LENGTH, 'The prompt');
      if (typeof said !== 'string') return said;
      return { ok: true, frame: { type: 'prompt', text: said } };
    }
    case 'pin':
      if (!only(frame, ['id']) || !(frame.id === null || isId(frame.id)))
        return invalid('pin takes a message id or null.');
      return { ok: true, frame: { type: 'pin', id: frame.id } };
    case 'close':
      if (!only(frame, [])) return invalid('close takes nothing.');
      return { ok: true, frame: { type: 'close' } };
    default:
      return fail('unknown_type', `Unknown frame type "${String(frame.type).slice(0, 40)}".`);
  }
}
