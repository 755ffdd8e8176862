import type { BlockAction, ButtonAction } from '@slack/bolt';
import { ActionId, WORKLOAD_FIELD } from '../../blocks/ids.js';
import type { ChipAdviceBolt, ListenerDeps } from '../../context.js';
import { changeAnswers } from './change-answers.js';
import { retryPost } from './retry-post.js';
import { startQuestionnaire } from './start-questionnaire.js';
import { whatIf } from './what-if.js';
import { workloadChosen } from './workload-chosen.js';

type ButtonClick = BlockAction<ButtonAction>;

export function registerActions(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.action(
    { type: 'block_actions', block_id: WORKLOAD_FIELD, action_id: WORKLOAD_FIELD },
    workloadChosen,
  );
  app.action<ButtonClick>(
    { type: 'block_actions', action_id: ActionId.changeAnswers },
    changeAnswers(deps),
  );
  app.action<ButtonClick>({ type: 'block_actions', action_id: ActionId.whatIf }, whatIf(deps));
  app.action<ButtonClick>(
    { type: 'block_actions', action_id: ActionId.startQuestionnaire },
    startQuestionnaire(deps),
  );
  app.action<ButtonClick>(
    { type: 'block_actions', action_id: ActionId.retryPost },
    retryPost(deps),
  );
}
