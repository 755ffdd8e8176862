import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { ConfigInvalidError } from '../../src/errors.js';

const HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('readConfig', () => {
  it('runs in HTTP mode on port 3000 against Slack by default', () => {
    expect(readConfig(HTTP)).toEqual({
      botToken: 'xoxb-1-2-abc',
      mode: { kind: 'http', signingSecret: 'secret', port: 3000 },
      slackApiUrl: 'https://slack.com/api/',
      logLevel: 'info',
      logFormat: 'json',
      secrets: ['xoxb-1-2-abc', 'secret'],
      rulesDir: undefined,
      slackApiTimeoutMs: 10_000,
      slackPostTimeoutMs: 60_000,
      shutdownTimeoutMs: 10_000,
      database: { engine: 'sqlite', file: path.resolve('data/chip-advice.db'), isDefault: true },
      decisionRetentionDays: undefined,
      outboxDeadlineHours: 24,
      duplicateClaimTimeoutMs: 500,
    });
  });

  it('reads RULES_DIR, SLACK_API_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS and DUPLICATE_CLAIM_TIMEOUT_MS', () => {
    const config = readConfig({
      ...HTTP,
      RULES_DIR: '/srv/rules',
      SLACK_API_TIMEOUT_MS: '2500',
      SHUTDOWN_TIMEOUT_MS: '0',
      DUPLICATE_CLAIM_TIMEOUT_MS: '2000',
    });
    expect(config).toMatchObject({
      rulesDir: '/srv/rules',
      slackApiTimeoutMs: 2500,
      shutdownTimeoutMs: 0,
      duplicateClaimTimeoutMs: 2000,
    });
  });

  it('names a timeout that is not a number of milliseconds, or out of bounds', () => {
    expect(
      problemsOf({
        ...HTTP,
        SLACK_API_TIMEOUT_MS: '10s',
        SHUTDOWN_TIMEOUT_MS: '9000000',
        DUPLICATE_CLAIM_TIMEOUT_MS: '10',
      }),
    ).toEqual([
      'SLACK_API_TIMEOUT_MS must be a number of milliseconds (got "10s"): set a number of milliseconds from 100 to 120000, or unset it for 10000',
      'SHUTDOWN_TIMEOUT_MS must be at most 600000: set a number of milliseconds from 0 to 600000, or unset it for 10000',
      'DUPLICATE_CLAIM_TIMEOUT_MS must be at least 50: set a number of milliseconds from 50 to 2500, or unset it for 500',
    ]);
  });

  it('runs in Socket Mode when SLACK_APP_TOKEN is set, without a signing secret', () => {
    const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-2' });
    expect(config.mode).toEqual({ kind: 'socket', appToken: 'xapp-1-A-2' });
  });

  it('reads PORT, SLACK_API_URL (adding the trailing slash), LOG_LEVEL and NODE_ENV', () => {
    const config = readConfig({
      ...HTTP,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:4000/api',
      LOG_LEVEL: 'DEBUG',
      NODE_ENV: 'development',
    });
    expect(config.mode).toMatchObject({ port: 8080 });
    expect(config.slackApiUrl).toBe('http://127.0.0.1:4000/api/');
    expect(config.logLevel).toBe('debug');
    expect(config.logFormat).toBe('pretty');
  });

  it('treats a blank value as unset', () => {
    expect(readConfig({ ...HTTP, PORT: '', LOG_LEVEL: ' ', SLACK_APP_TOKEN: '' }).mode).toEqual({
      kind: 'http',
      signingSecret: 'secret',
      port: 3000,
    });
  });

  it('names a missing bot token and says where to get one', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toMatchInlineSnapshot(`
      [
        "SLACK_BOT_TOKEN is missing: install the app from manifest.yml and copy the Bot User OAuth Token (OAuth & Permissions page, starts with xoxb-)",
      ]
    `);
  });

  it('names a malformed token by its prefix only, never the secret part', () => {
    const problems = problemsOf({ ...HTTP, SLACK_BOT_TOKEN: 'xoxp-user-token-secret' });
    expect(problems[0]).toMatch(
      /^SLACK_BOT_TOKEN must start with xoxb- \(got a value starting with "xoxp-"\)/,
    );
    expect(problems.join()).not.toContain('user-token-secret');
    expect(problemsOf({ ...HTTP, SLACK_APP_TOKEN: 'xoxb-wrong' })[0]).toMatch(
      /^SLACK_APP_TOKEN must start with xapp-/,
    );
  });

  it('requires the signing secret in HTTP mode, and reports every problem at once', () => {
    expect(
      problemsOf({ PORT: '70000', LOG_LEVEL: 'loud', SLACK_API_URL: 'ftp://x' }),
    ).toMatchInlineSnapshot(`
      [
        "SLACK_BOT_TOKEN is missing: install the app from manifest.yml and copy the Bot User OAuth Token (OAuth & Permissions page, starts with xoxb-)",
        "PORT must be at most 65535: set a port number from 0 to 65535, or unset it for 3000",
        "SLACK_API_URL must be an http(s) URL: set an http(s) URL such as https://slack.com/api/, or unset it",
        "LOG_LEVEL is not a log level: set one of fatal, error, warn, info, debug, trace, silent, or unset it for info",
        "SLACK_SIGNING_SECRET is missing (it is required in HTTP mode, used when SLACK_APP_TOKEN is not set): copy the Signing Secret from Basic Information → App Credentials, or set SLACK_APP_TOKEN to run in Socket Mode",
      ]
    `);
  });

  it('rejects a port that is not a number', () => {
    expect(problemsOf({ ...HTTP, PORT: '80a' })[0]).toMatch(
      /^PORT must be a port number \(got "80a"\)/,
    );
  });
});
