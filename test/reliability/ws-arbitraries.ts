import fc from 'fast-check';
import {
  MAX_CLIENT_ID_LENGTH,
  MAX_FRAME_BYTES,
  MAX_MESSAGE_LENGTH,
  MAX_PROMPT_LENGTH,
  MAX_REASON_LENGTH,
  REACTIONS,
  type ErrorCode,
} from '../../common/focus-groups/protocol.ts';

// fast-check arbitraries of hostile focus-group socket frames. Each frame carries what the server must
// answer, decided by how the frame was built (not by asking the server's own parser).

/** Who sends: a joined participant, a joined moderator, or a fresh socket whose first frame this is. */
export type Sender = 'participant' | 'moderator' | 'newcomer';

/** The answers the server may give; exactly one of them must come back. */
export interface Outcome {
  /** `error` frames with one of these codes (the socket stays open). */
  errors?: ErrorCode[];
  /** Closes of this socket with one of these codes. */
  closes?: number[];
  /** The frame is carried out and this event comes back (a message with exactly this text). */
  event?: { type: 'message' | 'prompt' | 'pinned' | 'welcome'; text?: string };
}

export interface Hostile {
  what: string;
  bytes: Buffer;
  binary: boolean;
  /** Byte offsets where the message is split into fragments (empty: one frame). */
  cuts: number[];
  outcome: Outcome;
}

interface Shaped {
  what: string;
  value: unknown;
  outcome: Outcome;
}

const TYPES = [
  'hello',
  'say',
  'react',
  'approve',
  'hide',
  'mute',
  'unmute',
  'remove',
  'prompt',
  'pin',
  'close',
];
type FrameType = (typeof TYPES)[number];
const refused = (...errors: ErrorCode[]): Outcome => ({ errors });
/** The standard close ws sends for a text frame that is not UTF-8 (RFC 6455 §8.1). */
export const INVALID_UTF8 = 1007;

/** A JSON number JSON.stringify cannot write: 1e400 parses to Infinity, 2^53 + 1 to 2^53. */
class RawNumber {
  constructor(readonly json: string) {}
}
const raw = (json: string) => new RawNumber(json);

function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof RawNumber ? `@@raw${raws.push(v.json) - 1}@@` : v,
  );
  return text.replace(/"@@raw(\d+)@@"/g, (_match, i: string) => raws[Number(i)]!);
}

/** Postgres text cannot hold U+0000 and stores an unpaired surrogate as U+FFFD. */
const unstorable = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000') || /\p{Cs}/u.test(value)
    : typeof value === 'object' && value !== null && Object.values(value).some(unstorable);

const nested = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown;
const hostileChar = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u2028',
  '"',
  '\\',
  '🙂',
  '👩‍👩‍👧',
  'e\u0301',
  '中',
);
const anyText = (maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(hostileChar, fc.string({ maxLength: 3 })), { maxLength: Math.min(maxLength, 40) })
        .map((parts) => parts.join('')),
    },
  );
const codePoints = (text: string) => [...text].length;
const textOf = (max: number) =>
  anyText(200).filter((text) => text.trim() !== '' && codePoints(text.trim()) <= max);
const wrongType = fc.constantFrom<unknown>(
  true,
  0,
  -1,
  1e308,
  raw('1e400'),
  raw('-1e400'),
  raw('123456789012345678901234567890'),
  [],
  ['say'],
  {},
  { text: 'hi' },
  nested(40),
);
const notString = fc.oneof(wrongType, fc.constant(null));
const notId = fc.oneof(
  notString,
  fc.string({ maxLength: 40 }),
  fc.uuid().map((id) => `${id}0`),
);
const longer = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 20 });

interface Field {
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
  required?: true;
}
const idField: Field = { valid: fc.uuid(), invalid: notId, required: true };
const pseudonymField: Field = {
  valid: fc.string({ minLength: 1, maxLength: 60 }),
  invalid: fc.oneof(notString, fc.constant(''), longer(60)),
  required: true,
};

