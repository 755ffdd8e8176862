import type { types } from '@slack/bolt';
import { LIMITS, truncate } from './limits.js';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type Button = types.Button;

/**
 * A message to post (chat.postMessage, an ephemeral reply, a response_url): blocks plus the
 * `text` Slack shows in notifications. That text is mrkdwn too, so it is escaped like the blocks.
 */
export interface MessagePayload {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/**
 * Small Block Kit constructors shared by every builder. Each one applies its limit, so a
 * builder cannot produce an over-long field by accident. Text that did not come from this app
 * (workload names, rule text) goes through {@link escapeMrkdwn} before it enters mrkdwn.
 */

/**
 * Escapes the three characters mrkdwn gives meaning to, so `<!channel>` in a workload name is
 * shown, not sent as a mention.
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * mrkdwn's formatting marks and the look-alike each becomes in user text. mrkdwn has no escape
 * for `*`, `_`, `~` or backticks (only `&`, `<`, `>` have entities), so a workload name such as
 * `my_*new*_model` would turn bold or italic, or end the summary's own bold text early; a
 * look-alike shows the same name and formats nothing.
 * @see https://docs.slack.dev/messaging/formatting-message-text#basic-formatting
 */
const FORMATTING_MARKS: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02cd', // ˍ modifier letter low macron
  '~': '\u223c', // ∼ tilde operator
  '`': '\u02cb', // ˋ modifier letter grave accent
};

/**
 * Text a person typed (a workload name), made safe for mrkdwn: {@link escapeMrkdwn}, and every
 * formatting mark replaced by a look-alike, so it can neither mention anyone nor format.
 */
export function escapeUserText(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (mark) => FORMATTING_MARKS[mark] ?? mark);
}

/** Plain text. None of the app's own texts has `:emoji:` codes to render, so no `emoji` flag. */
export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max) };
}

export function mrkdwn(text: string, max: number = LIMITS.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

export function section(text: string, accessory?: Button): SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...(accessory ? { accessory } : {}) };
}

/** Two-column fields; at most 10, each at most 2000 characters. */
export function fields(texts: readonly string[]): SectionBlock {
  return {
    type: 'section',
    fields: texts.slice(0, LIMITS.sectionFields).map((text) => mrkdwn(text, LIMITS.fieldText)),
  };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

export function context(...texts: readonly string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((text) => mrkdwn(text)),
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function button(options: {
  readonly text: string;
  readonly actionId: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
}): Button {
  return {
    type: 'button',
    text: plain(options.text, LIMITS.buttonText),
    action_id: options.actionId,
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.style ? { style: options.style } : {}),
  };
}

export function actions(elements: readonly Button[]): types.ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
}
