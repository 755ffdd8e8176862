import type { ChipAdviceBolt } from '../../context.js';
import { CallbackId } from '../../messages/ids.js';
import type { ListenerDeps } from '../args.js';
import { messageShortcut } from './message-shortcut.js';

export function registerShortcuts(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.shortcut(
    { type: 'message_action', callback_id: CallbackId.messageShortcut },
    messageShortcut(deps),
  );
}
