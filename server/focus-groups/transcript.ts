import type { RoomRow, TranscriptLine } from './queries.ts';
import { dayOf } from '../shared/days.ts';

// Transcripts carry pseudonyms and minute offsets only: no seat, no wall-clock time, no staff name.

/** Keeps a spreadsheet from running a cell as a formula (CSV injection). */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function transcriptCsv(lines: TranscriptLine[]): string {
  const rows = [
    ['seq', 'minute', 'kind', 'author', 'text'],
    ...lines.map((l) => [l.seq, l.minute, l.kind, l.author, l.text]),
  ];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');

/** "1 message was … and is", "3 messages were … and are": a count in a sentence that agrees with it. */
function messagesLeftOut(count: number, why: string): string {
  const one = count === 1;
  return `_${count} ${one ? 'message was' : 'messages were'} ${why} and ${one ? 'is' : 'are'} not included._`;
}

/** What the transcript leaves out: messages the moderator hid, and ones still waiting when the room closed. */
export interface LeftOut {
  hidden: number;
  pending: number;
}

export function transcriptMarkdown(
  room: RoomRow,
  lines: TranscriptLine[],
  { hidden, pending }: LeftOut,
): string {
  const out = [
    `# ${room.title}`,
    '',
    `Focus group of ${dayOf(room.startsAt)} · ${room.moderation === 'pre' ? 'pre' : 'post'}-moderated · pseudonyms only` +
      (room.closedAt ? '' : ' · still open'),
    '',
  ];
  if (room.description) out.push(room.description, '');
  for (const line of lines) {
    if (line.kind === 'prompt')
      out.push(`## ${line.text.replace(/\s+/g, ' ')}`, '', `_Prompt, minute ${line.minute}_`, '');
    else out.push(`**${line.author}** · minute ${line.minute}`, '', quote(line.text), '');
  }
  if (!lines.some((line) => line.kind === 'message')) out.push('_No messages._', '');
  if (hidden > 0) out.push(messagesLeftOut(hidden, 'hidden by the moderator'), '');
  if (pending > 0)
    out.push(
      messagesLeftOut(
        pending,
        room.closedAt
          ? 'still waiting for the moderator when the room closed'
          : 'still waiting for the moderator',
      ),
      '',
    );
  return out.join('\n');
}

export const transcriptFilename = (room: RoomRow, extension: string) =>
  `focus-group-${dayOf(room.startsAt)}-${
    room.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'transcript'
  }.${extension}`;
