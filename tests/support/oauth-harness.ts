import { type AppDeps, type ChipAdviceApp, createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/storage/index.js';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';
import { FAKE_CLIENT, type FakeWorkspace } from '../../testkit/fake-slack-oauth.js';
import {
  commandBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  postSigned,
  type SlackResponse,
} from '../../testkit/signed-request.js';
import { eventCallback, slashCommand } from '../../testkit/slack-payloads.js';
import { type TestDatabase, testDatabase } from '../storage/support/engines.js';
import type { SlackDriver } from './flows.js';
import { FAST_RETRY, SIGNING_SECRET } from './harness.js';
import { LogSink } from './log-sink.js';

export const STATE_SECRET = 'test-state-secret-0123456789abcdef';

/** A page the app served to a browser. */
export interface Page {
  readonly status: number;
  readonly html: string;
  readonly headers: Headers;
}

/** Where a request comes from: a workspace, and in an Enterprise Grid org, its enterprise. */
export interface From {
  readonly teamId: string;
  readonly enterpriseId?: string;
  readonly isEnterpriseInstall?: boolean;
}

export const fromWorkspace = (workspace: FakeWorkspace, teamId?: string): From => ({
  teamId: teamId ?? workspace.team?.id ?? 'T0INGRID',
  ...(workspace.enterprise ? { enterpriseId: workspace.enterprise.id } : {}),
  isEnterpriseInstall: workspace.isEnterpriseInstall,
});

/**
 * The real app in multi-workspace mode (HTTP, OAuth variables, no bot token) on a free port,
 * with its database on `engine` and the fake Web API on SLACK_API_URL; helpers play the browser
 * (install page, redirect) and Slack (signed requests from a given workspace).
 */
export interface OAuthHarness {
  readonly api: FakeSlackApi;
  readonly app: ChipAdviceApp;
  readonly db: TestDatabase;
  readonly store: Store;
  readonly origin: string;
  readonly logs: LogSink;
  get(path: string, cookie?: string): Promise<Page>;
  /** The install page, then the redirect Slack sends the browser to with `code`. */
  install(
    code: string,
    tamper?: { state?: string; cookie?: string; extra?: string },
  ): Promise<Page>;
  command(from: From, text?: string): Promise<SlackResponse>;
  event(from: From, event: Record<string, unknown>): Promise<SlackResponse>;
  /** An interactive payload (testkit/slack-payloads.ts) as if it came from `from`. */
  interact(from: From, payload: Record<string, unknown>): Promise<SlackResponse>;
  /** The flows of flows.ts, played in one workspace. */
  driver(from: From): SlackDriver;
  /** The installation rows, as the database holds them. */
  rows(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startOAuthHarness(
  engine: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'outbox'> = {},
): Promise<OAuthHarness> {
  const api = await FakeSlackApi.start();
  const db = await testDatabase(engine, 'oauth');
  const store = await db.open();
  const logs = new LogSink();
  const config = readConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CLIENT_ID: FAKE_CLIENT.id,
    SLACK_CLIENT_SECRET: FAKE_CLIENT.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    PORT: '0',
    SLACK_API_URL: api.url,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logger = createLogger({
    level: 'debug',
    format: 'json',
    secrets: config.secrets,
    destination: logs,
  });
  const app = createApp(config, { logger, retryConfig: FAST_RETRY, store, ...deps });
  const started = await app.start();
  if (started.mode !== 'http') throw new Error('expected HTTP mode');
  const origin = `http://127.0.0.1:${started.port}`;
  const get = async (path: string, cookie?: string): Promise<Page> => {
    const response = await fetch(`${origin}${path}`, {
      redirect: 'manual',
      ...(cookie ? { headers: { cookie } } : {}),
    });
    return { status: response.status, html: await response.text(), headers: response.headers };
  };
  const post = (body: string, type: string) =>
    postSigned(`${origin}/slack/events`, body, type, { secret: SIGNING_SECRET });
  const command = (from: From, text = '') => {
    const fields = {
      ...slashCommand({ text, responseUrl: api.responseUrl() }),
      team_id: from.teamId,
      ...(from.enterpriseId ? { enterprise_id: from.enterpriseId } : {}),
      ...(from.isEnterpriseInstall ? { is_enterprise_install: 'true' } : {}),
    };
    return post(commandBody(fields), FORM);
  };
  const interact = (from: From, payload: Record<string, unknown>) => {
    const user = payload.user as Record<string, unknown> | undefined;
    const body = {
      ...payload,
      team: { id: from.teamId, domain: from.teamId.toLowerCase() },
      user: { ...user, team_id: from.teamId },
      enterprise: from.enterpriseId ? { id: from.enterpriseId, name: from.enterpriseId } : null,
      is_enterprise_install: from.isEnterpriseInstall ?? false,
    };
    return post(interactionBody(body), FORM);
  };
  return {
    api,
    app,
    db,
    store,
    origin,
    logs,
    get,
    async install(code, tamper = {}) {
      const page = await get('/slack/install');
      const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(page.html)?.[1];
      if (!href) throw new Error(`no Add to Slack link on the install page: ${page.html}`);
      const state = new URL(href.replaceAll('&#38;', '&')).searchParams.get('state') ?? '';
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const query = new URLSearchParams({ state: tamper.state ?? state });
      if (code) query.set('code', code);
      return get(`/slack/oauth_redirect?${query}${tamper.extra ?? ''}`, tamper.cookie ?? cookie);
    },
    command,
    interact,
    driver: (from) => ({
      api,
      command: (text) => command(from, text),
      interact: (payload) => interact(from, payload as Record<string, unknown>),
    }),
    event(from, event) {
      const authorization = {
        team_id: from.isEnterpriseInstall ? null : from.teamId,
        enterprise_id: from.enterpriseId ?? null,
        is_enterprise_install: from.isEnterpriseInstall ?? false,
        user_id: 'U0BOT',
        is_bot: true,
      };
      const body = {
        ...eventCallback(event),
        team_id: from.teamId,
        ...(from.enterpriseId ? { enterprise_id: from.enterpriseId } : {}),
        authorizations: [authorization],
        is_ext_shared_channel: false,
      };
      return post(JSON.stringify(body), JSON_TYPE);
    },
    rows: () => db.raw('select * from installations order by team_id, enterprise_id'),
    async close() {
      api.reset();
      await app.stop();
      await store.close();
      await db.drop();
      await api.close();
    },
  };
}
