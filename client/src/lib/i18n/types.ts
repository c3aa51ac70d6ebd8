// The shape every language must fill: English is the source, and each other language is checked against
// it with `satisfies Dictionary`, so a missing or extra key fails `tsc`. A message is a string with
// `{name}` placeholders, or a plural: `one` and `other` forms chosen by Intl.PluralRules from `{count}`.
import type { en } from './en.ts';

export interface Plural {
  readonly one: string;
  readonly other: string;
}

export type Source = typeof en;
export type MessageKey = keyof Source;

export type Dictionary = { readonly [K in MessageKey]: Source[K] extends Plural ? Plural : string };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The placeholders a message takes, read from its English text (a plural always takes `count`). */
export type ParamsOf<K extends MessageKey> = Source[K] extends Plural
  ? 'count' | Placeholders<Source[K]['one']> | Placeholders<Source[K]['other']>
  : Placeholders<Source[K]>;

export type Params<K extends MessageKey> = Record<ParamsOf<K>, string | number>;

/** Keys whose message takes no placeholders (for lists of labels, such as the nav). */
export type PlainKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];
