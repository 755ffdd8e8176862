import { homeView } from '../../blocks/home-view.js';
import type { ChipAdviceBolt, ListenerDeps } from '../../context.js';
import { appHomeOpened } from './app-home-opened.js';

export function registerEvents(app: ChipAdviceBolt, { advisor }: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(homeView(advisor.ruleset)));
}
