import { z } from 'zod';

/** The longest duration Node's timers hold, in whole seconds (2^31 - 1 ms); longer ones fire at once. */
export const maxTimerSeconds = Math.floor((2 ** 31 - 1) / 1000);

/**
 * What an option's value may be: one schema checks it in a config file and, after `fromFlag`, on the command
 * line, so a flag and its config key can never accept different values.
 */
export interface ValueKind<T> {
  /** The schema a value must pass; its messages read "expected …" so both faces can print them. */
  readonly schema: z.ZodType<T>;
  /** How the README names the values, e.g. "a positive whole number". */
  readonly expected: string;
  /** Turns one command-line argument into a value for `schema`; absent for switches, which take none. */
  readonly fromFlag?: (text: string) => unknown;
  /** The flag may repeat or take several arguments, each one item (`--tests a b`). */
  readonly list?: boolean;
}

const asNumber = (text: string): unknown => (text.trim() === '' ? text : Number(text));

function numberKind(expected: string, build: (error: { error: string }) => z.ZodNumber): ValueKind<number> {
  const error = { error: `expected ${expected}` };
  return { schema: build(error), expected, fromFlag: asNumber };
}

export const positiveInt = numberKind('a positive whole number', (e) => z.number(e).int(e).positive(e));
export const count = numberKind('a whole number ≥ 0', (e) => z.number(e).int(e).nonnegative(e));
export const wholeNumber = numberKind('a whole number', (e) => z.number(e).int(e));

/** A duration in seconds that Node's timers can hold (past about 24.8 days a timer fires at once). */
export const seconds = numberKind('a number of seconds', (e) =>
  z
    .number(e)
    .positive(e)
    .max(maxTimerSeconds, { error: `expected at most ${maxTimerSeconds} seconds (about 24 days)` }),
);

export function numberBetween(min: number, max: number): ValueKind<number> {
  return numberKind(`a number from ${min} to ${max}`, (e) => z.number(e).min(min, e).max(max, e));
}

export const text: ValueKind<string> = {
  schema: z.string({ error: 'expected a non-empty string' }).min(1, { error: 'expected a non-empty string' }),
  expected: 'a non-empty string',
  fromFlag: (value) => value,
};

export const path: ValueKind<string> = { ...text, expected: 'a file path' };

export const switchKind: ValueKind<boolean> = { schema: z.boolean({ error: 'expected true or false' }), expected: 'true or false' };

export function oneOf<const T extends readonly [string, ...string[]]>(values: T): ValueKind<T[number]> {
  const expected = `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  return { schema: z.enum(values, { error: `expected ${expected}` }), expected, fromFlag: (value) => value };
}

/** Text in a small language of its own (`1,0.5,0.2`), checked by `parse`, whose message says what was wrong. */
export function parsedText(expected: string, parse: (text: string) => { ok: true } | { ok: false; message: string }): ValueKind<string> {
  const schema = z.string({ error: `expected ${expected}` }).check((ctx) => {
    const parsed = parse(ctx.value);
    if (!parsed.ok) ctx.issues.push({ code: 'custom', message: parsed.message, input: ctx.value });
  });
  return { schema, expected, fromFlag: (value) => value };
}

/** A list of items of one kind: a repeatable flag with several arguments, an array in a config file. */
export function listOf(item: ValueKind<string>, expected: string): ValueKind<string[]> {
  return { schema: z.array(item.schema, { error: `expected ${expected}` }), expected, fromFlag: (value) => value, list: true };
}

export const globs = listOf({ ...text, schema: z.string({ error: 'expected a glob' }).min(1, { error: 'expected a glob' }) }, 'a list of globs');

export const envNames = listOf(
  {
    ...text,
    schema: z.string({ error: 'expected an environment variable name' }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name' }),
  },
  'a list of environment variable names',
);

/** Checks one flag argument of `kind`; returns the value or the "expected …" message for commander. */
export function parseFlagValue(kind: ValueKind<unknown>, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const schema = kind.list ? (kind.schema as z.ZodArray<z.ZodType>).element : kind.schema;
  const parsed = schema.safeParse(kind.fromFlag ? kind.fromFlag(raw) : raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? `expected ${kind.expected}` };
}
