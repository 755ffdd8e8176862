import type { ChipAdviceBolt } from '../../context.js';
import type { ListenerDeps } from '../args.js';
import { appHomeOpened } from './app-home-opened.js';

export function registerEvents(app: ChipAdviceBolt, { advisor, history }: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(advisor.ruleset, history));
}