const FIELDS: Record<FrameType, Record<string, Field>> = {
  hello: {
    v: { valid: fc.integer(), invalid: fc.oneof(notString, fc.constantFrom(1.5, raw('1e400'))) },
    seat: {
      valid: fc.string({ minLength: 16, maxLength: 128 }),
      invalid: fc.oneof(notString, fc.string({ maxLength: 15 }), longer(128)),
    },
    lastSeq: {
      valid: fc.oneof(fc.nat(), fc.constant(null)),
      invalid: fc.constantFrom<unknown>(-1, 1.5, raw('1e400'), raw('9007199254740993'), '0', true, [], {}),
    },
  },
  say: {
    text: { valid: textOf(MAX_MESSAGE_LENGTH), invalid: notString, required: true },
    clientId: {
      // Unique, so an accepted message is never a duplicate of an earlier one by chance.
      valid: fc.oneof(
        fc.noBias(fc.uuid()),
        fc.noBias(fc.uuid()).map((id) => id.padEnd(MAX_CLIENT_ID_LENGTH, '!')),
      ),
      invalid: fc.oneof(notString, longer(MAX_CLIENT_ID_LENGTH)),
    },
  },
  react: {
    id: idField,
    emoji: {
      valid: fc.constantFrom(...REACTIONS),
      invalid: fc.oneof(notString, fc.constantFrom('👎', '❤', '👍🏽', '', ':+1:')),
      required: true,
    },
  },
  approve: { id: idField },
  hide: {
    id: idField,
    reason: {
      valid: fc.string({ maxLength: MAX_REASON_LENGTH }),
      invalid: fc.oneof(notString, longer(MAX_REASON_LENGTH)),
    },
  },
  mute: { pseudonym: pseudonymField },
  unmute: { pseudonym: pseudonymField },
  remove: { pseudonym: pseudonymField },
  prompt: { text: { valid: textOf(MAX_PROMPT_LENGTH), invalid: notString, required: true } },
  pin: {
    id: {
      valid: fc.oneof(fc.uuid(), fc.constant(null)),
      invalid: fc.oneof(wrongType, fc.string()),
      required: true,
    },
  },
  close: {},
};

/** What a joined socket gets for a well-formed frame (ids and pseudonyms are random: they name nothing). */
function validOutcome(type: FrameType, frame: Record<string, unknown>, sender: Sender): Outcome {
  if (type === 'hello') return refused('already_joined');
  if (type === 'say') return { event: { type: 'message', text: (frame.text as string).trim() } };
  if (sender === 'participant') return refused(type === 'react' ? 'not_found' : 'forbidden');
  if (type === 'react') return refused('forbidden');
  if (type === 'prompt') return { event: { type: 'prompt' } };
  if (type === 'pin' && frame.id === null) return { event: { type: 'pinned' } };
  return refused('not_found');
}

const extraKey = (known: string[]) =>
  fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'seq', 'author', 'status', 'Type', 'text'),
      fc.string({ minLength: 1, maxLength: 10 }),
    )
    .filter((key) => key !== 'type' && !known.includes(key));

/** Every frame type: well-formed, with a field of the wrong type, without a required field, with an extra one. */
function shaped(sender: Sender): fc.Arbitrary<Shaped> {
  // A moderator's well-formed close would end the room for the rest of the run.
  const types = sender === 'moderator' ? TYPES.filter((type) => type !== 'close') : TYPES;
  // say, the one frame that writes a participant's text, comes up most.
  return fc.constantFrom(...types, 'say', 'say', 'say', 'say', 'say').chain((type) => {
    const fields = FIELDS[type]!;
    const names = Object.keys(fields);
    const required = names.filter((name) => fields[name]!.required);
    const base = fc
      .record(Object.fromEntries(names.map((name) => [name, fields[name]!.valid])), {
        requiredKeys: required,
      })
      .map((frame) => ({ type, ...frame }) as Record<string, unknown>);
    const variants: Array<fc.Arbitrary<Shaped>> = [
      base.map((frame) => ({
        what: `${type}: well-formed`,
        value: frame,
        outcome: validOutcome(type, frame, sender),
      })),
      base.map((frame) => ({
        what: `${type}: well-formed`,
        value: frame,
        outcome: validOutcome(type, frame, sender),
      })),
      extraKey(names).chain((key) =>
        fc.tuple(base, fc.jsonValue({ maxDepth: 2 })).map(([frame, extra]) => ({
          what: `${type}: extra field ${JSON.stringify(key)}`,
          value: { ...frame, [key]: extra },
          outcome: refused('invalid_frame'),
        })),
      ),
    ];
    if (names.length)
      variants.push(
        fc.constantFrom(...names).chain((name) =>
          fc.tuple(base, fields[name]!.invalid).map(([frame, bad]) => ({
            what: `${type}: wrong ${name}`,
            value: { ...frame, [name]: bad },
            outcome: refused('invalid_frame'),
          })),
        ),
      );
    if (required.length)
      variants.push(
        fc.tuple(base, fc.constantFrom(...required)).map(([frame, name]) => {
          const { [name]: _dropped, ...rest } = frame;
          return { what: `${type}: no ${name}`, value: rest, outcome: refused('invalid_frame') };
        }),
      );
    return fc.oneof(...variants);
  });
}

