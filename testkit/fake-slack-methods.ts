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

/** A file announced with files.getUploadURLExternal, its bytes once posted to its upload URL. */
export interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  content?: string;
  /** Where files.completeUploadExternal shared it. */
  shared?: { readonly channelId?: string; readonly threadTs?: string; readonly title?: string };
}

export interface FakeState {
  readonly views: Map<string, StoredView>;
  /** Installs and token rotation (fake-slack-oauth.ts); without it, oauth.v2.access is unknown. */
  readonly oauth?: FakeOAuth;
  readonly files: Map<string, StoredFile>;
  /** The fake's own origin, for the upload URLs it hands out. */
  readonly origin: string;
  nextId: number;
  nextTs: number;
  /** trigger_ids already exchanged for a view, and when each unknown one was first seen. */
  readonly triggers?: Triggers;
  /** Channels the bot can never post in, and Slack's error for each ("is_archived"...). */
  readonly closedChannels?: Map<string, string>;
}

/** Slack lets a trigger_id open one view, within 3 seconds of the interaction that made it. */
export const TRIGGER_LIFETIME_MS = 3000;

export interface Triggers {
  readonly used: Set<string>;
  readonly firstSeen: Map<string, number>;
  /** How long a trigger_id lives: Slack's 3 s unless a test asks for longer. */
  lifetimeMs: number;
}

/** A fresh state for the fake (bench/fake-api.ts builds its own without triggers). */
export function freshState(origin: string): FakeState {
  return {
    views: new Map(),
    files: new Map(),
    origin,
    nextId: 1,
    nextTs: 1,
    triggers: { used: new Set(), firstSeen: new Map(), lifetimeMs: TRIGGER_LIFETIME_MS },
    closedChannels: new Map(),
  };
}

/**
 * When a trigger_id was issued: testkit's triggerId() writes the time (ms) as its second part,
 * as `n.<ms>.trigger<n>`; any other id counts from when the fake first saw it.
 */
function issuedAt(triggers: Triggers, id: string): number {
  const stamped = Number(id.split('.')[1]);
  if (Number.isSafeInteger(stamped) && stamped > 1_600_000_000_000) return stamped;
  const seen = triggers.firstSeen.get(id);
  if (seen !== undefined) return seen;
  triggers.firstSeen.set(id, Date.now());
  return Date.now();
}

/**
 * `expired_trigger_id` past 3 s, `exchanged_trigger_id` for a second use, as Slack answers.
 * @see https://docs.slack.dev/reference/methods/views.open#errors
 */
function triggerProblem(state: FakeState, id: string): string | undefined {
  const { triggers } = state;
  if (!triggers) return undefined;
  if (triggers.used.has(id)) return 'exchanged_trigger_id';
  if (Date.now() - issuedAt(triggers, id) > triggers.lifetimeMs) return 'expired_trigger_id';
  triggers.used.add(id);
  return undefined;
}

/** Slack's checks on a message's blocks that the fake models. */
function blocksProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks';
  return undefined;
}

/**
 * Values a person typed into the inputs of a view, kept by views.update for every input whose
 * block_id and action_id the new view still has, as Slack keeps them.
 * @see https://docs.slack.dev/surfaces/modals#updating_views
 */
function keptValues(old: StoredView | undefined, view: Params): Record<string, unknown> {
  const before = ((old?.view.state as Params | undefined)?.values ?? {}) as Record<string, Params>;
  const kept: Record<string, unknown> = {};
  for (const block of (view.blocks as Params[] | undefined) ?? []) {
    const blockId = String(block.block_id ?? '');
    const actionId = String((block.element as Params | undefined)?.action_id ?? '');
    const value = before[blockId]?.[actionId];
    if (block.type === 'input' && value !== undefined) kept[blockId] = { [actionId]: value };
  }
  return kept;
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
  const values = keptValues(state.views.get(id), view as Params);
  const stored: StoredView = {
    id,
    hash: `${Date.now()}.${nextId(state, 'h')}`,
    view: { ...(view as Params), id, team_id: FAKE_TEAM.id, state: { values } },
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
    const problem = triggerProblem(state, params.trigger_id);
    if (problem) return { ok: false, error: problem };
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
    const closed = state.closedChannels?.get(params.channel);
    if (closed) return { ok: false, error: closed };
    const problem = blocksProblem(params.blocks);
    if (problem) return { ok: false, error: problem };
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
  // files.uploadV2 in @slack/web-api: get an upload URL, POST the bytes to it, complete.
  // https://docs.slack.dev/messaging/working-with-files#uploading_files
  'files.getUploadURLExternal': (state, params) => {
    const length = Number(params.length);
    if (typeof params.filename !== 'string' || params.filename === '') {
      return { ok: false, error: 'invalid_arguments' };
    }
    if (!Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' };
    const id = nextId(state, 'F');
    state.files.set(id, { id, filename: params.filename, length });
    return { ok: true, upload_url: `${state.origin}/upload/${id}`, file_id: id };
  },
  'files.completeUploadExternal': (state, params) => {
    const listed = typeof params.files === 'string' ? tryParse(params.files) : params.files;
    if (!Array.isArray(listed) || listed.length === 0)
      return { ok: false, error: 'invalid_arguments' };
    const shared = [];
    for (const entry of listed as { id?: unknown; title?: unknown }[]) {
      const file = state.files.get(String(entry.id));
      // Slack refuses to complete a file whose bytes never arrived.
      if (!file || file.content === undefined) return { ok: false, error: 'file_not_found' };
      file.shared = {
        ...(typeof params.channel_id === 'string' ? { channelId: params.channel_id } : {}),
        ...(typeof params.thread_ts === 'string' ? { threadTs: params.thread_ts } : {}),
        ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
      };
      shared.push({ id: file.id, name: file.filename, title: entry.title ?? file.filename });
    }
    return { ok: true, files: shared };
  },
  'apps.connections.open': () => ({ ok: false, error: 'invalid_auth' }),
  response_url: () => ({ ok: true }),
};

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The answer to bytes posted to an upload URL (`file_upload` in the recorded calls): Slack's
 * own is the text "OK - <bytes>"; an unknown file id gets 404, bytes of another length than
 * announced 400.
 */
export function uploadAnswer(state: FakeState, fileId: string, content: string) {
  const file = state.files.get(fileId);
  if (!file) return { status: 404, body: 'file not found' };
  if (Buffer.byteLength(content) !== file.length) return { status: 400, body: 'length mismatch' };
  file.content = content;
  return { status: 200, body: `OK - ${Buffer.byteLength(content)}` };
}

/** Slack's answer to a call, or `not_authed` when a Web API call carries no bot token. */
export function defaultAnswers(
  state: FakeState,
  method: string,
  params: Params,
  token: string | undefined,
): unknown {
  // oauth.v2.access authenticates with the client id and secret, not a token.
  if (method === 'oauth.v2.access' && state.oauth) return state.oauth.access(params);
  const needsBotToken =
    method !== 'response_url' && method !== 'apps.connections.open' && method !== 'file_upload';
  if (needsBotToken && !token?.startsWith('xoxb-')) return { ok: false, error: 'not_authed' };
  const installed = state.oauth?.workspaceOf(token);
  if (method === 'auth.test' && installed) return state.oauth?.authTest(installed);
  const answer = methods[method];
  return answer ? answer(state, params) : { ok: false, error: 'unknown_method' };
}
