import type { Reaction, RoomEvent } from '../../common/focus-groups/protocol.ts';
import type { StoredEvent, StoredMessage } from './queries.ts';

/** Who is looking: moderators see everything; a participant sees what is visible plus their own. */
export type Viewer = { role: 'moderator' } | { role: 'participant'; seatId: string };

/** The audience an event renders the same for; `author` is the seat that wrote the event's message. */
export type Audience = 'moderator' | 'author' | 'public';

export function audienceOf(event: StoredEvent, viewer: Viewer): Audience {
  if (viewer.role === 'moderator') return 'moderator';
  return event.message?.seatId && event.message.seatId === viewer.seatId ? 'author' : 'public';
}

function messageFrame(
  event: StoredEvent,
  message: StoredMessage,
  audience: Audience,
  status: 'pending' | 'visible',
) {
  const own = audience === 'author' || (audience === 'moderator' && message.authorKind === 'moderator');
  return {
    type: 'message' as const,
    seq: event.seq,
    id: message.id,
    author: message.author,
    authorKind: message.authorKind,
    text: message.text,
    status,
    minute: event.minute,
    ...(own && message.clientId ? { clientId: message.clientId } : {}),
    ...(audience === 'author' ? { mine: true } : {}),
  };
}

/**
 * The frame one audience receives for a stored event, or null when that audience may not see it.
 * Others never receive the text of a message that is pending or (now) hidden — not even on replay.
 */
export function render(event: StoredEvent, audience: Audience): RoomEvent | null {
  const { seq, detail, message } = event;
  const privileged = audience !== 'public';
  switch (event.kind) {
    case 'message': {
      const status = detail.status as 'pending' | 'visible';
      if (!message) return null;
      if (!privileged && (status !== 'visible' || message.status !== 'visible')) return null;
      return messageFrame(event, message, audience, status);
    }
    case 'approved':
      if (!message || (!privileged && message.status !== 'visible')) return null;
      return messageFrame(event, message, audience, 'visible');
    case 'hidden': {
      if (!message) return null;
      if (!privileged && !detail.wasVisible) return null;
      const reason = privileged && typeof detail.reason === 'string' ? { reason: detail.reason } : {};
      return { type: 'hidden', seq, id: message.id, ...reason };
    }
    case 'reaction':
      if (!message || (!privileged && message.status !== 'visible')) return null;
      return {
        type: 'reaction',
        seq,
        id: message.id,
        emoji: detail.emoji as Reaction,
        count: Number(detail.count),
      };
    case 'prompt':
      return { type: 'prompt', seq, text: String(detail.text), minute: event.minute };
    case 'pinned':
      return { type: 'pinned', seq, id: (detail.id as string | null) ?? null };
    case 'seated':
    case 'muted':
    case 'unmuted':
    case 'removed':
      return { type: event.kind, seq, pseudonym: String(detail.pseudonym) };
    case 'closed':
      return { type: 'closed', seq };
  }
}
