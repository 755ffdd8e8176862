import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { childEnv, MAIN, ROOT } from '../../testkit/project.js';
import {
  commandBody,
  FORM,
  interactionBody,
  postSigned,
  type SignOptions,
  type SlackResponse,
} from '../../testkit/signed-request.js';
import { slashCommand } from '../../testkit/slack-payloads.js';

/**
 * The real app as a child process (`node dist/main.js`) against a fake Web API, with the same
 * request helpers as the in-process harness (HTTP mode; in Socket Mode `origin` is empty and
 * requests go through a fake Socket Mode server instead). Everything it writes is kept.
 */
export interface ProcessHarness {
  readonly api: FakeSlackApi;
  readonly child: ChildProcessWithoutNullStreams;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** Standard output and standard error so far, in the order they arrived. */
  output(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  command(text?: string, fields?: { channelId?: string }): Promise<SlackResponse>;
  interact(payload: unknown): Promise<SlackResponse>;
  post(body: string, contentType: string, sign?: Partial<SignOptions>): Promise<SlackResponse>;
  /** Kills the process if it still runs, and stops the fake Web API. */
  close(): Promise<void>;
}

export async function startProcess(
  env: Record<string, string>,
  api?: FakeSlackApi,
  { cwd = ROOT }: { cwd?: string } = {},
): Promise<ProcessHarness> {
  const fake = api ?? (await FakeSlackApi.start());
  // A database of its own unless the test names one: processes of other test files must not
  // share delivery keys with this one.
  const folder =
    env.DATABASE_URL || cwd !== ROOT
      ? undefined
      : mkdtempSync(path.join(tmpdir(), 'chip-advice-proc-'));
  const database = folder ? { DATABASE_URL: `file:${path.join(folder, 'store.db')}` } : {};
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: childEnv({ SLACK_API_URL: fake.url, PORT: '0', ...database, ...env }),
  });
  let output = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  const port = await new Promise<number | undefined>((resolve, reject) => {
    const onData = () => {
      const match = /listening on port (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
      if (output.includes('connected to Slack in Socket Mode')) resolve(undefined);
    };
    child.stdout.on('data', onData);
    exited.then((code) => reject(new Error(`exited with ${code} before starting:\n${output}`)));
  });
  const origin = port === undefined ? '' : `http://127.0.0.1:${port}`;
  const post = (body: string, contentType: string, sign: Partial<SignOptions> = {}) =>
    postSigned(`${origin}/slack/events`, body, contentType, {
      secret: env.SLACK_SIGNING_SECRET ?? '',
      ...sign,
    });
  return {
    api: fake,
    child,
    origin,
    output: () => output,
    stderr: () => stderr,
    exited,
    command: (text = '', fields = {}) =>
      post(commandBody(slashCommand({ text, responseUrl: fake.responseUrl(), ...fields })), FORM),
    interact: (payload) => post(interactionBody(payload), FORM),
    post,
    async close() {
      fake.reset();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      await fake.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