/** Well-formed messages: the frames a fuzzer most needs the server to get right (accept, store, echo). */
const says: fc.Arbitrary<Shaped> = fc
  .record(
    { text: FIELDS.say!.text!.valid, clientId: FIELDS.say!.clientId!.valid },
    { requiredKeys: ['text'] },
  )
  .map((frame) => ({
    what: 'say',
    value: { type: 'say', ...frame },
    outcome: validOutcome('say', frame, 'participant'),
  }));

const unknownType: fc.Arbitrary<Shaped> = fc
  .tuple(
    fc
      .oneof(
        fc.constantFrom(
          '__proto__',
          'constructor',
          'toString',
          'SAY',
          ' say',
          'say ',
          'hello\u0000',
          '',
          'welcome',
        ),
        anyText(20),
      )
      .filter((type) => !TYPES.includes(type)),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  )
  .map(([type, rest]) => ({
    what: 'unknown type',
    value: { ...rest, type },
    outcome: refused('unknown_type'),
  }));

const notAFrame: fc.Arbitrary<Shaped> = fc
  .oneof(
    fc
      .jsonValue({ maxDepth: 3 })
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
    fc.record({ type: wrongType, text: fc.string() }),
    fc.record({ text: fc.string(), clientId: fc.uuid() }),
    fc
      .integer({ min: 1, max: 2000 })
      .map((depth) => ({ type: 'say', text: 'deep', clientId: nested(depth) })),
  )
  .map((value) => ({ what: 'not a frame', value, outcome: refused('invalid_frame') }));

/** say and prompt texts around their limits (in code points), padded with whitespace that is trimmed away. */
function textLimits(sender: Sender): fc.Arbitrary<Shaped> {
  return fc
    .record({
      type: fc.constantFrom('say', 'prompt'),
      unit: fc.constantFrom('a', 'é', '中', '🙂', '❤️'),
      over: fc.constantFrom(-1, 0, 0, 1, 2, 40),
      pad: fc.constantFrom('', ' ', '\n\t ', '\u3000'),
      blank: fc.constantFrom('', ' ', '\n', '\u3000\t', '\ufeff', '\u2028 '),
      empty: fc.boolean(),
    })
    .map(({ type, unit, over, pad, blank, empty }) => {
      const max = type === 'say' ? MAX_MESSAGE_LENGTH : MAX_PROMPT_LENGTH;
      const body = unit.repeat(Math.ceil((max + over) / codePoints(unit)));
      const text = empty ? blank : pad + body + pad;
      const value = { type, text };
      const outcome = empty
        ? refused('empty')
        : codePoints(body) > max
          ? refused('too_long')
          : validOutcome(type, value, sender);
      return { what: `${type} of ${empty ? 'blanks' : `${codePoints(body)} code points`}`, value, outcome };
    });
}

/** A fresh socket's hello: the version is checked first, then the seat; only the right seat gets in. */
function helloOutcome(frame: Record<string, unknown>, seat: string): Outcome {
  if (frame.v !== undefined && frame.v !== 1) return { closes: [4002] };
  return frame.seat === seat ? { event: { type: 'welcome' } } : { closes: [4001] };
}

const hellos = (seat: string): fc.Arbitrary<Shaped> =>
  fc
    .record(
      {
        v: fc.oneof(fc.constant(1), fc.integer({ min: -5, max: 1e6 })),
        seat: fc.oneof(fc.constant(seat), fc.constant(seat), FIELDS.hello!.seat!.valid),
        lastSeq: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
      },
      { requiredKeys: [] },
    )
    .map((frame) => ({
      what: 'hello',
      value: { type: 'hello', ...frame },
      outcome: helloOutcome(frame, seat),
    }));

/** On a fresh socket anything but a well-formed hello is refused by closing (4001). */
function asFirstFrame(shape: Shaped, seat: string): Shaped {
  const frame = shape.value as Record<string, unknown>;
  if (shape.what === 'hello' || shape.what === 'hello: well-formed')
    return { ...shape, outcome: helloOutcome(frame, seat) };
  return { ...shape, outcome: { closes: [4001] } };
}

/** JSON that does not parse: a frame cut short, a character slipped in, garbage after it. */
const malformed = fc
  .tuple(
    shaped('participant').map((shape) => serialize(shape.value)),
    fc.nat(),
    fc.constantFrom('', '{', '}', '"', ',', ':', '\\', 'x', ']', '\u0000'),
    fc.constantFrom('cut', 'insert', 'append'),
  )
  .map(([json, at, char, how]) => {
    const i = at % (json.length + 1);
    return how === 'cut'
      ? json.slice(0, i)
      : how === 'insert'
        ? json.slice(0, i) + char + json.slice(i)
        : json + char + 'x';
  });

