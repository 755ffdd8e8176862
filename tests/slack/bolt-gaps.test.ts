import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../testkit/project.js';
import { FORM, JSON_TYPE, postSigned } from '../../testkit/signed-request.js';

/**
 * Bolt's HTTPReceiver on its own, without this app's guard and gate, in a child process (one of
 * these requests leaves an unhandled rejection behind). These tests pin the gaps the guard and the
 * gate close (transport/request-guard.ts, transport/ack-gate.ts); if Bolt closes one, its test fails here, and the
 * matching guard can go.
 */
const SECRET = 'bolt-gaps-secret';
const BARE_BOLT = `
import bolt from '@slack/bolt';
const receiver = new bolt.HTTPReceiver({ signingSecret: '${SECRET}', port: 0 });
const app = new bolt.App({ receiver, authorize: async () => ({ botToken: 'xoxb-gap' }), logLevel: 'error' });
process.on('unhandledRejection', (reason) => process.stdout.write('unhandled rejection: ' + reason + '\\n'));
const server = await app.start(0);
process.stdout.write('port ' + server.address().port + '\\n');
`;

let output = '';
let url = '';
const child = spawn(process.execPath, ['--input-type=module', '-e', BARE_BOLT], { cwd: ROOT });

function waitForOutput(pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output);
      if (!match) return;
      child.stdout.off('data', check);
      resolve(match);
    };
    child.stdout.on('data', check);
    child.on('exit', () => reject(new Error(`bare Bolt exited:\n${output}`)));
    check();
  });
}

beforeAll(async () => {
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const [, port] = await waitForOutput(/port (\d+)/);
  url = `http://127.0.0.1:${port}/slack/events`;
});
afterAll(() => {
  child.kill('SIGKILL');
});

describe('Bolt’s HTTPReceiver without the guard', () => {
  it('accepts a signed request stamped an hour in the future', async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'c1' });
    const response = await postSigned(url, challenge, JSON_TYPE, {
      secret: SECRET,
      timestamp: future,
    });
    expect(response.status).toBe(200);
  });

  it('answers 500 to a signed event that is null', async () => {
    const body = JSON.stringify({ type: 'event_callback', event: null, event_id: 'Ev1' });
    const response = await postSigned(url, body, JSON_TYPE, { secret: SECRET });
    expect(response.status).toBe(500);
  });

  it('never answers a signed payload=null, and leaves an unhandled rejection', async () => {
    const answer = postSigned(url, 'payload=null', FORM, { secret: SECRET }).catch(() => 'none');
    const [line] = await waitForOutput(/unhandled rejection: TypeError[^\n]*/);
    expect(line).toMatch(/Cannot read properties of null \(reading 'ssl_check'\)/);
    child.kill('SIGKILL');
    expect(await answer).toBe('none');
  });
});
