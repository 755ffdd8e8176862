/**
 * The baseline for the Slack round trip: the smallest Bolt app that does what `/chip-advice`
 * does on the hot path, with the same Bolt from node_modules, configured like src/app.ts:
 * HTTPReceiver on POST /slack/events with GET /healthz, `authorize` returning the bot token (no
 * auth.test per request), Web API base URL from SLACK_API_URL. It acks the command and opens a
 * one-block modal. Same environment variables as `npm start`.
 */
import { App, HTTPReceiver } from '@slack/bolt';

const env = process.env;
const botToken = env.SLACK_BOT_TOKEN ?? '';

const receiver = new HTTPReceiver({
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  port: Number(env.PORT ?? 3000),
  customRoutes: [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'ok' }));
      },
    },
  ],
});

const app = new App({
  receiver,
  authorize: async () => ({ botToken }),
  clientOptions: { slackApiUrl: env.SLACK_API_URL ?? 'https://slack.com/api/' },
});

app.command('/chip-advice', async ({ ack, command, client }) => {
  await ack();
  await client.views.open({
    trigger_id: command.trigger_id,
    view: {
      type: 'modal',
      callback_id: 'baseline',
      title: { type: 'plain_text', text: 'Baseline' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'A one-block modal.' } }],
    },
  });
});

await app.start();
process.once('SIGTERM', () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
