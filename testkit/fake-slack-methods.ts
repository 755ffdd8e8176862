import type { FakeOAuth } from './fake-slack-oauth.js';

/**
 * The default answers of the fake Web API, method by method, shaped like Slack's own
 * (https://docs.slack.dev/reference/methods). Only what the app and the tests use is modelled;
 * anything else answers `unknown_method`, so a call the tests did not expect is visible.
 */

export interface StoredView {
  readonly id: string;
  hash: string;
  view: Record<string, unknown>;
}

export interface FakeState {
  readonly views: Map<string, StoredView>;
  /** Installs and token rotation (fake-slack-oauth.ts); without it, oauth.v2.access is unknown. */
  readonly oauth?: FakeOAuth;
  nextId: number;
  nextTs: number;
}

export const FAKE_TEAM = { id: 'T0FAKE', name: 'Fake Team' } as const;
export const FAKE_BOT = { userId: 'U0BOT', botId: 'B0BOT', name: 'chip-advice' } as const;

type Params = Record<string, unknown>;

function nextId(state: FakeState, prefix: string): string {
  const id = `${prefix}${String(state.nextId).padStart(8, '0')}`;
  state.nextId += 1;
  return id;
}

function nextTs(state: FakeState): string {
  const ts = `1700000000.${String(state.nextTs).padStart(6, '0')}`;
  state.nextTs += 1;
  return ts;
}

function storeView(state: FakeState, view: unknown, id = nextId(state, 'V')) {
  const stored: StoredView = {
    id,
    hash: `${Date.now()}.${nextId(state, 'h')}`,
    view: { ...(view as Params), id, team_id: FAKE_TEAM.id, state: { values: {} } },
  };
  state.views.set(id, stored);
  return { ok: true, view: { ...stored.view, hash: stored.hash } };
}

const methods: Record<string, (state: FakeState, params: Params) => unknown> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://fake-team.slack.com/',
    team: FAKE_TEAM.name,
    user: FAKE_BOT.name,
    team_id: FAKE_TEAM.id,
    user_id: FAKE_BOT.userId,
    bot_id: FAKE_BOT.botId,
  }),
  'views.open': (state, params) => {
    if (typeof params.trigger_id !== 'string') return { ok: false, error: 'invalid_arguments' };
    if (typeof params.view !== 'object') return { ok: false, error: 'invalid_arguments' };
    return storeView(state, params.view);
  },
  'views.push': (state, params) => methods['views.open']?.(state, params),
  'views.update': (state, params) => {
    const stored = state.views.get(String(params.view_id));
    if (!stored) return { ok: false, error: 'not_found' };
    if (params.hash !== undefined && params.hash !== stored.hash) {
      return { ok: false, error: 'hash_conflict' };
    }
    return storeView(state, params.view, stored.id);
  },
  'views.publish': (state, params) => {
    if (typeof params.user_id !== 'string') return { ok: false, error: 'invalid_arguments' };
    return storeView(state, params.view);
  },
  'chat.postMessage': (state, params) => {
    if (typeof params.channel !== 'string' || params.channel === '') {
      return { ok: false, error: 'channel_not_found' };
    }
    if (!params.text && !params.blocks) return { ok: false, error: 'no_text' };
    const ts = nextTs(state);
    return {
      ok: true,
      channel: params.channel,
      ts,
      message: {
        type: 'message',
        bot_id: FAKE_BOT.botId,
        user: FAKE_BOT.userId,
        text: params.text,
        blocks: params.blocks,
        ts,
        ...(params.thread_ts ? { thread_ts: params.thread_ts } : {}),
      },
    };
  },
  'chat.postEphemeral': (state) => ({ ok: true, message_ts: nextTs(state) }),
  'chat.getPermalink': (_state, params) => {
    const channel = String(params.channel ?? '');
    const ts = String(params.message_ts ?? '');
    if (channel === '' || !/^\d+\.\d+$/.test(ts)) return { ok: false, error: 'invalid_arguments' };
    return {
      ok: true,
      channel,
      permalink: `https://fake-team.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
    };
  },
  'conversations.open': (_state, params) => {
    const [user] = String(params.users ?? '').split(',');
    if (!user) return { ok: false, error: 'users_list_not_supplied' };
    return { ok: true, channel: { id: `D${user.replace(/^U/, '')}` } };
  },
  'apps.connections.open': () => ({ ok: false, error: 'invalid_auth' }),
  response_url: () => ({ ok: true }),
};

/** Slack's answer to a call, or `not_authed` when a Web API call carries no bot token. */
export function defaultAnswers(
  state: FakeState,
  method: string,
  params: Params,
  token: string | undefined,
): unknown {
  // oauth.v2.access authenticates with the client id and secret, not a token.
  if (method === 'oauth.v2.access' && state.oauth) return state.oauth.access(params);
  const needsBotToken = method !== 'response_url' && method !== 'apps.connections.open';
  if (needsBotToken && !token?.startsWith('xoxb-')) return { ok: false, error: 'not_authed' };
  const installed = state.oauth?.workspaceOf(token);
  if (method === 'auth.test' && installed) return state.oauth?.authTest(installed);
  const answer = methods[method];
  return answer ? answer(state, params) : { ok: false, error: 'unknown_method' };
}
