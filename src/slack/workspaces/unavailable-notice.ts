import type { webApi } from '@slack/bolt';
import { InstallationUnavailableError } from '../../errors.js';
import type { Logger } from '../../logger.js';

/** What a person is told when their workspace's installation cannot be read. */
export const INSTALLATION_UNAVAILABLE_TEXT =
  ':warning: chip-advice cannot read this workspace’s installation right now (its database is not answering), so it could not act on this. Nothing was changed: please try again in a few minutes.';

/** The error somewhere in Bolt's and @slack/oauth's wrappers (`original`, then `cause`). */
function findUnavailable(error: unknown): InstallationUnavailableError | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; depth += 1) {
    if (at instanceof InstallationUnavailableError) return at;
    at = (at as { original?: unknown }).original ?? at.cause;
  }
  return undefined;
}

/**
 * Multi-workspace mode: when Bolt could not authorize a request because its installation could
 * not be read, the person who asked is told through the request's response_url (slash commands
 * and clicks carry one; a modal submission gets Slack's own error in the modal, answers kept).
 * Bolt acknowledges such a request after the error handler, so without this a command would
 * simply do nothing. A workspace with no installation at all is not answered (it is not ours).
 * Never throws: it runs inside the error handler.
 */
export function installationUnavailableNotice(fetch: webApi.FetchFunction) {
  return async (error: unknown, body: unknown, logger: Logger): Promise<void> => {
    const unavailable = findUnavailable(error);
    const url = (body as { response_url?: unknown } | undefined)?.response_url;
    if (!unavailable || typeof url !== 'string') return;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          response_type: 'ephemeral',
          replace_original: false,
          text: INSTALLATION_UNAVAILABLE_TEXT,
        }),
      });
      if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
      logger.info({ teamId: unavailable.teamId }, 'told the person the installation is unreadable');
    } catch (failure) {
      logger.warn({ err: failure }, 'could not tell the person the installation is unreadable');
    }
  };
}
