import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect } from 'vitest';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { childEnv, ROOT } from '../../testkit/project.js';
import { commandBody, FORM, interactionBody, postSigned } from '../../testkit/signed-request.js';
import { slashCommand } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import { chooseWorkload, INFERENCE_ANSWERS, openFromCommand, submit } from '../support/flows.js';
import { BOT_TOKEN } from '../support/harness.js';
import type { ProcessHarness } from '../support/process-harness.js';

type Json = Record<string, unknown>;

const SECRET = 'npm-start-signing-secret';

/** Whether something still listens on `port` of 127.0.0.1. */
async function portFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` passes signals on (issue 12, item 4): SIGTERM or SIGINT sent to the npm process
 * itself (not its process group) reaches the app, which drains: the advice in flight is posted,
 * the node process is gone and the port is free.
 */
describe('npm start, stopped by a signal to npm itself', () => {
  test.for(['SIGTERM', 'SIGINT'] as const)(
    '%s drains the app: advice in flight is posted, no node left, the port freed',
    { timeout: 60_000 },
    async (signal) => {
      const api = await FakeSlackApi.start();
      let npm: ChildProcess | undefined;
      try {
        npm = spawn('npm', ['start', '-s'], {
          cwd: ROOT,
          detached: true,
          env: childEnv({
            SLACK_BOT_TOKEN: BOT_TOKEN,
            SLACK_SIGNING_SECRET: SECRET,
            SLACK_API_URL: api.url,
            PORT: '0',
            npm_config_update_notifier: 'false',
          }),
        });
        const child = npm;
        let logs = '';
        const port = await new Promise<number>((resolve, reject) => {
          child.stdout?.on('data', (chunk) => {
            logs += chunk;
            const match = /listening on port (\d+)/.exec(logs);
            if (match) resolve(Number(match[1]));
          });
          child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${logs}`)));
        });
        const appPid = Number(/"pid":(\d+)/.exec(logs)?.[1]);
        const origin = `http://127.0.0.1:${port}`;
        const post = (body: string) =>
          postSigned(`${origin}/slack/events`, body, FORM, { secret: SECRET });
        const driver = {
          api,
          command: () => post(commandBody(slashCommand({ responseUrl: api.responseUrl() }))),
          interact: (payload: unknown) => post(interactionBody(payload)),
        } as unknown as ProcessHarness;
        const view = await chooseWorkload(driver, await openFromCommand(driver), {
          workload: 'inference',
        });
        const hold = api.hold('chat.postMessage', { times: 1 });
        await submit(driver, view, INFERENCE_ANSWERS);
        await hold.arrived(1);

        const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
        process.kill(child.pid as number, signal);
        while (!logs.includes('stopping: finishing requests in flight')) {
          await new Promise((resolve) => child.stdout?.once('data', resolve));
        }
        hold.release();
        await exited;
        expect(logs).toContain('"msg":"stopped"');
        const posts = api.callsTo('chat.postMessage');
        expect(posts.map((call) => call.response.status)).toEqual([200, 200]);
        expect(posts[1]?.params.thread_ts).toBe((posts[0]?.response.body as Json | undefined)?.ts);
        expect(alive(appPid)).toBe(false);
        expect(await portFree(port)).toBe(true);
      } finally {
        try {
          if (npm?.pid !== undefined) process.kill(-npm.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await api.close();
      }
    },
  );
});
