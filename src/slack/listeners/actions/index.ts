import type { BlockActionArgs, ButtonArgs, ChipAdviceBolt, ListenerDeps } from '../../context.js';
import { ActionId, WORKLOAD_FIELD } from '../../messages/ids.js';
import { changeAnswers } from './change-answers.js';
import { retryPost } from './retry-post.js';
import { startQuestionnaire } from './start-questionnaire.js';
import { whatIf } from './what-if.js';
import { workloadChosen } from './workload-chosen.js';

type ButtonHandler = (args: ButtonArgs) => Promise<void>;

function isButtonClick(args: BlockActionArgs): args is ButtonArgs {
  return args.action.type === 'button';
}

/**
 * One Bolt listener for every action of the app, routed here by action_id: the workload
 * question (in its own block), and the buttons. Bolt runs the matchers of every registered
 * listener on every request, slash commands included, so one listener per surface rather than
 * one per action keeps each request's path short. An action that matches no route (a button of
 * another app, a workload input outside its block) is left to the event gate, which acknowledges
 * it.
 */
export function registerActions(app: ChipAdviceBolt, deps: ListenerDeps): void {
  const buttons: Readonly<Record<string, ButtonHandler>> = {
    [ActionId.changeAnswers]: changeAnswers(deps),
    [ActionId.whatIf]: whatIf(deps),
    [ActionId.startQuestionnaire]: startQuestionnaire(deps),
    [ActionId.retryPost]: retryPost(deps),
  };
  app.action({ type: 'block_actions' }, async (args) => {
    const { action_id: id, block_id: block } = args.action;
    if (id === WORKLOAD_FIELD) {
      if (block === WORKLOAD_FIELD) await workloadChosen(args);
      return;
    }
    const button = Object.hasOwn(buttons, id) ? buttons[id] : undefined;
    if (button && isButtonClick(args)) await button(args);
  });
}
