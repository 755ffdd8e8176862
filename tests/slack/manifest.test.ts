import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CallbackId, COMMAND } from '../../src/slack/messages/ids.js';
import { BOT_SCOPES, REDIRECT_PATH } from '../../src/slack/workspaces/index.js';
import { ROOT } from '../../testkit/project.js';

/** manifest.yml must name what the code listens for (the schema itself: shared/tools/check-manifest.mjs). */
const manifest = parse(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it('declares the slash command and the message shortcut the app listens for', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: COMMAND, usage_hint: '[help | history | summary]' }),
    ]);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: CallbackId.messageShortcut }),
    ]);
  });

  it('enables the Home tab, the messages tab for advice by DM, interactivity and app_home_opened', () => {
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'tokens_revoked',
    ]);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for only the bot scopes the app uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'chat:write.public',
      'im:write',
      'files:write',
    ]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
    // Multi-workspace mode asks for the same scopes when it sends someone to install.
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
  });

  it('has the redirect URL placeholder of multi-workspace mode, and allows org-wide installs', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${REDIRECT_PATH}`]);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});
