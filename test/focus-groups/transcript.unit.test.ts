import { describe, expect, test } from 'vitest';
import type { RoomRow, TranscriptLine } from '../../server/focus-groups/queries.ts';
import { transcriptMarkdown } from '../../server/focus-groups/transcript.ts';

const room = (closed: boolean): RoomRow => ({
  id: 'r1',
  title: 'Month-end close',
  description: '',
  prompts: [],
  startsAt: new Date('2026-11-30T10:00:00Z'),
  endsAt: new Date('2026-11-30T11:00:00Z'),
  capacity: 8,
  moderation: 'pre',
  closedAt: closed ? new Date('2026-11-30T11:00:00Z') : null,
  lastSeq: 3,
  pinnedMessageId: null,
});
const lines: TranscriptLine[] = [
  { seq: 1, minute: 2, kind: 'message', author: 'Amber Heron', text: 'Late cash counts.' },
];

describe('what a transcript says it leaves out', () => {
  test('one hidden message, in the singular', () => {
    const md = transcriptMarkdown(room(true), lines, { hidden: 1, pending: 0 });
    expect(md).toContain('_1 message was hidden by the moderator and is not included._');
    expect(md).not.toContain('waiting');
  });

  test('several hidden messages, in the plural', () => {
    const md = transcriptMarkdown(room(true), lines, { hidden: 3, pending: 0 });
    expect(md).toContain('_3 messages were hidden by the moderator and are not included._');
  });

  test('messages still waiting for the moderator when the room closed are counted', () => {
    const md = transcriptMarkdown(room(true), lines, { hidden: 0, pending: 5 });
    expect(md).toContain(
      '_5 messages were still waiting for the moderator when the room closed and are not included._',
    );
    expect(transcriptMarkdown(room(true), lines, { hidden: 2, pending: 1 })).toContain(
      '_1 message was still waiting for the moderator when the room closed and is not included._',
    );
  });

  test('in a room still open, waiting messages are not said to be left at closing', () => {
    const md = transcriptMarkdown(room(false), lines, { hidden: 0, pending: 2 });
    expect(md).toContain('_2 messages were still waiting for the moderator and are not included._');
  });

  test('nothing left out, nothing said', () => {
    const md = transcriptMarkdown(room(true), lines, { hidden: 0, pending: 0 });
    expect(md).not.toMatch(/not included/);
  });
});
