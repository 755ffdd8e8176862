import { describe, expect } from 'vitest';
import { fillForm } from '../../testkit/fill-form.js';
import { slashCommand, viewAction, viewSubmission } from '../../testkit/slack-payloads.js';
import { type ProcessHarness, test } from '../support/fixtures.js';
import {
  chooseWorkload,
  INFERENCE_ANSWERS,
  openFromCommand,
  submit,
  TRAINING_ANSWERS,
  viewOf,
} from '../support/flows.js';
import { BOT_TOKEN } from '../support/harness.js';

type Json = Record<string, unknown>;

const HTTP_ENV = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'lifecycle-signing-secret' };

/** Resolves once the process has written `text`. */
async function written(app: ProcessHarness, text: string): Promise<void> {
  while (!app.output().includes(text)) {
    await new Promise((resolve) => app.child.stdout.once('data', resolve));
  }
}

/** The status of a new request, or the network error when the connection is refused. */
async function statusOf(request: Promise<{ status: number }>): Promise<number | string> {
  try {
    return (await request).status;
  } catch (error) {
    return String((error as { cause?: { code?: string } }).cause?.code ?? error);
  }
}

describe('SIGTERM (the real process)', () => {
  test('refuses new requests, finishes the post in flight, then exits 0, whatever signal follows', async ({
    startProcess,
  }) => {
    const app = await startProcess(HTTP_ENV);
    const view = await chooseWorkload(app, await openFromCommand(app), { workload: 'inference' });
    const hold = app.api.hold('chat.postMessage', { times: 1 });
    expect((await submit(app, view, INFERENCE_ANSWERS)).status).toBe(200);
    await hold.arrived(1);

    app.child.kill('SIGTERM');
    await written(app, 'stopping: finishing requests in flight');
    // A second signal (Ctrl-C through npm can deliver two) joins the stop instead of ending it.
    app.child.kill('SIGINT');
    await written(app, 'already stopping');
    expect(['ECONNREFUSED', 'ECONNRESET', 503]).toContain(await statusOf(app.command()));
    expect(['ECONNREFUSED', 'ECONNRESET', 503]).toContain(
      await statusOf(fetch(`${app.origin}/healthz`)),
    );
    expect(app.api.callsTo('views.open')).toHaveLength(1);

    hold.release();
    expect(await app.exited).toBe(0);
    const posts = app.api.callsTo('chat.postMessage');
    expect(posts.map((call) => call.response.status)).toEqual([200, 200]);
    expect(posts[1]?.params.thread_ts).toBe((posts[0]?.response.body as Json | undefined)?.ts);
    expect(app.output()).toContain('"msg":"advice delivered"');
  });

  test('gives up after SHUTDOWN_TIMEOUT_MS with exit code 1 and says why', async ({
    startProcess,
  }) => {
    const app = await startProcess({ ...HTTP_ENV, SHUTDOWN_TIMEOUT_MS: '300' });
    const view = await chooseWorkload(app, await openFromCommand(app), { workload: 'inference' });
    const hold = app.api.hold('chat.postMessage');
    await submit(app, view, INFERENCE_ANSWERS);
    await hold.arrived(1);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toBe(
      'chip-advice: stopped after 300 ms (SHUTDOWN_TIMEOUT_MS) with 1 request(s) still in flight\n',
    );
  });
});

describe('Socket Mode across a dropped connection', () => {
  test('reconnects with a new URL, and a redelivered envelope does nothing twice', async ({
    startSocketApp,
  }) => {
    // A short ping timeout: it is also the delay before reconnecting.
    const { api, socket, app, logs } = await startSocketApp({ clientPingTimeoutMs: 1000 });
    let opened = 0;
    api.respond('apps.connections.open', () => {
      opened += 1;
      return { ok: true, url: `${socket.url}?connection=${opened}` };
    });
    await app.start();

    const command = slashCommand({ responseUrl: api.responseUrl(), triggerId: '7.socket.trigger' });
    socket.send({
      envelope_id: 'e1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: command,
    });
    const first = viewOf((await api.waitFor('views.open'))[0]);
    socket.send({
      envelope_id: 'e-choice',
      type: 'interactive',
      accepts_response_payload: true,
      payload: viewAction(
        first,
        fillForm(first, { workload: TRAINING_ANSWERS.workload }),
        'workload',
      ),
    });
    const view = viewOf((await api.waitFor('views.update'))[0]);
    const shown = new Set((view.blocks as Json[]).map((block) => block.block_id));
    const answers = Object.fromEntries(
      Object.entries(TRAINING_ANSWERS).filter(([field]) => shown.has(field)),
    );
    const submission = viewSubmission(view, fillForm(view, answers));
    socket.send({
      envelope_id: 'e2',
      type: 'interactive',
      accepts_response_payload: true,
      payload: submission,
    });
    await api.waitFor('chat.postMessage', 2);

    socket.dropAll();
    await socket.connected(2, 10_000);
    expect(api.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(2);
    const retry = { retry_attempt: 1, retry_reason: 'timeout', accepts_response_payload: true };
    socket.send({ envelope_id: 'e1-again', type: 'slash_commands', payload: command, ...retry });
    socket.send({ envelope_id: 'e2-again', type: 'interactive', payload: submission, ...retry });
    await socket.ackOf('e1-again');
    await socket.ackOf('e2-again');
    const ignored = await logs.waitFor('duplicate delivery ignored');
    expect(ignored).toMatchObject({ retryNum: 1, retryReason: 'timeout' });
    await logs.waitFor('duplicate submission ignored');
    expect(api.callsTo('views.open')).toHaveLength(1);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
