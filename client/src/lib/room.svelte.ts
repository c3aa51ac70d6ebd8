import {
  CloseCode,
  PROTOCOL_VERSION,
  RESUMABLE_CLOSE_CODES,
  type ClientFrame,
  type MessageStatus,
  type Participant,
  type Reaction,
  type RoomEvent,
  type RoomInfo,
  type ServerFrame,
  type WelcomeFrame,
} from '../../../common/focus-groups/protocol.ts';
import { t } from './i18n/index.ts';
import type { MessageKey } from './i18n/index.ts';

export {
  MAX_MESSAGE_LENGTH,
  REACTIONS,
  REACTION_LABELS,
  textLength,
} from '../../../common/focus-groups/protocol.ts';
export type { Reaction, RoomInfo } from '../../../common/focus-groups/protocol.ts';

export interface ChatMessage {
  id: string;
  seq: number;
  author: string;
  authorKind: 'participant' | 'moderator';
  text: string;
  /** `sending` until the server has stored it; `failed` if it refused. */
  status: MessageStatus | 'sending' | 'failed';
  minute: number;
  mine: boolean;
  clientId?: string;
  reason?: string;
  reactions: Partial<Record<Reaction, number>>;
}

export interface Prompt {
  seq: number;
  text: string;
  minute: number;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A message refused with `unavailable` (database down) goes again this often, this many times. */
const UNAVAILABLE_RETRY_MS = 3000;
const UNAVAILABLE_RETRIES = 5;

const CLOSE_MESSAGES: Record<number, MessageKey> = {
  [CloseCode.unauthenticated]: 'room.close.unauthenticated',
  [CloseCode.unsupportedVersion]: 'room.close.version',
  [CloseCode.removed]: 'room.close.removed',
  [CloseCode.replaced]: 'room.close.replaced',
  [CloseCode.flooding]: 'room.close.flooding',
  [CloseCode.roomClosed]: 'room.close.ended',
  [CloseCode.tooBig]: 'room.close.tooBig',
};

/** Full jitter: anywhere between 0 and an exponentially growing ceiling (capped), so clients spread out. */
export function backoff(attempt: number, random = Math.random): number {
  return Math.round(random() * Math.min(30_000, 500 * 2 ** attempt));
}

/**
 * One live focus-group connection. Joins with `hello`, keeps `lastSeq`, and after a drop reconnects
 * by itself with jittered backoff and resumes from `lastSeq`: the server sends exactly what was missed.
 * Messages sent while the socket was down are re-sent once the server confirms it never got them.
 */
export class RoomConnection {
  state = $state<ConnectionState>('connecting');
  you = $state<WelcomeFrame['you'] | null>(null);
  room = $state<RoomInfo | null>(null);
  messages = $state<ChatMessage[]>([]);
  prompts = $state<Prompt[]>([]);
  pinnedId = $state<string | null>(null);
  participants = $state<Participant[]>([]);
  /** The latest thing worth saying out loud (rendered in an aria-live region). */
  announcement = $state('');
  /** The latest refusal from the server, for the person who caused it. */
  notice = $state('');
  closeReason = $state('');
  /** True when a rejoin by hand makes sense (e.g. after 4007 or 4008). */
  canRejoin = $state(false);

  readonly pending = $derived(this.messages.filter((m) => m.status === 'pending'));
  readonly pinned = $derived(
    this.messages.find((m) => m.id === this.pinnedId && m.status === 'visible') ?? null,
  );
  readonly currentPrompt = $derived(this.prompts.at(-1) ?? null);

  #lastSeq = 0;
  #attempt = 0;
  #ws: WebSocket | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  #unsent: ChatMessage[] = [];
  #counter = 0;
  /** How often each message was re-sent after `unavailable` (by clientId). */
  #retries: Record<string, number> = {};
  readonly #onOnline = () => {
    if (this.state === 'reconnecting') this.#reconnectNow();
  };

  constructor(
    readonly roomId: string,
    readonly seat: string | null,
  ) {
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
    this.#connect();
  }

  get lastSeq() {
    return this.#lastSeq;
  }

  // ---- actions ----

