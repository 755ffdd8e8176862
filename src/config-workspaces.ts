import { z } from 'zod';
import { unsetIfBlank } from './config-values.js';

/**
 * The variables of multi-workspace mode (CONTRACT.md section 6): all three switch it on, in
 * HTTP mode, instead of SLACK_BOT_TOKEN. Read by `config.ts` from the env object it is given.
 */
export const OAUTH_VARIABLES = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
] as const;

/** What happens to a workspace's decision records when it uninstalls the app. */
export const UNINSTALL_CHOICES = ['delete', 'keep'] as const;

/** Multi-workspace mode: installs through OAuth, one installation per workspace in the database. */
export interface OAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the OAuth `state` parameter. */
  readonly stateSecret: string;
  /** What the key that encrypts stored tokens is derived from (HKDF). */
  readonly tokenKey: string;
  /** Which variable `tokenKey` came from, for messages. */
  readonly tokenKeyVariable: 'SLACK_TOKEN_ENCRYPTION_KEY' | 'SLACK_STATE_SECRET';
  /** DECISIONS_ON_UNINSTALL: on app_uninstalled / tokens_revoked, delete or keep the records. */
  readonly decisionsOnUninstall: (typeof UNINSTALL_CHOICES)[number];
}

export const OAUTH_HOW_TO_FIX: Record<string, string> = {
  SLACK_CLIENT_ID: 'copy the Client ID from Basic Information → App Credentials',
  SLACK_CLIENT_SECRET: 'copy the Client Secret from Basic Information → App Credentials',
  SLACK_STATE_SECRET:
    'set a long random text of your own (openssl rand -hex 32), used to sign the OAuth state',
  SLACK_TOKEN_ENCRYPTION_KEY:
    'set a random text of at least 32 characters (openssl rand -hex 32), or unset it to derive the key from SLACK_STATE_SECRET',
  DECISIONS_ON_UNINSTALL: `set one of ${UNINSTALL_CHOICES.join(', ')}, or unset it for delete`,
};

const blank = unsetIfBlank;

/** The fields of the env schema that only multi-workspace mode reads. */
export const oauthShape = {
  SLACK_CLIENT_ID: z.preprocess(blank, z.string().optional()),
  SLACK_CLIENT_SECRET: z.preprocess(blank, z.string().optional()),
  SLACK_STATE_SECRET: z.preprocess(blank, z.string().optional()),
  SLACK_TOKEN_ENCRYPTION_KEY: z.preprocess(
    blank,
    z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  ),
  DECISIONS_ON_UNINSTALL: z.preprocess(
    (value) => (typeof value === 'string' ? blank(value.toLowerCase()) : value),
    z.enum(UNINSTALL_CHOICES, { error: 'is not delete or keep' }).default('delete'),
  ),
};

/** The OAuth variables that are set (blank counts as unset). */
export function oauthVariablesSet(env: Record<string, unknown>): string[] {
  return OAUTH_VARIABLES.filter((name) => blank(env[name]) !== undefined);
}

const list = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

interface Issue {
  readonly name: string;
  readonly message: string;
  readonly fix: string;
}

/**
 * The rules between variables once any OAuth variable is set: all three or none, never with
 * SLACK_BOT_TOKEN, HTTP only (a signing secret, no SLACK_APP_TOKEN). One issue per variable to
 * change, each saying how to fix it.
 */
export function oauthIssues(env: Record<string, unknown>): Issue[] {
  const set = oauthVariablesSet(env);
  if (set.length === 0) return [];
  const issues: Issue[] = [];
  const missing = OAUTH_VARIABLES.filter((name) => !set.includes(name));
  const toOneWorkspace = `or unset ${list(set)} to serve one workspace with SLACK_BOT_TOKEN`;
  for (const name of missing) {
    issues.push({
      name,
      message: `is missing (${list(set)} ${set.length === 1 ? 'is' : 'are'} set: multi-workspace mode needs all three of ${list(OAUTH_VARIABLES)})`,
      fix: `${OAUTH_HOW_TO_FIX[name]}, ${toOneWorkspace}`,
    });
  }
  if (blank(env.SLACK_BOT_TOKEN) !== undefined) {
    issues.push({
      name: 'SLACK_BOT_TOKEN',
      message: `cannot be set together with ${list(set)} (multi-workspace mode takes each workspace's token from its installation)`,
      fix: `unset SLACK_BOT_TOKEN to install through OAuth, ${toOneWorkspace}`,
    });
  }
  if (blank(env.SLACK_APP_TOKEN) !== undefined) {
    issues.push({
      name: 'SLACK_APP_TOKEN',
      message: 'cannot be set in multi-workspace mode, which runs in HTTP mode only',
      fix: `unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET, ${toOneWorkspace}`,
    });
    if (blank(env.SLACK_SIGNING_SECRET) === undefined) {
      issues.push({
        name: 'SLACK_SIGNING_SECRET',
        message: 'is missing (multi-workspace mode runs in HTTP mode, which needs it)',
        fix: 'copy the Signing Secret from Basic Information → App Credentials',
      });
    }
  }
  return issues;
}
