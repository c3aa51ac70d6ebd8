import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

// Customer-feedback exports read as a stream of records, one at a time (bounded memory whatever the file
// size). CSV goes through csv-parse; JSONL is split on newlines with a per-line byte limit, so a 10 MB line
// is dropped as it arrives instead of being held.

/** No customer comment is this long; a record past it is refused (and never held in memory). */
export const RECORD_MAX_BYTES = 64 * 1024;

export type SourceRecord =
  | { kind: 'header'; columns: string[] }
  | { kind: 'row'; line: number; get: (field: string) => unknown }
  | { kind: 'rejected'; line: number; reason: string }
  /** The file cannot be read past this point: the import stops and stores nothing. */
  | { kind: 'fatal'; line: number; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function* readCsv(input: Readable): AsyncGenerator<SourceRecord> {
  const parser = parse({
    // Fields stay bytes: broken UTF-8 is refused per row instead of silently becoming U+FFFD.
    encoding: null,
    bom: true,
    info: true,
    max_record_size: RECORD_MAX_BYTES,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let columns: Map<string, number> | null = null;
  let width = 0;
  let line = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Buffer[];
      info: { lines: number };
    }>) {
      line = info.lines;
      if (!columns) {
        let names: string[];
        try {
          names = record.map((cell) => strictUtf8.decode(cell).trim());
        } catch {
          yield { kind: 'fatal', line, reason: 'the header row is not valid UTF-8' };
          return;
        }
        columns = new Map(names.map((name, index) => [name, index]));
        width = names.length;
        yield { kind: 'header', columns: names };
        continue;
      }
      if (record.length !== width) {
        yield {
          kind: 'rejected',
          line,
          reason: `expected ${width} columns as in the header, found ${record.length}`,
        };
        continue;
      }
      const index = columns;
      yield {
        kind: 'row',
        line,
        get: (field) => {
          const at = index.get(field);
          return at === undefined ? undefined : record[at];
        },
      };
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const at = (error as { lines?: number }).lines ?? line + 1;
    yield {
      kind: 'fatal',
      line: at,
      reason:
        code === 'CSV_MAX_RECORD_SIZE'
          ? `the record is longer than ${RECORD_MAX_BYTES / 1024} KB`
          : code.startsWith('CSV_')
            ? `the CSV cannot be read here: ${(error as Error).message.split(':')[0]}`
            : 'the upload was interrupted',
    };
  } finally {
    input.unpipe(parser);
    parser.destroy();
  }
}

/** Lines of bytes, each at most `max` bytes; a longer line yields `null` once and is skipped to its end. */
async function* lines(input: Readable, max: number): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let overlong = false;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      if (overlong || size + piece.length > max) yield null;
      else yield parts.length ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      size = 0;
      overlong = false;
      start = newline + 1;
    }
    const rest = chunk.subarray(start);
    if (overlong) continue;
    if (size + rest.length > max) {
      overlong = true;
      parts = [];
      size = 0;
    } else if (rest.length) {
      parts.push(Buffer.from(rest));
      size += rest.length;
    }
  }
  if (overlong) yield null;
  else if (size > 0) yield Buffer.concat(parts);
}

export async function* readJsonl(input: Readable): AsyncGenerator<SourceRecord> {
  let line = 0;
  try {
    for await (const bytes of lines(input, RECORD_MAX_BYTES)) {
      line++;
      if (bytes === null) {
        yield { kind: 'rejected', line, reason: `the line is longer than ${RECORD_MAX_BYTES / 1024} KB` };
        continue;
      }
      let text: string;
      try {
        text = strictUtf8.decode(bytes);
      } catch {
        yield { kind: 'rejected', line, reason: 'the line is not valid UTF-8' };
        continue;
      }
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        yield { kind: 'rejected', line, reason: 'the line is not valid JSON' };
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { kind: 'rejected', line, reason: 'the line is not a JSON object' };
        continue;
      }
      const object = value as Record<string, unknown>;
      yield {
        kind: 'row',
        line,
        get: (field) => (Object.hasOwn(object, field) ? object[field] : undefined),
      };
    }
  } catch {
    yield { kind: 'fatal', line: line + 1, reason: 'the upload was interrupted' };
  }
}
