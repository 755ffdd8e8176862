import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { WORKLOAD_FIELD } from '../../../core/index.js';
import type { AppContext, ChipAdviceBolt } from '../../context.js';
import { ActionId } from '../../messages/ids.js';
import type { ListenerDeps } from '../args.js';
import { changeAnswers } from './change-answers.js';
import { exportPortfolioCsv } from './export-csv.js';
import { reevaluatePortfolio } from './reevaluate.js';
import { retryPost } from './retry-post.js';
import { startQuestionnaire } from './start-questionnaire.js';
import { whatIf } from './what-if.js';
import { workloadChosen } from './workload-chosen.js';

type ButtonClick = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Only a button's click goes on: another element sent with a button's action_id does not. */
const onlyButtons: Middleware<ButtonClick, AppContext> = async ({ action, next }) => {
  if (action.type === 'button') await next();
};

/**
 * The questionnaire's workload question (in its own block), and the app's buttons, each matched
 * by Bolt on its action_id. An action that matches none (a button of another app, a workload
 * input outside its block) is left to the ack gate, which acknowledges it.
 */
export function registerActions(app: ChipAdviceBolt, deps: ListenerDeps): void {
  app.action(
    { type: 'block_actions', block_id: WORKLOAD_FIELD, action_id: WORKLOAD_FIELD },
    workloadChosen,
  );
  const buttons = [
    [ActionId.changeAnswers, changeAnswers(deps)],
    [ActionId.whatIf, whatIf(deps)],
    [ActionId.startQuestionnaire, startQuestionnaire(deps)],
    [ActionId.retryPost, retryPost(deps)],
    [ActionId.exportPortfolioCsv, exportPortfolioCsv(deps)],
    [ActionId.reevaluatePortfolio, reevaluatePortfolio(deps)],
  ] as const;
  for (const [actionId, listener] of buttons) {
    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: actionId },
      onlyButtons,
      listener,
    );
  }
}
