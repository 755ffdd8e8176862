import { z } from 'zod';
import { millis, token, unsetIfBlank, wholeNumber } from './config-values.js';
import {
  OAUTH_HOW_TO_FIX,
  type OAuthConfig,
  oauthIssues,
  oauthShape,
  oauthVariablesSet,
} from './config-workspaces.js';
import { ConfigInvalidError } from './errors.js';
import {
  DATABASE_URL_HOW_TO_FIX,
  type DatabaseConfig,
  databaseUrlSchema,
} from './storage/database-url.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** How the app talks to Slack: a WebSocket it opens (Socket Mode) or signed HTTP requests. */
export type Mode =
  | { readonly kind: 'socket'; readonly appToken: string }
  | { readonly kind: 'http'; readonly signingSecret: string; readonly port: number };

export interface Config {
  /** The one workspace's bot token; undefined in multi-workspace mode (`oauth` set). */
  readonly botToken: string | undefined;
  /** Multi-workspace mode (CONTRACT.md section 6): installs through OAuth; HTTP mode only. */
  readonly oauth?: OAuthConfig | undefined;
  readonly mode: Mode;
  /** Base URL of the Web API, with a trailing slash. */
  readonly slackApiUrl: string;
  readonly logLevel: LogLevelName;
  /** Pretty, coloured lines for a developer (`NODE_ENV=development`); JSON lines otherwise. */
  readonly logFormat: 'pretty' | 'json';
  /** Every secret value in the config, for scrubbing from logs. */
  readonly secrets: readonly string[];
  /** Where the rule files are; undefined means the bundled `rules/`. */
  readonly rulesDir: string | undefined;
  /**
   * How long one Web API or response_url request may wait to connect, for the headers, and for
   * each part of the body (Web API retries still apply).
   */
  readonly slackApiTimeoutMs: number;
  /**
   * How long a chat.postMessage may wait for Slack's answer once it was sent. A post is never
   * sent twice (Slack has no idempotency key), so a slow Slack is waited for this long instead.
   */
  readonly slackPostTimeoutMs: number;
  /** On SIGTERM, wait this long for requests in flight before giving up (exit code 1). */
  readonly shutdownTimeoutMs: number;
  /** Where decisions and delivery keys are stored (DATABASE_URL). */
  readonly database: DatabaseConfig;
  /** Decisions older than this many days are pruned; undefined keeps them. */
  readonly decisionRetentionDays: number | undefined;
  /** How long advice Slack could not take is kept and retried (the outbox), in hours. */
  readonly outboxDeadlineHours: number;
  /**
   * How long a request waits for the database to claim its delivery key (duplicate check across
   * replicas) before it is claimed in this process's memory instead.
   */
  readonly duplicateClaimTimeoutMs: number;
}

/** Where to get each value: the second half of every message that stops the start. */
const HOW_TO_FIX: Record<string, string> = {
  SLACK_BOT_TOKEN:
    'install the app from manifest.yml and copy the Bot User OAuth Token (OAuth & Permissions page, starts with xoxb-)',
  SLACK_SIGNING_SECRET:
    'copy the Signing Secret from Basic Information → App Credentials, or set SLACK_APP_TOKEN to run in Socket Mode',
  SLACK_APP_TOKEN:
    'generate an app-level token with the connections:write scope under Basic Information → App-Level Tokens (starts with xapp-), or unset it to run in HTTP mode',
  PORT: 'set a port number from 0 to 65535, or unset it for 3000',
  SLACK_API_URL: 'set an http(s) URL such as https://slack.com/api/, or unset it',
  LOG_LEVEL: `set one of ${LOG_LEVELS.join(', ')}, or unset it for info`,
  RULES_DIR: 'set the path of a folder with chips.json, article.json and rule files, or unset it',
  SLACK_API_TIMEOUT_MS: 'set a number of milliseconds from 100 to 120000, or unset it for 10000',
  SLACK_POST_TIMEOUT_MS: 'set a number of milliseconds from 100 to 600000, or unset it for 60000',
  SHUTDOWN_TIMEOUT_MS: 'set a number of milliseconds from 0 to 600000, or unset it for 10000',
  DATABASE_URL: DATABASE_URL_HOW_TO_FIX,
  DECISION_RETENTION_DAYS:
    'set a whole number of days from 1 to 36500, or unset it to keep decisions',
  OUTBOX_DEADLINE_HOURS: 'set a whole number of hours from 1 to 168, or unset it for 24',
  DUPLICATE_CLAIM_TIMEOUT_MS: 'set a number of milliseconds from 50 to 2500, or unset it for 500',
  ...OAUTH_HOW_TO_FIX,
};

