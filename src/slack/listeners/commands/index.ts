import type { ChipAdviceBolt, ListenerDeps } from '../../context.js';
import { COMMAND } from '../../messages/ids.js';
import { chipAdviceCommand } from './chip-advice.js';

export function registerCommands(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.command(COMMAND, chipAdviceCommand(deps));
}