  /** Sends a message; it shows at once as `sending`. Returns false if the room cannot take it now. */
  say(text: string): boolean {
    const trimmed = text.trim();
    if (!trimmed || this.state === 'closed') return false;
    const clientId = `${Date.now().toString(36)}-${(++this.#counter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const local: ChatMessage = {
      id: `local:${clientId}`,
      seq: Number.MAX_SAFE_INTEGER,
      author: this.you?.pseudonym ?? 'You',
      authorKind: this.you?.role ?? 'participant',
      text: trimmed,
      status: 'sending',
      minute: 0,
      mine: true,
      clientId,
      reactions: {},
    };
    this.messages.push(local);
    if (!this.#send({ type: 'say', text: trimmed, clientId })) this.#unsent.push(local);
    return true;
  }

  react(id: string, emoji: Reaction) {
    this.#send({ type: 'react', id, emoji });
  }
  approve(id: string) {
    this.#send({ type: 'approve', id });
  }
  hide(id: string, reason?: string) {
    this.#send({ type: 'hide', id, ...(reason ? { reason } : {}) });
  }
  moderate(type: 'mute' | 'unmute' | 'remove', pseudonym: string) {
    this.#send({ type, pseudonym });
  }
  prompt(text: string) {
    this.#send({ type: 'prompt', text });
  }
  pin(id: string | null) {
    this.#send({ type: 'pin', id });
  }
  closeRoom() {
    this.#send({ type: 'close' });
  }

  /** Rejoin by hand after a stop that needs a person's decision (another tab took over, flooding). */
  rejoin() {
    if (this.#stopped) return;
    this.canRejoin = false;
    this.closeReason = '';
    this.#attempt = 0;
    this.#connect();
  }

  /** Leave for good (the page is going away). */
  destroy() {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
    this.#ws?.close(1000);
    this.#ws = null;
  }

  // ---- the socket ----

  #connect() {
    if (this.#stopped) return;
    this.state = this.#lastSeq > 0 ? 'reconnecting' : 'connecting';
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/focus-groups/${this.roomId}/socket`);
    this.#ws = ws;
    ws.onopen = () => {
      const hello: ClientFrame = { type: 'hello', v: PROTOCOL_VERSION, lastSeq: this.#lastSeq };
      if (this.seat) hello.seat = this.seat;
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (event) => {
      if (this.#ws !== ws) return;
      try {
        this.#receive(JSON.parse(String(event.data)) as ServerFrame);
      } catch {
        // A frame we cannot read is dropped; the next resume fills any gap.
      }
    };
    ws.onclose = (event) => {
      if (this.#ws !== ws) return;
      this.#ws = null;
      this.#closed(event.code);
    };
  }

  #closed(code: number) {
    if (this.#stopped) {
      this.state = 'closed';
      return;
    }
    if (RESUMABLE_CLOSE_CODES.has(code)) {
      this.state = 'reconnecting';
      this.#timer = setTimeout(() => this.#connect(), backoff(this.#attempt++));
      return;
    }
    this.state = 'closed';
    this.closeReason = t((CLOSE_MESSAGES[code] ?? 'room.close.other') as 'room.close.other');
    this.canRejoin = code === CloseCode.replaced || code === CloseCode.flooding || code === CloseCode.tooBig;
    if (code === CloseCode.removed || code === CloseCode.roomClosed) this.announcement = this.closeReason;
  }

  #reconnectNow() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#connect();
  }

  #send(frame: ClientFrame): boolean {
    if (this.state !== 'open' || this.#ws?.readyState !== WebSocket.OPEN) return false;
    this.#ws.send(JSON.stringify(frame));
    return true;
  }

  // ---- frames ----

  #receive(frame: ServerFrame) {
    switch (frame.type) {
      case 'welcome':
        return this.#welcome(frame);
      case 'error': {
        // A re-sent message the server already had: its own event is (or will be) here anyway.
        if (frame.error === 'duplicate') return;
        this.notice = frame.message;
        // The database is down for a moment: nothing was stored, so the same message (same clientId,
        // never stored twice) goes again shortly, instead of leaving the person to type it again.
        const retries = frame.clientId ? (this.#retries[frame.clientId] ?? 0) : UNAVAILABLE_RETRIES;
        if (frame.error === 'unavailable' && retries < UNAVAILABLE_RETRIES) {
          const clientId = frame.clientId!;
          this.#retries[clientId] = retries + 1;
          setTimeout(() => {
            const pending = this.messages.find((m) => m.clientId === clientId && m.status === 'sending');
            if (pending && !this.#send({ type: 'say', text: pending.text, clientId }))
              this.#unsent.push(pending);
          }, UNAVAILABLE_RETRY_MS);
          return;
        }
        const failed =
          frame.clientId &&
          this.messages.find((m) => m.clientId === frame.clientId && m.status === 'sending');
        if (failed) {
          failed.status = 'failed';
          failed.reason = frame.message;
        }
        return;
      }
      default:
        return this.#apply(frame, true);
    }
  }

  #welcome(frame: WelcomeFrame) {
    const first = this.you === null;
    this.you = frame.you;
    this.room = frame.room;
    for (const event of frame.backlog) this.#apply(event, false);
    this.#lastSeq = Math.max(this.#lastSeq, frame.seq);
    this.#attempt = 0;
    this.state = 'open';
    this.closeReason = '';
    if (first) {
      const count = this.messages.filter((m) => m.status === 'visible').length;
      this.announcement = t('room.say.joined', { title: frame.room.title, count });
    } else {
      this.announcement = t('room.say.reconnected');
    }
    // Anything still `sending` is not in the backlog, so the server never stored it: send it now.
    const resend = [
      ...this.#unsent,
      ...this.messages.filter((m) => m.status === 'sending' && !this.#unsent.includes(m)),
    ];
    this.#unsent = [];
    for (const message of resend) {
      if (message.status === 'sending')
        this.#send({ type: 'say', text: message.text, clientId: message.clientId! });
    }
  }

  #apply(event: RoomEvent, live: boolean) {
    if (event.seq <= this.#lastSeq) return; // already applied (never twice)
    this.#lastSeq = event.seq;
    switch (event.type) {
      case 'message': {
        const existing =
          this.messages.find((m) => m.id === event.id) ??
          (event.clientId
            ? this.messages.find((m) => m.clientId === event.clientId && m.id.startsWith('local:'))
            : undefined);
        const wasVisible = existing?.status === 'visible';
        const next: ChatMessage = {
          id: event.id,
          seq: existing && !existing.id.startsWith('local:') ? existing.seq : event.seq,
          author: event.author,
          authorKind: event.authorKind,
          text: event.text,
          status: event.status,
          minute: event.minute,
          mine: Boolean(event.mine) || Boolean(existing?.mine),
          clientId: event.clientId ?? existing?.clientId,
          reactions: existing?.reactions ?? {},
        };
        if (existing) Object.assign(existing, next);
        else this.messages.push(next);
        this.messages.sort((a, b) => a.seq - b.seq);
        if (live && !wasVisible) this.#announceMessage(next);
        return;
      }
      case 'hidden': {
        const message = this.messages.find((m) => m.id === event.id);
        if (!message) return;
        message.status = 'hidden';
        message.reason = event.reason;
        if (live)
          this.announcement = message.mine
            ? event.reason
              ? t('room.say.hiddenMineReason', { reason: event.reason })
              : t('room.say.hiddenMine')
            : t('room.say.hidden');
        if (this.pinnedId === event.id) this.pinnedId = null;
        return;
      }
      case 'reaction': {
        const message = this.messages.find((m) => m.id === event.id);
        if (message) message.reactions[event.emoji] = event.count;
        return;
      }
      case 'prompt':
        this.prompts.push({ seq: event.seq, text: event.text, minute: event.minute });
        if (live) this.announcement = t('room.say.question', { text: event.text });
        return;
      case 'pinned':
        this.pinnedId = event.id;
        return;
      case 'seated':
      case 'muted':
      case 'unmuted':
      case 'removed':
        return this.#seatEvent(event.type, event.pseudonym, live);
      case 'closed':
        if (this.room) this.room.status = 'closed';
        this.announcement = t('room.say.closed');
        return;
    }
  }

  #seatEvent(type: 'seated' | 'muted' | 'unmuted' | 'removed', pseudonym: string, live: boolean) {
    let participant = this.participants.find((p) => p.pseudonym === pseudonym);
    if (!participant) {
      participant = { pseudonym, muted: false, removed: false };
      this.participants.push(participant);
    }
    if (type === 'muted' || type === 'unmuted') participant.muted = type === 'muted';
    if (type === 'removed') participant.removed = true;
    const isMe = this.you?.pseudonym === pseudonym;
    if (isMe && this.you && type !== 'seated') this.you.muted = type === 'muted';
    if (!live) return;
    if (type === 'seated') this.announcement = t('room.say.seated', { name: pseudonym });
    else if (isMe)
      this.announcement =
        type === 'muted' ? t('room.say.mutedMe') : type === 'unmuted' ? t('room.say.unmutedMe') : '';
    else this.announcement = t(`room.say.${type}`, { name: pseudonym });
  }

  #announceMessage(message: ChatMessage) {
    if (message.mine) {
      if (message.status === 'pending') this.announcement = t('room.say.minePending');
      else if (message.status === 'visible') this.announcement = t('room.say.mineVisible');
      return;
    }
    if (message.status === 'pending') this.announcement = t('room.say.awaiting', { name: message.author });
    else this.announcement = `${message.author}: ${message.text}`;
  }
}
