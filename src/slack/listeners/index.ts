import type { ChipAdviceBolt } from '../context.js';
import { registerActions } from './actions/index.js';
import type { ListenerDeps } from './args.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerViews } from './views/index.js';

/** The one place every Slack surface is wired to its handlers. */
export function registerListeners(app: ChipAdviceBolt, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerViews(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerEvents(app, deps);
}
