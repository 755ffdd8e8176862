import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { AppContext } from '../context.js';

/** The parts of any incoming body that say what the request is; all optional. */
interface BodyShape {
  type?: string;
  command?: string;
  callback_id?: string;
  view?: { callback_id?: string; id?: string };
  actions?: { action_id?: string }[];
  event?: { type?: string };
}

/** The fields that say what the request is, without the ones it does not have. */
function bindingsOf(body: BodyShape, context: { teamId?: string; userId?: string }) {
  const bindings: Record<string, string> = {};
  const bind = (key: string, value: string | undefined) => {
    if (value !== undefined) bindings[key] = value;
  };
  bind('team', context.teamId);
  bind('user', context.userId);
  bind('kind', body.type ?? (body.command ? 'slash_command' : undefined));
  bind('command', body.command);
  bind('callbackId', body.view?.callback_id ?? body.callback_id);
  bind('view', body.view?.id);
  bind('actionId', body.actions?.[0]?.action_id);
  bind('event', body.event?.type);
  return bindings;
}

/**
 * Global middleware: gives every request a pino child logger bound to its team, user and what
 * it is (command, callback id, action id, event type), as `context.logger`.
 */
export function requestLogger(base: Logger): Middleware<AnyMiddlewareArgs, AppContext> {
  return async ({ body, context, next }) => {
    context.logger = base.child(bindingsOf(body as BodyShape, context));
    context.logger.debug('request received');
    await next();
  };
}
