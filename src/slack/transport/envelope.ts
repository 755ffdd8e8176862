import { z } from 'zod';
import { formatPath } from '../../core/index.js';

/**
 * The shape every request body must have before Bolt sees it. Bolt routes a body by its keys
 * (`event`, then `command`, `name`, `actions`, then `type`) and then reads fields it assumes are
 * there (`body.user.id`, `event.channel.id`, `actions[0]`...): a signed body without them makes it
 * throw, which Bolt answers with a 500 or, for some, never answers. So each body is checked against
 * the kind Bolt will take it for, with the fields Slack always sends for that kind and the fields
 * this app reads. Other fields are left alone (`looseObject`), so Slack can add to its payloads.
 * @see https://docs.slack.dev/reference/interaction-payloads
 */

const text = z.string();
const id = z.string().max(255);
const url = z.url({ protocol: /^https?$/ }).max(2000);
const object = z.looseObject({});

const user = z.looseObject({ id, team_id: id.optional() });
const team = z.looseObject({ id: id.optional(), enterprise_id: id.nullish() }).nullable();
const channel = z.looseObject({ id });

const stateValue = z.looseObject({
  type: text.optional(),
  value: text.nullish(),
  selected_option: z.looseObject({ value: text }).nullish(),
  selected_options: z.array(z.looseObject({ value: text })).optional(),
});

/** Slack always sends `callback_id` and `private_metadata` (empty for a Home tab view). */
const view = z.looseObject({
  id,
  hash: text.optional(),
  callback_id: text.optional(),
  private_metadata: text.optional(),
  blocks: z.array(z.looseObject({ type: text, block_id: text.optional() })),
  state: z.looseObject({ values: z.record(text, z.record(text, stateValue)) }).optional(),
  app_installed_team_id: id.optional(),
});

/** What every interactive payload (actions, options, shortcuts, views) has in common. */
const interactive = {
  user,
  team: team.optional(),
  enterprise: z.looseObject({ id }).nullish(),
  channel: channel.optional(),
  trigger_id: text.optional(),
  response_url: url.optional(),
  response_urls: z.array(z.looseObject({ response_url: url })).optional(),
  view: view.optional(),
  message: z.looseObject({ ts: text, thread_ts: text.optional() }).optional(),
};

const eventBody = z.looseObject({
  type: text.optional(),
  event_id: text.optional(),
  team_id: id.optional(),
  authorizations: z
    .array(z.looseObject({ team_id: id.nullish(), enterprise_id: id.nullish() }))
    .optional(),
  event: z.looseObject({
    type: text,
    user: z.union([text, z.looseObject({ id })]).optional(),
    channel: z.union([text, object]).optional(),
    channel_id: text.optional(),
    item: object.optional(),
    subteam: object.optional(),
    tab: text.optional(),
  }),
});

/** Form fields of a slash command: each exactly one string (a repeated field would be a list). */
const commandBody = z.looseObject({
  command: text,
  text,
  trigger_id: text,
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
  response_url: url.optional(),
});

const actionsBody = z.looseObject({
  ...interactive,
  type: text,
  actions: z
    .array(
      z.looseObject({
        type: text.optional(),
        action_id: text,
        block_id: text.optional(),
        value: text.optional(),
      }),
    )
    .min(1),
});

const shortcutBody = z.looseObject({ ...interactive, callback_id: text, trigger_id: text });
const messageShortcutBody = shortcutBody.extend({
  channel,
  message: z.looseObject({ ts: text, thread_ts: text.optional() }),
});
const viewBody = z.looseObject({
  ...interactive,
  view: view.extend({ callback_id: text, private_metadata: text }),
});
const optionsBody = z.looseObject({ ...interactive, type: text.optional() });

/** The schema for the kind Bolt will take `body` for, in Bolt's own order of checks. */
function schemaFor(body: Record<string, unknown>): z.ZodType | undefined {
  if (body.event !== undefined) return eventBody;
  if (body.command !== undefined) return commandBody;
  if (body.name !== undefined || body.type === 'block_suggestion') return optionsBody;
  if (body.actions !== undefined || body.type === 'dialog_submission') return actionsBody;
  if (body.type === 'shortcut') return shortcutBody;
  if (body.type === 'message_action') return messageShortcutBody;
  if (body.type === 'view_submission' || body.type === 'view_closed') return viewBody;
  // Bolt ignores what it cannot classify (url_verification and ssl_check never reach it).
  return undefined;
}

/** Problems with a request body, one line each (at most five); empty when it is well formed. */
export function envelopeProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [
      `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}, not an object`,
    ];
  }
  const schema = schemaFor(body as Record<string, unknown>);
  if (!schema) return [];
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues
    .slice(0, 5)
    .map((issue) => `${formatPath(issue.path) || '(top)'}: ${issue.message}`);
}
