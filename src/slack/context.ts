import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  BlockElementAction,
  ButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Advisor } from '../core/index.js';
import type { Logger } from '../logger.js';

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
}

type With<Args> = Args & AllMiddlewareArgs<AppContext>;

export type CommandArgs = With<SlackCommandMiddlewareArgs>;
export type ViewSubmissionArgs = With<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type ButtonArgs = With<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;
export type BlockActionArgs = With<SlackActionMiddlewareArgs<BlockAction<BlockElementAction>>>;
export type MessageShortcutArgs = With<SlackShortcutMiddlewareArgs<MessageShortcut>>;
export type AppHomeOpenedArgs = With<SlackEventMiddlewareArgs<'app_home_opened'>>;
