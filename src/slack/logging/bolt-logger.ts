import { inspect } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

type Method = 'debug' | 'info' | 'warn' | 'error';

/** pino levels Bolt has no name for map to the nearest one it has. */
const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt's `Logger` interface over pino, so Bolt, the Web API client and the Socket Mode client
 * log through the same redacting, scrubbing pino instance as the app. Bolt calls these methods
 * with any mix of strings, objects and errors: an error becomes pino's `err` field, the rest
 * becomes the message.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/logging
 */
export class PinoBoltLogger implements BoltLogger {
  #log: Logger;

  constructor(private readonly base: Logger) {
    this.#log = base;
  }

  debug(...msg: unknown[]): void {
    this.#write('debug', msg);
  }

  info(...msg: unknown[]): void {
    this.#write('info', msg);
  }

  warn(...msg: unknown[]): void {
    this.#write('warn', msg);
  }

  error(...msg: unknown[]): void {
    this.#write('error', msg);
  }

  setLevel(level: LogLevel): void {
    this.#log.level = level;
  }

  getLevel(): LogLevel {
    return TO_BOLT[this.#log.level] ?? LogLevel.INFO;
  }

  setName(name: string): void {
    this.#log = this.base.child({ component: name }, { level: this.#log.level });
  }

  #write(method: Method, args: readonly unknown[]): void {
    if (!this.#log.isLevelEnabled(method)) return;
    const err = args.find((arg) => arg instanceof Error);
    const text = args
      .filter((arg) => arg !== err)
      .map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 4, breakLength: 120 })))
      .join(' ');
    if (err) this.#log[method]({ err }, text || err.message);
    else this.#log[method](text);
  }
}
