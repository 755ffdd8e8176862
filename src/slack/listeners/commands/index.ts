import { COMMAND } from '../../blocks/ids.js';
import type { ChipAdviceBolt } from '../../context.js';
import { chipAdviceCommand } from './chip-advice.js';

export function registerCommands(app: ChipAdviceBolt): void {
  app.command(COMMAND, chipAdviceCommand);
}
