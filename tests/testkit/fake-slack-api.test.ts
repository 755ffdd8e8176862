import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { triggerId } from '../../testkit/slack-payloads.js';

/** The fake Web API fails the way Slack and networks fail (issue 12); these pin each way. */

const TOKEN = 'xoxb-fake-test';
let api: FakeSlackApi;

async function call(method: string, params: Record<string, unknown>) {
  const response = await fetch(`${api.url}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the fake's answers are read field by field in asserts
  const body: any = await response.json();
  return { status: response.status, headers: response.headers, body };
}

const modal = { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] };

beforeEach(async () => {
  api = await FakeSlackApi.start();
});
afterEach(async () => {
  await api.close();
});

describe('trigger_ids', () => {
  it('open one view only', async () => {
    const trigger_id = triggerId();
    expect((await call('views.open', { trigger_id, view: modal })).body.ok).toBe(true);
    expect((await call('views.open', { trigger_id, view: modal })).body).toMatchObject({
      ok: false,
      error: 'exchanged_trigger_id',
    });
  });

  it('expire 3 seconds after the interaction that made them', async () => {
    const trigger_id = `1.${Date.now() - 3001}.trigger1`;
    expect((await call('views.open', { trigger_id, view: modal })).body).toMatchObject({
      ok: false,
      error: 'expired_trigger_id',
    });
  });

  it('live as long as a test asks, and no longer', async () => {
    api.keepTriggersFor(60_000);
    const old = `1.${Date.now() - 30_000}.trigger2`;
    expect((await call('views.open', { trigger_id: old, view: modal })).body.ok).toBe(true);
    const older = `1.${Date.now() - 61_000}.trigger3`;
    expect((await call('views.open', { trigger_id: older, view: modal })).body).toMatchObject({
      ok: false,
      error: 'expired_trigger_id',
    });
  });
});

describe('views.update', () => {
  it('keeps what was typed into inputs the new view still has, as Slack does', async () => {
    const input = (blockId: string) => ({
      type: 'input',
      block_id: blockId,
      element: { type: 'plain_text_input', action_id: blockId },
      label: { type: 'plain_text', text: blockId },
    });
    const opened = await call('views.open', {
      trigger_id: triggerId(),
      view: { ...modal, blocks: [input('a'), input('b')] },
    });
    const { id, hash } = opened.body.view;
    api.enter(id, {
      a: { a: { type: 'plain_text_input', value: 'kept' } },
      b: { b: { type: 'plain_text_input', value: 'gone' } },
    });
    const updated = await call('views.update', {
      view_id: id,
      hash,
      view: { ...modal, blocks: [input('a'), input('c')] },
    });
    expect(updated.body.view.state.values).toEqual({
      a: { a: { type: 'plain_text_input', value: 'kept' } },
    });
  });
});

describe('faults', () => {
  it('refuses connections while down, and answers again once up', async () => {
    await api.down();
    await expect(call('auth.test', {})).rejects.toThrow();
    await api.up();
    expect((await call('auth.test', {})).body.ok).toBe(true);
  });

  it('does the work at once and answers late', async () => {
    api.delay('chat.postMessage', 400, { times: 1 });
    const aborted = new AbortController();
    const pending = fetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C1', text: 'hi' }),
      signal: aborted.signal,
    });
    const [posted] = await api.waitFor('chat.postMessage');
    expect(posted?.response.body).toMatchObject({ ok: true });
    aborted.abort();
    await expect(pending).rejects.toThrow();
  });

  it('rate-limits one method with Retry-After and leaves the others alone', async () => {
    api.fail('chat.postMessage', { retryAfter: 7 });
    const limited = await call('chat.postMessage', { channel: 'C1', text: 'hi' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('views.open', { trigger_id: triggerId(), view: modal })).body.ok).toBe(true);
  });

  it.each(['is_archived', 'restricted_action', 'restricted_action_read_only_channel'])(
    'answers %s for a channel closed to the bot',
    async (error) => {
      api.closeChannel('C1', error);
      const { body } = await call('chat.postMessage', { channel: 'C1', text: 'hi' });
      expect(body).toEqual({ ok: false, error });
    },
  );

  it('answers invalid_blocks for more than 50 blocks', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const { body } = await call('chat.postMessage', { channel: 'C1', text: 'hi', blocks });
    expect(body).toEqual({ ok: false, error: 'invalid_blocks' });
  });
});

describe('waitFor', () => {
  it('names the calls it saw when the ones it waits for do not come, counting repeats', async () => {
    await call('views.open', { trigger_id: triggerId(), view: modal });
    await call('views.open', { trigger_id: triggerId(), view: modal });
    await call('auth.test', {});
    await expect(api.waitFor('chat.postMessage', 1, 50)).rejects.toThrow(
      'expected 1 call(s) to chat.postMessage; calls so far: views.open ×2, auth.test',
    );
  });
});
