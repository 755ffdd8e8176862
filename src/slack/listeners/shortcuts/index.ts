import { CallbackId } from '../../blocks/ids.js';
import type { ChipAdviceBolt, ListenerDeps } from '../../context.js';
import { messageShortcut } from './message-shortcut.js';

export function registerShortcuts(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.shortcut(
    { type: 'message_action', callback_id: CallbackId.messageShortcut },
    messageShortcut(deps),
  );
}
