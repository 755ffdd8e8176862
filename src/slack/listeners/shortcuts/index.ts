import { CallbackId } from '../../blocks/ids.js';
import type { ChipAdviceBolt } from '../../context.js';
import { messageShortcut } from './message-shortcut.js';

export function registerShortcuts(app: ChipAdviceBolt): void {
  app.shortcut(
    { type: 'message_action', callback_id: CallbackId.messageShortcut },
    messageShortcut,
  );
}
