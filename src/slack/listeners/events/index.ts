import type { ChipAdviceBolt } from '../../context.js';
import { homeView } from '../../messages/home-view.js';
import type { ListenerDeps } from '../args.js';
import { appHomeOpened } from './app-home-opened.js';

export function registerEvents(app: ChipAdviceBolt, { advisor }: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(homeView(advisor.ruleset)));
}
