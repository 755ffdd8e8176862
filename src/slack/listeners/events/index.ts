import type { ChipAdviceBolt } from '../../context.js';
import type { ListenerDeps } from '../args.js';
import { appHomeOpened } from './app-home-opened.js';
import { workspaceLeft } from './app-uninstalled.js';

export function registerEvents(
  app: ChipAdviceBolt,
  { advisor, history, workspaces }: ListenerDeps,
): void {
  app.event('app_home_opened', appHomeOpened(advisor.ruleset, history));
  if (workspaces) {
    app.event('app_uninstalled', workspaceLeft(workspaces, 'app_uninstalled'));
    app.event('tokens_revoked', workspaceLeft(workspaces, 'tokens_revoked'));
  }
}
