/**
 * OAuth in the fake Web API: `oauth.v2.access` exchanges the codes of {@link FAKE_WORKSPACES}
 * for their bot tokens (and refresh tokens, with `rotate` on), and refreshes rotating tokens;
 * `auth.test` answers for the workspace whose token it is given. Shaped like Slack's answers.
 * @see https://docs.slack.dev/reference/methods/oauth.v2.access
 */

export const FAKE_CLIENT = { id: '1111.2222', secret: 'fake-client-secret-0123456789' } as const;
export const FAKE_APP_ID = 'A0CHIPADVICE';

export interface FakeWorkspace {
  /** The code the redirect carries for an install into this workspace. */
  readonly code: string;
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly enterprise: { readonly id: string; readonly name: string } | null;
  readonly isEnterpriseInstall: boolean;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly installer: string;
}

/** Two ordinary workspaces (one inside an Enterprise Grid org) and an org-wide install. */
export const FAKE_WORKSPACES = {
  alpha: {
    code: 'code-alpha',
    team: { id: 'T0ALPHA', name: 'Alpha Labs' },
    enterprise: null,
    isEnterpriseInstall: false,
    botToken: 'xoxb-alpha-0000-bot-token',
    botUserId: 'U0ALPHABOT',
    botId: 'B0ALPHA',
    installer: 'U0ALPHAADMIN',
  },
  beta: {
    code: 'code-beta',
    team: { id: 'T0BETA', name: 'Beta Compute' },
    enterprise: { id: 'E0BETA', name: 'Beta Holdings' },
    isEnterpriseInstall: false,
    botToken: 'xoxb-beta-0000-bot-token',
    botUserId: 'U0BETABOT',
    botId: 'B0BETA',
    installer: 'U0BETAADMIN',
  },
  grid: {
    code: 'code-grid',
    team: null,
    enterprise: { id: 'E0GRID', name: 'Grid Org' },
    isEnterpriseInstall: true,
    botToken: 'xoxb-grid-0000-bot-token',
    botUserId: 'U0GRIDBOT',
    botId: 'B0GRID',
    installer: 'U0GRIDADMIN',
  },
} as const satisfies Record<string, FakeWorkspace>;

type Params = Record<string, unknown>;

/** The fake's OAuth state: which token belongs to which workspace, and the refresh tokens. */
export class FakeOAuth {
  /** Issue rotating tokens (refresh token, expires_in) at install and refresh. */
  rotate = false;
  /** Seconds a rotating token lives (Slack: 12 hours). */
  expiresIn = 43_200;
  readonly #byToken = new Map<string, FakeWorkspace>();
  readonly #byRefresh = new Map<string, FakeWorkspace>();
  #issued = 0;

  constructor() {
    for (const workspace of Object.values(FAKE_WORKSPACES)) {
      this.#byToken.set(workspace.botToken, workspace);
    }
  }

  /** The workspace a bot token was issued for. */
  workspaceOf(token: string | undefined): FakeWorkspace | undefined {
    return token === undefined ? undefined : this.#byToken.get(token);
  }

  access(params: Params): unknown {
    if (params.client_id !== FAKE_CLIENT.id) return { ok: false, error: 'invalid_client_id' };
    if (params.client_secret !== FAKE_CLIENT.secret)
      return { ok: false, error: 'bad_client_secret' };
    if (params.grant_type === 'refresh_token') {
      const workspace = this.#byRefresh.get(String(params.refresh_token));
      if (!workspace) return { ok: false, error: 'invalid_refresh_token' };
      this.#byRefresh.delete(String(params.refresh_token));
      return { ...this.#grant(workspace, true), token_type: 'bot' };
    }
    const workspace = Object.values(FAKE_WORKSPACES).find((w) => w.code === params.code);
    if (!workspace) return { ok: false, error: 'invalid_code' };
    return this.#grant(workspace, this.rotate);
  }

  #grant(workspace: FakeWorkspace, rotating: boolean) {
    let token: string = workspace.botToken;
    const extra: Params = {};
    if (rotating) {
      this.#issued += 1;
      token = `${workspace.botToken}-r${this.#issued}`;
      const refresh = `xoxe-1-${workspace.code}-r${this.#issued}`;
      this.#byRefresh.set(refresh, workspace);
      Object.assign(extra, { refresh_token: refresh, expires_in: this.expiresIn });
    }
    this.#byToken.set(token, workspace);
    return {
      ok: true,
      app_id: FAKE_APP_ID,
      authed_user: { id: workspace.installer },
      scope: 'commands,chat:write,chat:write.public,im:write',
      token_type: 'bot',
      access_token: token,
      bot_user_id: workspace.botUserId,
      team: workspace.team,
      enterprise: workspace.enterprise,
      is_enterprise_install: workspace.isEnterpriseInstall,
      ...extra,
    };
  }

  /** auth.test for a workspace's token. */
  authTest(workspace: FakeWorkspace): unknown {
    const slug = (workspace.team ?? workspace.enterprise)?.name.toLowerCase().replace(/\W+/g, '-');
    return {
      ok: true,
      url: `https://${slug}.slack.com/`,
      team: workspace.team?.name ?? workspace.enterprise?.name,
      user: 'chip-advice',
      team_id: workspace.team?.id ?? workspace.enterprise?.id,
      user_id: workspace.botUserId,
      bot_id: workspace.botId,
      ...(workspace.enterprise ? { enterprise_id: workspace.enterprise.id } : {}),
      is_enterprise_install: workspace.isEnterpriseInstall,
    };
  }
}