const shape = {
  SLACK_BOT_TOKEN: z.preprocess(unsetIfBlank, token('xoxb-')),
  SLACK_APP_TOKEN: z.preprocess(unsetIfBlank, token('xapp-').optional()),
  SLACK_SIGNING_SECRET: z.preprocess(unsetIfBlank, z.string().optional()),
  PORT: z.preprocess(unsetIfBlank, wholeNumber('a port number', 5, 0, 65535).default(3000)),
  SLACK_API_URL: z.preprocess(
    unsetIfBlank,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://slack.com/api/'),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? unsetIfBlank(value.toLowerCase()) : value),
    z.enum(LOG_LEVELS, { error: 'is not a log level' }).default('info'),
  ),
  RULES_DIR: z.preprocess(unsetIfBlank, z.string().optional()),
  SLACK_API_TIMEOUT_MS: millis(100, 120_000, 10_000),
  SLACK_POST_TIMEOUT_MS: millis(100, 600_000, 60_000),
  SHUTDOWN_TIMEOUT_MS: millis(0, 600_000, 10_000),
  DUPLICATE_CLAIM_TIMEOUT_MS: millis(50, 2_500, 500),
  DATABASE_URL: databaseUrlSchema,
  OUTBOX_DEADLINE_HOURS: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .regex(/^\d{1,3}$/, { error: (issue) => `must be a number of hours (got "${issue.input}")` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: 'must be at least 1' })
          .max(168, { error: 'must be at most 168' }),
      )
      .default(24),
  ),
  DECISION_RETENTION_DAYS: z.preprocess(
    unsetIfBlank,
    wholeNumber('a number of days', 5, 1, 36_500).optional(),
  ),
  NODE_ENV: z.string().optional(),
  ...oauthShape,
};

/** The checks between variables; `oauthIssues` adds those of multi-workspace mode. */
const withSigningSecret = <
  T extends z.ZodType<{ SLACK_APP_TOKEN?: unknown; SLACK_SIGNING_SECRET?: unknown }>,
>(
  schema: T,
) =>
  schema.refine(
    (env) => env.SLACK_APP_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined,
    {
      path: ['SLACK_SIGNING_SECRET'],
      message: 'is missing (it is required in HTTP mode, used when SLACK_APP_TOKEN is not set)',
      // Check even when other variables are wrong, so every problem is reported in one go.
      when: (payload) => {
        const env = payload.value as Record<string, unknown>;
        return !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET;
      },
    },
  );

const singleWorkspace = withSigningSecret(z.object(shape));
// With any OAuth variable set, SLACK_BOT_TOKEN is not required (and must not be set, see
// `oauthIssues`); the key keeps its place, so problems are listed in the same order.
const multiWorkspace = withSigningSecret(
  z.object({ ...shape, SLACK_BOT_TOKEN: z.unknown().optional() }),
);

/**
 * Reads and validates the environment, once, at start. Nothing else reads `process.env`.
 * Throws {@link ConfigInvalidError} with one line per bad variable, each naming it and saying
 * where to get a good value; secret values never appear in the message.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const multi = oauthVariablesSet(env).length > 0;
  const result = (multi ? multiWorkspace : singleWorkspace).safeParse(env);
  const between = oauthIssues(env).map((issue) => `${issue.name} ${issue.message}: ${issue.fix}`);
  if (!result.success || between.length > 0) {
    throw new ConfigInvalidError([
      ...(result.error?.issues ?? []).map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name} ${issue.message}: ${HOW_TO_FIX[name] ?? 'check its value'}`;
      }),
      ...between,
    ]);
  }
  const values = result.data;
  const botToken = multi ? undefined : (values.SLACK_BOT_TOKEN as string);
  const oauth: OAuthConfig | undefined = multi
    ? {
        clientId: values.SLACK_CLIENT_ID ?? '',
        clientSecret: values.SLACK_CLIENT_SECRET ?? '',
        stateSecret: values.SLACK_STATE_SECRET ?? '',
        tokenKey: values.SLACK_TOKEN_ENCRYPTION_KEY ?? values.SLACK_STATE_SECRET ?? '',
        tokenKeyVariable: values.SLACK_TOKEN_ENCRYPTION_KEY
          ? 'SLACK_TOKEN_ENCRYPTION_KEY'
          : 'SLACK_STATE_SECRET',
        decisionsOnUninstall: values.DECISIONS_ON_UNINSTALL,
      }
    : undefined;
  const mode: Mode = values.SLACK_APP_TOKEN
    ? { kind: 'socket', appToken: values.SLACK_APP_TOKEN }
    : { kind: 'http', signingSecret: values.SLACK_SIGNING_SECRET ?? '', port: values.PORT };
  return {
    botToken,
    ...(oauth ? { oauth } : {}),
    mode,
    slackApiUrl: values.SLACK_API_URL.endsWith('/')
      ? values.SLACK_API_URL
      : `${values.SLACK_API_URL}/`,
    logLevel: values.LOG_LEVEL,
    logFormat: values.NODE_ENV === 'development' ? 'pretty' : 'json',
    secrets: [
      botToken,
      values.SLACK_APP_TOKEN,
      values.SLACK_SIGNING_SECRET,
      values.SLACK_CLIENT_SECRET,
      values.SLACK_STATE_SECRET,
      values.SLACK_TOKEN_ENCRYPTION_KEY,
      values.DATABASE_URL.engine === 'postgres' ? values.DATABASE_URL.password : undefined,
    ].filter((secret): secret is string => secret !== undefined),
    rulesDir: values.RULES_DIR,
    slackApiTimeoutMs: values.SLACK_API_TIMEOUT_MS,
    slackPostTimeoutMs: values.SLACK_POST_TIMEOUT_MS,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    database: values.DATABASE_URL,
    decisionRetentionDays: values.DECISION_RETENTION_DAYS,
    outboxDeadlineHours: values.OUTBOX_DEADLINE_HOURS,
    duplicateClaimTimeoutMs: values.DUPLICATE_CLAIM_TIMEOUT_MS,
  };
}
