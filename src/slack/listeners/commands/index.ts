import type { ChipAdviceBolt } from '../../context.js';
import { COMMAND } from '../../messages/ids.js';
import type { ListenerDeps } from '../args.js';
import { chipAdviceCommand } from './chip-advice.js';

export function registerCommands(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.command(COMMAND, chipAdviceCommand(deps));
}
