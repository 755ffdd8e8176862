import { FAKE_TEAM } from './fake-slack-methods.js';
import type { StateValues } from './fill-form.js';

/**
 * Payloads shaped like the ones Slack sends for each surface, built from what the app itself
 * sent (the view it opened, the message it posted), so button values and view ids make the
 * same round trip they make in Slack.
 * @see https://docs.slack.dev/reference/interaction-payloads
 */

type Json = Record<string, unknown>;

export const USER = { id: 'U0ASKER', name: 'ada', username: 'ada', team_id: FAKE_TEAM.id };
export const CHANNEL = { id: 'C0GENERAL', name: 'general' };
const TEAM = { id: FAKE_TEAM.id, domain: 'fake-team' };
const APP_ID = 'A0CHIPADVICE';

let counter = 0;
/**
 * A fresh trigger_id, as Slack sends one per interaction. Its second part is when it was made
 * (ms), which the fake Web API reads to let it expire after 3 s, as Slack's do.
 */
export function triggerId(): string {
  counter += 1;
  return `${counter}.${Date.now()}.trigger${counter}`;
}

export function slashCommand(fields: {
  text?: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
}): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: fields.channelId ?? CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: USER.id,
    user_name: USER.name,
    command: '/chip-advice',
    text: fields.text ?? '',
    api_app_id: APP_ID,
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? triggerId(),
  };
}

/** The view as Slack sends it back: what the app sent, plus id, hash and the state. */
function viewPayload(view: Json, values: StateValues): Json {
  return { ...view, state: { values }, previous_view_id: null, root_view_id: view.id };
}

/** What every interactive payload carries: who clicked, in which workspace, from which app. */
function fromUser(): Json {
  return { team: TEAM, user: USER, api_app_id: APP_ID, token: 'verification-token-unused' };
}

export function viewSubmission(view: Json, values: StateValues): Json {
  return {
    type: 'view_submission',
    ...fromUser(),
    trigger_id: triggerId(),
    view: viewPayload(view, values),
    response_urls: [],
  };
}

/** A choice in an input block that dispatches actions (the workload question). */
export function viewAction(view: Json, values: StateValues, blockId: string): Json {
  const state = values[blockId] ?? {};
  const [actionId, value] = Object.entries(state)[0] ?? [blockId, {}];
  return {
    type: 'block_actions',
    ...fromUser(),
    container: { type: 'view', view_id: view.id },
    trigger_id: triggerId(),
    view: viewPayload(view, values),
    actions: [{ ...value, block_id: blockId, action_id: actionId, action_ts: '1700000001.000001' }],
  };
}

interface FoundButton {
  readonly blockId: string;
  readonly button: Json;
}

/** Buttons in a message or view, with their block ids, in order. */
export function buttonsOf(blocks: readonly Json[], actionId: string): FoundButton[] {
  return blocks.flatMap((block, index) => {
    const blockId = String(block.block_id ?? `generated-${index}`);
    const elements = [
      ...((block.elements as Json[] | undefined) ?? []),
      ...(block.accessory ? [block.accessory as Json] : []),
    ];
    return elements
      .filter((element) => element.type === 'button' && element.action_id === actionId)
      .map((button) => ({ blockId, button }));
  });
}

function clickOf({ blockId, button }: FoundButton): Json {
  return {
    type: 'button',
    block_id: blockId,
    action_id: button.action_id,
    text: button.text,
    ...(button.value === undefined ? {} : { value: button.value }),
    action_ts: '1700000002.000002',
  };
}

/** A click on the `index`-th button `actionId` of a message the app posted. */
export function messageButtonClick(
  posted: { channel: string; message: Json },
  actionId: string,
  options: { index?: number; responseUrl: string; value?: string },
): Json {
  const found = buttonsOf((posted.message.blocks as Json[]) ?? [], actionId)[options.index ?? 0];
  if (!found) throw new Error(`the message has no button ${actionId}`);
  const action = clickOf(found);
  return {
    type: 'block_actions',
    ...fromUser(),
    container: {
      type: 'message',
      message_ts: posted.message.ts,
      channel_id: posted.channel,
      is_ephemeral: false,
    },
    trigger_id: triggerId(),
    channel: { id: posted.channel, name: CHANNEL.name },
    message: posted.message,
    response_url: options.responseUrl,
    actions: [options.value === undefined ? action : { ...action, value: options.value }],
  };
}

/**
 * A click on the `index`-th button `actionId` of an ephemeral message (one only the clicker
 * sees, posted through a response_url or chat.postEphemeral), as Slack sends it: the container
 * says `is_ephemeral: true`, and there is no `message` field (bolt-python's block_actions
 * scenario tests carry the same shape).
 */
export function ephemeralButtonClick(
  shown: { channel: string; blocks: readonly Json[] },
  actionId: string,
  options: { index?: number; responseUrl: string },
): Json {
  const found = buttonsOf(shown.blocks, actionId)[options.index ?? 0];
  if (!found) throw new Error(`the message has no button ${actionId}`);
  return {
    type: 'block_actions',
    ...fromUser(),
    container: {
      type: 'message',
      message_ts: '1700000098.000001',
      channel_id: shown.channel,
      is_ephemeral: true,
    },
    trigger_id: triggerId(),
    channel: { id: shown.channel, name: CHANNEL.name },
    response_url: options.responseUrl,
    actions: [clickOf(found)],
  };
}

/** A click on a button of the App Home tab. */
export function homeButtonClick(view: Json, actionId: string): Json {
  const found = buttonsOf((view.blocks as Json[]) ?? [], actionId)[0];
  if (!found) throw new Error(`the view has no button ${actionId}`);
  return {
    type: 'block_actions',
    ...fromUser(),
    container: { type: 'view', view_id: view.id },
    trigger_id: triggerId(),
    view: { ...view, state: { values: {} } },
    actions: [clickOf(found)],
  };
}

export function messageShortcut(message: Json, callbackId: string, responseUrl: string): Json {
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: triggerId(),
    message_ts: message.ts,
    response_url: responseUrl,
    message: { type: 'message', ...message },
    user: USER,
    channel: CHANNEL,
    team: TEAM,
    token: 'verification-token-unused',
    action_ts: '1700000003.000003',
  };
}

/** An Events API envelope around `event`. */
export function eventCallback(event: Json): Json {
  return {
    token: 'verification-token-unused',
    team_id: TEAM.id,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: `Ev${triggerId().replace(/\W/g, '')}`,
    event_time: 1700000000,
    authorizations: [{ team_id: TEAM.id, user_id: 'U0BOT', is_bot: true }],
  };
}

export function appHomeOpened(tab: 'home' | 'messages' = 'home'): Json {
  return {
    type: 'app_home_opened',
    user: USER.id,
    channel: 'D0HOME',
    tab,
    event_ts: '1700000000.1',
  };
}
