import { type DestinationStream, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevelName } from './config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly level: LogLevelName;
  readonly format: 'pretty' | 'json';
  /** Secret values (tokens, signing secret) to scrub from every line, wherever they appear. */
  readonly secrets?: readonly string[];
  /** Where lines go; standard output by default. Tests pass a memory stream. */
  readonly destination?: DestinationStream;
}

/** Keys whose values never reach a log line, at the top level or one object down. */
const REDACT_KEYS = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'signingSecret',
  'authorization',
  'Authorization',
];
const REDACT_PATHS = [
  ...REDACT_KEYS,
  ...REDACT_KEYS.map((key) => `*.${key}`),
  'headers.authorization',
  '*.headers.authorization',
  'context.botToken',
];

/** Slack tokens by shape: bot, user, app-level, configuration and refresh tokens. */
const TOKEN_SHAPE = /\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g;
const REDACTED = '[redacted]';

/** Replaces Slack tokens and the given secret values in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let scrubbed = text.replace(TOKEN_SHAPE, REDACTED);
  for (const secret of secrets) {
    // Short values would scrub ordinary words; real secrets are long.
    if (secret.length < 8) continue;
    // A JSON line holds the secret as JSON writes it (quotes and backslashes escaped).
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      scrubbed = scrubbed.split(form).join(REDACTED);
    }
  }
  return scrubbed;
}

/**
 * The app's pino logger. `redact` removes known secret keys from structured fields; the
 * destination is wrapped so that any token or secret that slips into a message (an error from a
 * library, a logged request body) is scrubbed from the finished line before it is written.
 */
export function createLogger(options: LoggerOptions): Logger {
  const sink = options.destination ?? process.stdout;
  const out: DestinationStream =
    options.format === 'pretty' ? pretty({ destination: sink, sync: true }) : sink;
  const secrets = options.secrets ?? [];
  const scrubbing: DestinationStream = {
    write: (line: string) => out.write(scrubSecrets(line, secrets)),
  };
  return pino(
    {
      name: 'chip-advice',
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    scrubbing,
  );
}
