import type { Logger } from '../../logger.js';
import { slackErrorOf } from '../transport/slack-error.js';

/** What Bolt passes an extended error handler (`extendedErrorHandler: true`), as used here. */
interface ErrorArgs {
  /** Bolt's coded error; errors without a code are wrapped, the original kept as `original`. */
  readonly error: Error & { readonly code: string; readonly original?: unknown };
  readonly context: Record<string, unknown>;
  /** The request's body, when Bolt had parsed it. */
  readonly body?: unknown;
}

/** Something to do after an error is logged, such as telling the person (never throws). */
export type AfterError = (error: unknown, body: unknown, logger: Logger) => Promise<void>;

/**
 * The one place errors from listeners and middleware end up (`app.error`): logged once, with the
 * request's bindings when the request logger ran, the error's code and Slack's error string.
 * Listeners do not catch errors except to tell the user something useful.
 */
export function errorHandler(base: Logger, after?: AfterError) {
  return async ({ error, context, body }: ErrorArgs): Promise<void> => {
    const logger = (context.logger as Logger | undefined) ?? base;
    const original = error.original ?? error;
    // Our coded errors keep the Web API error as `cause`.
    const slackError = slackErrorOf(original) ?? slackErrorOf((original as Error).cause);
    logger.error(
      { err: original, code: error.code, ...(slackError ? { slackError } : {}) },
      `request failed: ${error.message}`,
    );
    await after?.(error, body, logger);
  };
}
