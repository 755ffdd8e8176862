import { z } from 'zod';

/** `FOO=` in a .env file means "not set", not "set to nothing". */
export const unsetIfBlank = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A Slack token that must start with `prefix`. */
export const token = (prefix: string) =>
  z.string({ error: 'is missing' }).refine((value) => value.startsWith(prefix), {
    // Show only the prefix: the rest of a token is a secret, even a wrong one.
    error: (issue) =>
      `must start with ${prefix} (got a value starting with "${String(issue.input).slice(0, 5)}")`,
  });

/**
 * A whole number given as text, of at most `digits` digits, from `min` to `max`; `what` names it
 * in the message for text that is not one ("must be a number of days").
 */
export const wholeNumber = (what: string, digits: number, min: number, max: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${digits}}$`), {
      error: (issue) => `must be ${what} (got "${issue.input}")`,
    })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );

/** A whole number of milliseconds given as text, within bounds, with a default. */
export const millis = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unsetIfBlank,
    wholeNumber('a number of milliseconds', 7, min, max).default(fallback),
  );
