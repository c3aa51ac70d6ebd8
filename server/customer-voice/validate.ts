import { createHash } from 'node:crypto';
import { redactCustomerText } from '../../common/pii.ts';
import { isStorable } from '../../common/storable.ts';
import { SCORE_RANGES, type Mapping, type ScoreKind } from '../../common/api/customer-voice.ts';

// One row of a customer-feedback export, checked and redacted: either a row ready to store or the reason it
// is refused. Pure (no I/O): the upload, the push API and the bench all go through it.

export const TEXT_MAX = 4000;
const SHORT_MAX = 80;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface FeedbackRow {
  externalId: string;
  text: string;
  piiKinds: string[];
  scoreKind: ScoreKind | null;
  score: number | null;
  day: string;
  channel: string | null;
  stage: string | null;
  product: string | null;
}

export type Checked = { ok: true; row: FeedbackRow } | { ok: false; reason: string };

class Refusal extends Error {}

/** Cells a spreadsheet would run as a formula (CSV injection): refused, never stored or exported. */
const FORMULA = /^[=+@\t\r]|^-\s*[A-Za-z0-9(]+\s*[(+\-*/^&=]/;

function asText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  if (value instanceof Uint8Array) {
    try {
      text = strictUtf8.decode(value);
    } catch {
      throw new Refusal(`the ${field} is not valid UTF-8`);
    }
  } else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else throw new Refusal(`the ${field} must be text`);
  if (text.includes('\uFFFD') || !isStorable(text)) throw new Refusal(`the ${field} is not valid UTF-8`);
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (text === '') return null;
  if (FORMULA.test(text))
    throw new Refusal(`the ${field} looks like a spreadsheet formula (starts with "${text[0]}")`);
  return text;
}

function short(value: unknown, field: string): string | null {
  const text = asText(value, field);
  if (text !== null && text.length > SHORT_MAX)
    throw new Refusal(`the ${field} is longer than ${SHORT_MAX} characters`);
  return text;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function dayOf(value: unknown, today: string): string {
  const text = asText(value, 'date');
  if (text === null) throw new Refusal('the date is empty');
  let year: number, month: number, date: number;
  const iso = ISO_DAY.exec(text);
  const dmy = DMY.exec(text);
  if (iso) [year, month, date] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [year, month, date] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
  else throw new Refusal(`the date "${text.slice(0, 40)}" is not YYYY-MM-DD (or DD/MM/YYYY)`);
  const parsed = new Date(Date.UTC(year, month - 1, date));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== date)
    throw new Refusal(`the date "${text.slice(0, 40)}" does not exist`);
  const day = parsed.toISOString().slice(0, 10);
  if (day > today) throw new Refusal(`the date ${day} is in the future`);
  if (year < 2000) throw new Refusal(`the date ${day} is too old`);
  return day;
}

function scoreKindOf(value: unknown): ScoreKind {
  const text = asText(value, 'score kind')?.toLowerCase();
  if (text === 'nps' || text === 'csat' || text === 'ces') return text;
  throw new Refusal(`unknown score kind "${String(text ?? '').slice(0, 20)}" (use nps, csat or ces)`);
}

function scoreOf(value: unknown, kind: ScoreKind): number {
  const text = asText(value, 'score');
  if (text === null) throw new Refusal('the score is empty');
  const score = Number(text);
  const range = SCORE_RANGES[kind];
  if (!/^\d{1,2}$/.test(text) || score < range.min || score > range.max)
    throw new Refusal(`the score "${text.slice(0, 20)}" is not a whole number on the ${range.name} scale`);
  return score;
}

/** Without an external id column, a row is known by its content: the same row imported twice stays one row. */
const contentId = (day: string, score: number | null, text: string) =>
  'sha256:' +
  createHash('sha256')
    .update(`${day}\u0000${score ?? ''}\u0000${text}`)
    .digest('hex')
    .slice(0, 40);

/** `get` reads the named column or key of the row (undefined when the row has no such field). */
export function checkRow(get: (field: string) => unknown, mapping: Mapping, today: string): Checked {
  try {
    const missing = mappedFields(mapping).find(
      ([field, name]) => ['text', 'date'].includes(field) && get(name) === undefined,
    );
    if (missing) throw new Refusal(`the row has no "${missing[1]}" field (mapped to the ${missing[0]})`);
    const raw = asText(get(mapping.text), 'text');
    if (raw === null) throw new Refusal('the text is empty');
    if (raw.length > TEXT_MAX) throw new Refusal(`the text is longer than ${TEXT_MAX} characters`);
    const day = dayOf(get(mapping.date), today);
    let scoreKind: ScoreKind | null = null;
    let score: number | null = null;
    if (mapping.score) {
      const present = asText(get(mapping.score), 'score');
      if (present !== null) {
        scoreKind = mapping.scoreKindColumn
          ? scoreKindOf(get(mapping.scoreKindColumn))
          : (mapping.scoreKind ?? scoreKindOf(undefined));
        score = scoreOf(present, scoreKind);
      }
    }
    const given = mapping.externalId ? short(get(mapping.externalId), 'external id') : null;
    if (mapping.externalId && given === null) throw new Refusal('the external id is empty');
    const redacted = redactCustomerText(raw);
    return {
      ok: true,
      row: {
        externalId: given ?? contentId(day, score, raw),
        text: redacted.text,
        piiKinds: redacted.kinds,
        scoreKind,
        score,
        day,
        channel: mapping.channel ? short(get(mapping.channel), 'channel') : null,
        stage: mapping.stage ? short(get(mapping.stage), 'stage') : null,
        product: mapping.product ? short(get(mapping.product), 'product') : null,
      },
    };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The mapped names a file must have (checked against a CSV header before any row is read). */
export const mappedFields = (mapping: Mapping): Array<[string, string]> =>
  (
    [
      ['text', mapping.text],
      ['date', mapping.date],
      ['score', mapping.score],
      ['score kind', mapping.scoreKindColumn],
      ['channel', mapping.channel],
      ['stage', mapping.stage],
      ['external id', mapping.externalId],
      ['product', mapping.product],
    ] as Array<[string, string | undefined]>
  ).filter((entry): entry is [string, string] => entry[1] !== undefined);