/** Text that is no JSON frame at all; strings that happen to parse into an object with a string type are left out. */
const garbage = fc.oneof(
  anyText(300),
  malformed,
  fc.integer({ min: 1, max: 2100 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
);
function garbageOutcome(text: string): Outcome | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refused('invalid_json');
  }
  const frameLike = typeof value === 'object' && value !== null && !Array.isArray(value);
  return frameLike && typeof (value as { type?: unknown }).type === 'string'
    ? null
    : refused('invalid_frame');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (bytes: Uint8Array) => {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Whitespace that pads a JSON frame to a byte size near the limit (JSON allows it after the value). */
const padTo = fc.oneof(
  { weight: 10, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: MAX_FRAME_BYTES - 8, max: MAX_FRAME_BYTES + 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_FRAME_BYTES + 9, max: 3 * MAX_FRAME_BYTES }) },
);
const cuts = fc.oneof(
  { weight: 2, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) },
);

/** Hostile frames for one sender. `seat` is the newcomer's own seat secret (for its hellos). */
export function hostileFrames(sender: Sender, seat = ''): fc.Arbitrary<Hostile> {
  const shapes = fc.oneof(
    { weight: 8, arbitrary: shaped(sender) },
    { weight: 5, arbitrary: says },
    { weight: 2, arbitrary: unknownType },
    { weight: 3, arbitrary: textLimits(sender) },
    { weight: 1, arbitrary: notAFrame },
    ...(sender === 'newcomer' ? [{ weight: 6, arbitrary: hellos(seat) }] : []),
  );
  const json = shapes.map((shape) => {
    const { what, value, outcome } = sender === 'newcomer' ? asFirstFrame(shape, seat) : shape;
    // Text Postgres cannot store must be refused before it reaches the database (see ws-fuzz findings).
    const clean: Outcome = !unstorable(value)
      ? outcome
      : outcome.event
        ? refused('invalid_frame')
        : {
            ...outcome,
            errors: outcome.errors && [...new Set([...outcome.errors, 'invalid_frame' as const])],
          };
    return { what, text: serialize(value), binary: false, outcome: clean };
  });
  const text = garbage.chain((text) => {
    const outcome = garbageOutcome(text);
    return outcome
      ? fc.constant({
          what: 'garbage',
          text,
          binary: false,
          outcome: sender === 'newcomer' ? { closes: [4001] } : outcome,
        })
      : json;
  });
  const bytes = fc
    .oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.oneof({ weight: 3, arbitrary: json }, { weight: 1, arbitrary: text }), padTo)
          .map(([frame, size]) => {
            const body = Buffer.from(frame.text);
            const padded = Buffer.concat([body, Buffer.alloc(Math.max(0, size - body.length), 0x20)]);
            return { what: frame.what, bytes: padded, binary: false, outcome: frame.outcome };
          }),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.uint8Array({ maxLength: 600 }),
            json.map((frame) => new Uint8Array(Buffer.from(frame.text))),
          )
          .map((data) => ({
            what: 'binary',
            bytes: Buffer.from(data),
            binary: true,
            // A binary first frame is answered like any bad frame, before the hello check.
            outcome: { ...refused('invalid_frame'), ...(sender === 'newcomer' ? { closes: [4001] } : {}) },
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .uint8Array({ minLength: 1, maxLength: 600 })
          .filter((data) => !isUtf8(data))
          .map((data) => ({
            what: 'text frame that is not UTF-8',
            bytes: Buffer.from(data),
            binary: false,
            outcome: { closes: [INVALID_UTF8] } as Outcome,
          })),
      },
    )
    .map((frame) =>
      // ws refuses anything over maxPayload with the standard 1009 before reading it.
      frame.bytes.length > MAX_FRAME_BYTES ? { ...frame, outcome: { closes: [1009] } } : frame,
    );
  return fc.tuple(bytes, cuts).map(([frame, at]) => ({
    ...frame,
    cuts: [...new Set(at.map((i) => i % (frame.bytes.length + 1)))].sort((a, b) => a - b),
  }));
}

/** The message split at `cuts` into the fragments of one websocket message. */
export function fragments(frame: Hostile): Buffer[] {
  const edges = [0, ...frame.cuts, frame.bytes.length];
  return frame.cuts.length
    ? edges.slice(1).map((end, i) => frame.bytes.subarray(edges[i], end))
    : [frame.bytes];
}

/** A hand-written frame (padded with spaces to `size` bytes), for the examples every run starts with. */
export function handmade(
  value: unknown,
  outcome: Outcome,
  options: { size?: number; cuts?: number[] } = {},
): Hostile {
  const body = Buffer.from(serialize(value));
  const bytes = Buffer.concat([body, Buffer.alloc(Math.max(0, (options.size ?? 0) - body.length), 0x20)]);
  return { what: 'example', bytes, binary: false, cuts: options.cuts ?? [], outcome };
}
