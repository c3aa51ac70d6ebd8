import fc from 'fast-check';

type Schema = Record<string, any>;

// fast-check arbitraries from the routes' own JSON schemas (TypeBox output): valid values, boundary
// values just outside the limits, and values of the wrong type.

const uuid = fc.uuid();
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringFor(schema: Schema, validOnly: boolean): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return uuid;
  if (schema.format === 'date') return day;
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 200, 5000);
  const valid = schema.pattern
    ? fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((value) => value.length >= min && value.length <= max)
    : fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 300)) });
  if (validOnly) return valid;
  const boundary = [fc.constant('x'.repeat(max)), fc.constant('y'.repeat(max + 1))];
  if (min > 0) boundary.push(fc.constant('z'.repeat(min - 1)));
  // Any code point, NUL and lone surrogates included: text Postgres would refuse or alter.
  boundary.push(
    fc.string({ unit: 'binary', minLength: Math.max(min, 1), maxLength: Math.min(max, 300) }),
    fc.constantFrom('\u0000', '\ud800', '\udfff').map((bad) => `${'w'.repeat(Math.max(min, 1))}${bad}`),
  );
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    ...boundary.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}

function numberFor(schema: Schema, validOnly: boolean): fc.Arbitrary<number> {
  const integer = schema.type === 'integer';
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  const inRange = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  if (validOnly) return inRange;
  return fc.oneof(inRange, fc.constantFrom(min - 1, max + 1, min, max, 0.5, -0));
}

/** Values for a schema; with `validOnly` every value passes the schema (as far as formats allow). */
export function valueFor(schema: Schema | undefined, depth = 0, validOnly = false): fc.Arbitrary<unknown> {
  if (!schema) return validOnly ? fc.constant(undefined) : fc.jsonValue({ maxDepth: 2 });
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s: Schema) => valueFor(s, depth + 1, validOnly)));
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s: Schema) => valueFor(s, depth + 1, validOnly)));
  switch (schema.type) {
    case 'string':
      return stringFor(schema, validOnly);
    case 'integer':
    case 'number':
      return numberFor(schema, validOnly);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1, validOnly), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 12),
      });
    case 'object': {
      const properties: Record<string, Schema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties))
        record[key] = valueFor(property, depth + 1, validOnly);
      return fc.record(record, { requiredKeys: [...required].filter((key) => key in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value that is probably wrong: another type, a dropped field, an extra field, or random JSON. */
export function mutantFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(null, true, 0, -1, '', [], {}, 'null', '💥'.repeat(50), '\u0000', 1e308),
  );
  if (!schema || schema.type !== 'object' || !schema.properties) return wrong;
  const keys = Object.keys(schema.properties);
  return fc.oneof(
    wrong,
    fc.tuple(valueFor(schema), fc.constantFrom(...keys), wrong).map(([value, key, replacement]) => ({
      ...(value as object),
      [key]: replacement,
    })),
    fc.tuple(valueFor(schema), fc.constantFrom(...keys)).map(([value, key]) => {
      const copy = { ...(value as Record<string, unknown>) };
      delete copy[key];
      return copy;
    }),
    valueFor(schema).map((value) => ({ ...(value as object), unexpected: 'field' })),
  );
}

/** Deeply nested JSON (parsers and validators must not fall over). */
export const deepNesting = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

export const brokenAuthorization = fc.constantFrom(
  'PrivateToken',
  'PrivateToken token=',
  'PrivateToken token=""',
  'PrivateToken token="AAAA"',
  'PrivateToken token="!!!not-base64!!!"',
  `PrivateToken token="${'A'.repeat(400)}"`,
  `PrivateToken token="${'A'.repeat(10_000)}"`,
  'PrivateToken token="AAIAAAAA", token="AAIAAAAA"',
  'Bearer nonsense',
  'Basic dXNlcjpwYXNz',
  '',
);
