import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  BlockElementAction,
  ButtonAction,
  MessageShortcut,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import type { Advisor } from '../core/index.js';
import type { Logger } from '../logger.js';
import type { MetadataSigner } from './delivery/signed-metadata.js';
import type { RecentKeys } from './duplicates/store.js';

/**
 * What the app adds to Bolt's per-request `context`: a pino child logger bound to the request
 * (team, user, callback id...), set by the request-logger middleware before any listener runs.
 * A type alias, not an interface, so it fits Bolt's `StringIndexed` constraint.
 */
export type AppContext = { logger: Logger };

export type ChipAdviceBolt = App<AppContext>;

/** What listeners need besides Bolt's arguments. */
export interface ListenerDeps {
  readonly advisor: Advisor;
  /** Signs and checks the modal's private_metadata (and the "Post again" button). */
  readonly signer: MetadataSigner;
  /** Keys of things already done (submissions, retries), to do each once. */
  readonly recent: RecentKeys;
  /** The app's time-bounded fetch (http-client.ts), for a response_url the app kept. */
  readonly fetch: webApi.FetchFunction;
}

type With<Args> = Args & AllMiddlewareArgs<AppContext>;

export type CommandArgs = With<SlackCommandMiddlewareArgs>;
export type ViewSubmissionArgs = With<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type ButtonArgs = With<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;
export type BlockActionArgs = With<SlackActionMiddlewareArgs<BlockAction<BlockElementAction>>>;
export type MessageShortcutArgs = With<SlackShortcutMiddlewareArgs<MessageShortcut>>;
export type AppHomeOpenedArgs = With<SlackEventMiddlewareArgs<'app_home_opened'>>;

/**
 * Bolt's `respond` when the request has a response_url. Bolt only sets it then, though its
 * types always declare it (an App Home click has none).
 */
export function respondIfAny(respond: RespondFn | undefined): RespondFn | undefined {
  return typeof respond === 'function' ? respond : undefined;
}
