import type { ChipAdviceBolt } from '../../context.js';
import { CallbackId } from '../../messages/ids.js';
import type { ListenerDeps } from '../args.js';
import { questionnaireSubmission } from './questionnaire-submission.js';

export function registerViews(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.view(
    { callback_id: CallbackId.questionnaire, type: 'view_submission' },
    questionnaireSubmission(deps),
  );
}
