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

const REDACTED = '[redacted]';

/** Keys whose values never reach a log line, at the top level or up to two objects down. */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'token',
  'botToken',
  'appToken',
  'userToken',
  'signingSecret',
  // Multi-workspace mode: installations, token rotation and the OAuth exchange.
  'refreshToken',
  'botRefreshToken',
  'userRefreshToken',
  'clientSecret',
  'stateSecret',
  'access_token',
  'refresh_token',
  'client_secret',
  'authorization',
  'Authorization',
]);
const SECRET_DEPTH = 2;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `fields` with the value of every secret key replaced, at the top level and in plain objects
 * up to two levels down. Copies only the objects it changes; the caller's are left as they are.
 */
export function censorSecretFields(
  fields: Record<string, unknown>,
  depth = 0,
): Record<string, unknown> {
  let censored: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    let safe = value;
    if (SECRET_KEYS.has(key)) safe = REDACTED;
    else if (depth < SECRET_DEPTH && isPlainObject(value))
      safe = censorSecretFields(value, depth + 1);
    if (safe === value) continue;
    censored ??= { ...fields };
    censored[key] = safe;
  }
  return censored ?? fields;
}

/** Slack tokens by shape: bot, user, app-level, configuration and refresh tokens. */
const TOKEN_SHAPE = String.raw`\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for Slack token shapes and the given secret values, as they appear raw and as a
 * JSON line writes them (quotes and backslashes escaped). Short values would match ordinary
 * words; real secrets are long.
 */
function scrubPattern(secrets: readonly string[]): RegExp {
  const forms = secrets
    .filter((secret) => secret.length >= 8)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return new RegExp([...new Set(forms), TOKEN_SHAPE].join('|'), 'g');
}

/** A function that replaces Slack tokens and the given secret values in a text; built once. */
export function secretScrubber(secrets: readonly string[] = []): (text: string) => string {
  const pattern = scrubPattern(secrets);
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * The app's pino logger. A log formatter censors known secret keys in structured fields; the
 * destination is wrapped so that any token or secret that slips into a message (an error from a
 * library, a logged request body) is scrubbed from the finished line before it is written.
 * (pino's own `redact` option does what the formatter does, but parses every path again on
 * every line and every child logger: it cost more than the rest of a slash command's logging.)
 */
export function createLogger(options: LoggerOptions): Logger {
  // Synchronous writes to file descriptor 1 (pino's SonicBoom): fast, and nothing is lost if
  // the process stops right after a line.
  const sink = options.destination ?? pino.destination({ dest: 1, sync: true });
  const out: DestinationStream =
    options.format === 'pretty' ? pretty({ destination: sink, sync: true }) : sink;
  const scrub = secretScrubber(options.secrets);
  const scrubbing: DestinationStream = { write: (line: string) => out.write(scrub(line)) };
  return pino(
    {
      name: 'chip-advice',
      level: options.level,
      formatters: { log: censorSecretFields },
    },
    scrubbing,
  );
}
