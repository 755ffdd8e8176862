import type { App } from '@slack/bolt';
import type { Logger } from '../logger.js';

/**
 * What the app adds to Bolt's per-request `context`: a pino child logger bound to the request
 * (team, user, callback id...), set by the request-logger middleware before any listener runs.
 * A type alias, not an interface, so it fits Bolt's `StringIndexed` constraint.
 */
export type AppContext = { logger: Logger };

/** The Bolt app as listeners and middleware see it. */
export type ChipAdviceBolt = App<AppContext>;
