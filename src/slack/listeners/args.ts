import type {
  AllMiddlewareArgs,
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
} from '@slack/bolt';
import type { Advisor } from '../../core/index.js';
import type { AppContext } from '../context.js';
import type { AdviceDelivery } from '../delivery/deliver.js';
import type { MetadataSigner } from '../delivery/signed-metadata.js';
import type { DuplicateStore } from '../duplicates/index.js';
import type { DecisionHistory } from '../history/index.js';
import type { ChannelPortfolio } from '../portfolio/channel-portfolio.js';
import type { WorkspaceCleanup } from '../workspaces/index.js';

/** What listeners need besides Bolt's arguments; built once by `createApp`. */
export interface ListenerDeps {
  readonly advisor: Advisor;
  /** Signs and checks the destination in the modal's private_metadata. */
  readonly signer: MetadataSigner;
  /** Keys of things already done (submissions, "Post again"), to do each once. */
  readonly duplicates: DuplicateStore;
  /** Posts advice where it was asked for, or tells the person why not. */
  readonly delivery: AdviceDelivery;
  /** Records delivered advice and reads it back; undefined when the app runs without a store. */
  readonly history: DecisionHistory | undefined;
  /** A channel's portfolio of current decisions; undefined when the app runs without a store. */
  readonly portfolio: ChannelPortfolio | undefined;
  /** Multi-workspace mode only: deletes a workspace's tokens (and records) when it leaves. */
  readonly workspaces?: WorkspaceCleanup | undefined;
}

type With<Args> = Args & AllMiddlewareArgs<AppContext>;

export type CommandArgs = With<SlackCommandMiddlewareArgs>;
export type ViewSubmissionArgs = With<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type ButtonArgs = With<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;
export type BlockActionArgs = With<SlackActionMiddlewareArgs<BlockAction<BlockElementAction>>>;
export type MessageShortcutArgs = With<SlackShortcutMiddlewareArgs<MessageShortcut>>;
export type AppHomeOpenedArgs = With<SlackEventMiddlewareArgs<'app_home_opened'>>;
export type WorkspaceEventArgs = With<
  SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'>
>;

/**
 * Bolt's `respond` when the request has a response_url. Bolt only sets it then, though its
 * types always declare it (an App Home click has none).
 */
export function respondIfAny(respond: RespondFn | undefined): RespondFn | undefined {
  return typeof respond === 'function' ? respond : undefined;
}

/** The workspace (and Enterprise Grid org) a request came from: Bolt's context, else the payload's. */
export function workspaceOf(
  context: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined },
  body: {
    readonly team?: { readonly id?: string } | null;
    readonly enterprise?: { readonly id?: string } | null;
  },
): { teamId: string | undefined; enterpriseId: string | undefined } {
  return {
    teamId: context.teamId ?? body.team?.id,
    enterpriseId: context.enterpriseId ?? body.enterprise?.id,
  };
}
