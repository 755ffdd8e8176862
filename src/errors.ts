import type { CodedError } from './core/index.js';

/**
 * Coded errors of the Slack app (the core has its own in `core/errors.ts`). Each has a literal
 * `code` that the global error handler logs, and keeps the underlying error as `cause`.
 */
export const AppErrorCode = {
  ConfigInvalid: 'chip_advice_config_invalid',
  PayloadInvalid: 'chip_advice_payload_invalid',
  SlackResponseInvalid: 'chip_advice_slack_response_invalid',
  DeliveryFailed: 'chip_advice_delivery_failed',
} as const;

export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** The environment is missing a value or has a malformed one; `problems` has one line per variable. */
export class ConfigInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.ConfigInvalid;
  override readonly name = 'ConfigInvalidError';

  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(problems.join('\n'), options);
  }
}

/**
 * Something that travelled through Slack and came back (private_metadata, a button value) is
 * not what this app wrote. Slack signs the request, but the value is still treated as untrusted.
 */
export class PayloadInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.PayloadInvalid;
  override readonly name = 'PayloadInvalidError';

  constructor(
    /** What was being read, e.g. `private_metadata` or `button value`. */
    readonly what: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`${what} is invalid: ${problems.join('; ')}`, options);
  }
}

/** Slack answered `ok: true` but without a field the app relies on (e.g. a message `ts`). */
export class SlackResponseInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.SlackResponseInvalid;
  override readonly name = 'SlackResponseInvalidError';

  constructor(
    readonly method: string,
    readonly missing: string,
  ) {
    super(`${method} answered without ${missing}`);
  }
}

/**
 * The advice could not be posted (Slack did not answer in time, kept failing, or refused in a
 * way a direct message does not fix). The person has been told, with their answers on a button;
 * this error is what the global handler logs. `cause` is the Web API error.
 */
export class DeliveryFailedError extends Error implements CodedError {
  readonly code = AppErrorCode.DeliveryFailed;
  override readonly name = 'DeliveryFailedError';

  constructor(
    /** Where the advice was going: a channel id, or `dm`. */
    readonly destination: string,
    options?: ErrorOptions,
  ) {
    super(`the advice could not be posted to ${destination}`, options);
  }
}
