import { LogLevel } from '@slack/bolt';
import { describe, expect } from 'vitest';
import { createLogger, secretScrubber } from '../../src/logger.js';
import { PinoBoltLogger } from '../../src/slack/logging/bolt-logger.js';
import { USER } from '../../testkit/slack-payloads.js';
import { test } from '../support/fixtures.js';
import {
  answerQuestionnaire,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
} from '../support/flows.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/harness.js';
import { LogSink } from '../support/log-sink.js';

const memoryLogger = (level: 'debug' | 'info' = 'debug', secrets: string[] = []) => {
  const sink = new LogSink();
  return { sink, logger: createLogger({ level, format: 'json', secrets, destination: sink }) };
};

describe('secretScrubber', () => {
  test('removes Slack tokens by their shape and the configured secret values', () => {
    const secret = 'abcdef0123456789';
    expect(
      secretScrubber([secret])(
        `bot xoxb-1-2-abc, user xoxp-9-z, app xapp-1-A1-2-ff, secret ${secret}.`,
      ),
    ).toBe('bot [redacted], user [redacted], app [redacted], secret [redacted].');
  });

  test('also removes a secret as JSON escapes it', () => {
    expect(secretScrubber(['p"ss\\word!'])('{"m":"p\\"ss\\\\word!"}')).toBe('{"m":"[redacted]"}');
  });
});

describe('the pino logger', () => {
  test('redacts token fields and scrubs tokens that slip into messages', () => {
    const { sink, logger } = memoryLogger('info', ['the-signing-secret']);
    logger.info(
      {
        token: 'xoxb-a',
        headers: { authorization: 'Bearer xoxb-b' },
        request: { botToken: 'xoxb-c' },
      },
      'called with xoxb-d and the-signing-secret',
    );
    const [entry] = sink.entries();
    expect(entry).toMatchObject({
      token: '[redacted]',
      headers: { authorization: '[redacted]' },
      request: { botToken: '[redacted]' },
      msg: 'called with [redacted] and [redacted]',
    });
  });

  test('censors secret keys two objects down, in a copy: the logged object keeps its values', () => {
    const { sink, logger } = memoryLogger('info');
    const fields = {
      call: { request: { signingSecret: 'not-shaped-like-a-token' }, method: 'views.open' },
      retries: [1, 2],
    };
    logger.info(fields, 'calling');
    expect(sink.entries()[0]).toMatchObject({
      call: { request: { signingSecret: '[redacted]' }, method: 'views.open' },
      retries: [1, 2],
    });
    expect(fields.call.request.signingSecret).toBe('not-shaped-like-a-token');
  });

  test('keeps a child logger’s bindings and censors the fields it logs', () => {
    const { sink, logger } = memoryLogger('info');
    logger.child({ team: 'T1', user: 'U1' }).info({ token: 'secret-value' }, 'done');
    expect(sink.entries()[0]).toMatchObject({ team: 'T1', user: 'U1', token: '[redacted]' });
  });
});

describe('the Bolt logger adapter', () => {
  test('logs Bolt’s arguments through pino, an error as the err field', () => {
    const { sink, logger } = memoryLogger();
    const bolt = new PinoBoltLogger(logger);
    bolt.warn('could not', { retry: 2 }, 'finish');
    bolt.error('Slack API error:', new Error('boom'));
    const [warn, error] = sink.entries();
    expect(warn).toMatchObject({ level: 40, msg: 'could not { retry: 2 } finish' });
    expect(error).toMatchObject({ level: 50, msg: 'Slack API error:', err: { message: 'boom' } });
  });

  test('sets and reports the level in Bolt’s terms, and names a component', () => {
    const { sink, logger } = memoryLogger();
    const bolt = new PinoBoltLogger(logger);
    bolt.setLevel(LogLevel.WARN);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    bolt.info('hidden');
    bolt.setName('socket-mode');
    bolt.warn('shown');
    expect(sink.entries()).toEqual([
      expect.objectContaining({ msg: 'shown', component: 'socket-mode' }),
    ]);
  });

  test('reports pino levels Bolt has no name for as the nearest one', () => {
    const { logger } = memoryLogger();
    logger.level = 'trace';
    expect(new PinoBoltLogger(logger).getLevel()).toBe(LogLevel.DEBUG);
  });
});

describe('logging in the running app', () => {
  test('binds each request’s team, user and command to its log lines', async ({ harness }) => {
    await harness.command();
    const entry = await harness.logs.waitFor('request received');
    expect(entry).toMatchObject({
      level: 20,
      team: 'T0FAKE',
      user: USER.id,
      kind: 'slash_command',
      command: '/chip-advice',
    });
  });

  test('writes no line at info level for a command that opens the questionnaire', async ({
    startHarness,
  }) => {
    const harness = await startHarness({ env: { LOG_LEVEL: 'info' } });
    await harness.command();
    await harness.api.waitFor('views.open');
    // A second request, answered after the first one's listener returned.
    expect((await harness.command('help')).status).toBe(200);
    const requestLines = harness.logs.entries().filter((entry) => entry.kind !== undefined);
    expect(requestLines).toEqual([]);
  });

  test('never writes the bot token or the signing secret, even at debug level', async ({
    startHarness,
  }) => {
    const harness = await startHarness({ env: { LOG_LEVEL: 'trace' } });
    await answerQuestionnaire(harness, await openFromCommand(harness), INFERENCE_ANSWERS);
    await nthPosted(harness, 2);
    await harness.logs.waitFor('advice delivered');
    expect(harness.logs.lines.length).toBeGreaterThan(20);
    expect(harness.logs.text).not.toContain(BOT_TOKEN);
    expect(harness.logs.text).not.toContain(SIGNING_SECRET);
  });
});
