import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/config.js';
import { ConfigInvalidError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { LogSink } from '../../support/log-sink.js';

const SIGNING = { SLACK_SIGNING_SECRET: 'signing-secret-0123456789' };
const OAUTH = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret-0123456789',
  SLACK_STATE_SECRET: 'state-secret-0123456789abcdef',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('multi-workspace configuration', () => {
  it('switches on with the three OAuth variables and a signing secret, without a bot token', () => {
    const config = readConfig({ ...SIGNING, ...OAUTH });
    expect(config.botToken).toBeUndefined();
    expect(config.mode).toEqual({
      kind: 'http',
      signingSecret: SIGNING.SLACK_SIGNING_SECRET,
      port: 3000,
    });
    expect(config.oauth).toEqual({
      clientId: '1111.2222',
      clientSecret: OAUTH.SLACK_CLIENT_SECRET,
      stateSecret: OAUTH.SLACK_STATE_SECRET,
      tokenKey: OAUTH.SLACK_STATE_SECRET,
      tokenKeyVariable: 'SLACK_STATE_SECRET',
      decisionsOnUninstall: 'delete',
    });
    expect(config.secrets).toEqual(
      expect.arrayContaining([OAUTH.SLACK_CLIENT_SECRET, OAUTH.SLACK_STATE_SECRET]),
    );
  });

  it('takes the token key from SLACK_TOKEN_ENCRYPTION_KEY, and DECISIONS_ON_UNINSTALL=keep', () => {
    const key = 'k'.repeat(40);
    const config = readConfig({
      ...SIGNING,
      ...OAUTH,
      SLACK_TOKEN_ENCRYPTION_KEY: key,
      DECISIONS_ON_UNINSTALL: 'KEEP',
    });
    expect(config.oauth).toMatchObject({
      tokenKey: key,
      tokenKeyVariable: 'SLACK_TOKEN_ENCRYPTION_KEY',
      decisionsOnUninstall: 'keep',
    });
    expect(config.secrets).toContain(key);
  });

  it('leaves single-workspace mode as it was when no OAuth variable is set', () => {
    const config = readConfig({ ...SIGNING, SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_CLIENT_ID: ' ' });
    expect(config.botToken).toBe('xoxb-1-2');
    expect(config.oauth).toBeUndefined();
  });

  it.each([
    [
      'only SLACK_CLIENT_ID',
      { SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID },
      ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
    ],
    [
      'only SLACK_CLIENT_SECRET',
      { SLACK_CLIENT_SECRET: OAUTH.SLACK_CLIENT_SECRET },
      ['SLACK_CLIENT_ID', 'SLACK_STATE_SECRET'],
    ],
    [
      'no SLACK_STATE_SECRET',
      { SLACK_CLIENT_ID: 'a', SLACK_CLIENT_SECRET: 'b' },
      ['SLACK_STATE_SECRET'],
    ],
    [
      'no SLACK_CLIENT_ID',
      { SLACK_CLIENT_SECRET: 'b', SLACK_STATE_SECRET: 'c' },
      ['SLACK_CLIENT_ID'],
    ],
  ])('with %s, names each missing OAuth variable', (_name, oauth, missing) => {
    const problems = problemsOf({ ...SIGNING, ...oauth });
    expect(problems.map((line) => line.split(' ')[0])).toEqual(missing);
    for (const line of problems)
      expect(line).toMatch(/is missing \(.+ set: multi-workspace mode needs all three/);
  });

  it('refuses SLACK_BOT_TOKEN together with OAuth variables, naming them', () => {
    expect(problemsOf({ ...SIGNING, ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' })).toMatchInlineSnapshot(`
      [
        "SLACK_BOT_TOKEN cannot be set together with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (multi-workspace mode takes each workspace's token from its installation): unset SLACK_BOT_TOKEN to install through OAuth, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to serve one workspace with SLACK_BOT_TOKEN",
      ]
    `);
  });

  it('reports a partial set and a bot token at once', () => {
    const problems = problemsOf({ ...SIGNING, SLACK_STATE_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(problems.map((line) => line.split(' ')[0])).toEqual([
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'SLACK_BOT_TOKEN',
    ]);
  });

  it('is HTTP only: refuses SLACK_APP_TOKEN and asks for the signing secret', () => {
    expect(problemsOf({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-A-2' })).toMatchInlineSnapshot(`
      [
        "SLACK_APP_TOKEN cannot be set in multi-workspace mode, which runs in HTTP mode only: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to serve one workspace with SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET is missing (multi-workspace mode runs in HTTP mode, which needs it): copy the Signing Secret from Basic Information → App Credentials",
      ]
    `);
    expect(problemsOf(OAUTH)).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is missing/)]);
  });

  it('never shows a secret value in a message', () => {
    const problems = problemsOf({
      SLACK_CLIENT_SECRET: OAUTH.SLACK_CLIENT_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-secret-part',
      SLACK_TOKEN_ENCRYPTION_KEY: 'short-key-secret',
    }).join('\n');
    expect(problems).not.toContain(OAUTH.SLACK_CLIENT_SECRET);
    expect(problems).not.toContain('secret-part');
    expect(problems).not.toContain('short-key-secret');
    expect(problems).toMatch(/SLACK_TOKEN_ENCRYPTION_KEY must be at least 32 characters/);
  });

  it('names a DECISIONS_ON_UNINSTALL that is neither delete nor keep', () => {
    expect(problemsOf({ ...SIGNING, ...OAUTH, DECISIONS_ON_UNINSTALL: 'archive' })).toEqual([
      'DECISIONS_ON_UNINSTALL is not delete or keep: set one of delete, keep, or unset it for delete',
    ]);
  });
});

describe('the logger in multi-workspace mode', () => {
  it('censors the OAuth secrets and refresh tokens by key, and scrubs the values from every line', () => {
    const sink = new LogSink();
    const config = readConfig({ ...SIGNING, ...OAUTH });
    const logger = createLogger({
      level: 'info',
      format: 'json',
      secrets: config.secrets,
      destination: sink,
    });
    logger.info(
      {
        bot: { refreshToken: 'opaque-refresh', token: 'opaque-token' },
        client_secret: 'opaque-secret',
      },
      `failed with ${OAUTH.SLACK_CLIENT_SECRET} and ${OAUTH.SLACK_STATE_SECRET}`,
    );
    expect(sink.text).not.toMatch(/opaque-|client-secret-0123|state-secret-0123/);
    expect(sink.entries()[0]).toMatchObject({
      bot: { refreshToken: '[redacted]' },
      client_secret: '[redacted]',
    });
  });
});
