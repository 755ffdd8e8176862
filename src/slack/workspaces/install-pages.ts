import type { IncomingMessage, ServerResponse } from 'node:http';

/** The app's name as the install pages show it (manifest.yml `display_information.name`). */
const APP_NAME = 'Chip Advice';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(html);
}

/** GET /slack/install: what the app does and the Add to Slack button (`url` carries the state). */
export function installPage(url: string): string {
  return page(
    `Add ${APP_NAME} to Slack`,
    `<p>${APP_NAME} recommends an AI accelerator (AWS Trainium or Inferentia, NVIDIA Blackwell/Rubin or Groq + Rubin) for a workload, and explains why.</p>
<p><a href="${escapeHtml(url)}"><img alt="Add to Slack" height="40" width="139" src="https://platform.slack-edge.com/img/add_to_slack.png" srcset="https://platform.slack-edge.com/img/add_to_slack.png 1x, https://platform.slack-edge.com/img/add_to_slack@2x.png 2x"></a></p>`,
  );
}

/** After a successful install: where it went and what to do next. */
export function sendInstalled(response: ServerResponse, workspace: string | undefined): void {
  const where = workspace ? ` in ${escapeHtml(workspace)}` : '';
  send(
    response,
    200,
    page(
      `${APP_NAME} is installed`,
      `<p>${APP_NAME} is now installed${where}. What to do next:</p>
<ol>
<li>In Slack, open the channel where your team talks about infrastructure.</li>
<li>Type <code>/chip-advice</code> and answer the questions about one workload; the advice is posted in the channel, with its reasons in a thread.</li>
<li><code>/chip-advice help</code> shows everything else (history, summary). The app's Home tab starts the questionnaire too.</li>
</ol>
<p>You can close this page.</p>`,
    ),
  );
}

/** Why an install did not complete, in words, with the HTTP status of the page. */
export function failureOf(
  code: string,
  request: IncomingMessage,
): { status: number; text: string } {
  const slackError = new URL(request.url ?? '/', 'http://localhost').searchParams.get('error');
  switch (code) {
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, text: 'The install was cancelled in Slack, so nothing was installed.' };
    case 'slack_oauth_missing_state':
    case 'slack_oauth_invalid_state':
      return {
        status: 400,
        text: 'This install link has expired, was opened in another browser, or did not start on this site. Nothing was installed: start again from the Add to Slack page.',
      };
    case 'slack_oauth_missing_code':
      return {
        status: 400,
        text: `Slack did not send an authorization code${slackError ? ` (it said: ${slackError})` : ''}, so nothing was installed. Start again from the Add to Slack page.`,
      };
    case 'slack_webapi_platform_error':
      return {
        status: 502,
        text: 'Slack did not accept the install (the authorization code may have been used already or expired). Nothing was installed: start again from the Add to Slack page.',
      };
    default:
      return {
        status: 500,
        text: 'The install could not be completed on our side, and nothing was kept. Please try again in a few minutes from the Add to Slack page.',
      };
  }
}

/** After a failed or forged redirect: a clear page; nothing has been stored. */
export function sendInstallFailed(
  response: ServerResponse,
  failure: { status: number; text: string },
  installPath: string,
): void {
  send(
    response,
    failure.status,
    page(
      `${APP_NAME} was not installed`,
      `<p>${escapeHtml(failure.text)}</p>
<p><a href="${escapeHtml(installPath)}">Back to the Add to Slack page</a></p>`,
    ),
  );
}
