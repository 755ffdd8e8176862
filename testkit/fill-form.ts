/**
 * Fills a modal the way a person would in Slack: given the view the app sent (as recorded by the
 * fake Web API) and answers, builds `view.state.values` in Slack's shape. It only picks options
 * the view offers and only fills inputs the view has, so a test fails if the modal does not
 * render a question or an option the way the contract says.
 */

type Json = Record<string, unknown>;

interface OptionObject {
  readonly text: { readonly text: string };
  readonly value: string;
}

export type StateValues = Record<string, Record<string, Json>>;

function inputBlocks(view: Json): Json[] {
  return ((view.blocks as Json[] | undefined) ?? []).filter((block) => block.type === 'input');
}

function pick(options: readonly OptionObject[], value: unknown, where: string): OptionObject {
  const found = options.find((option) => option.value === String(value));
  if (!found) {
    const offered = options.map((option) => option.value).join(', ');
    throw new Error(`${where} offers no option "${String(value)}" (it offers ${offered})`);
  }
  return { text: found.text, value: found.value };
}

function stateOf(element: Json, value: unknown, where: string): Json {
  const type = String(element.type);
  const options = (element.options as OptionObject[] | undefined) ?? [];
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
      return { type, value: value === undefined ? null : String(value) };
    case 'radio_buttons':
    case 'static_select':
      return { type, selected_option: value === undefined ? null : pick(options, value, where) };
    case 'checkboxes':
    case 'multi_static_select':
      return {
        type,
        selected_options: ((value as unknown[] | undefined) ?? []).map((item) =>
          pick(options, item, where),
        ),
      };
    default:
      throw new Error(`${where}: fill-form does not know element type ${type}`);
  }
}

/**
 * `answers` maps block ids to answer values: strings, numbers, booleans (matched against option
 * values "true"/"false"), arrays for multi-selects. A number given as a string is typed as is,
 * so tests can enter what the number input would send ("-5"). Every answer must have a block.
 */
export function fillForm(view: Json, answers: Record<string, unknown>): StateValues {
  const blocks = inputBlocks(view);
  const known = new Set(blocks.map((block) => block.block_id));
  const missing = Object.keys(answers).filter((field) => !known.has(field));
  if (missing.length > 0) throw new Error(`the view has no input block for ${missing.join(', ')}`);
  const values: StateValues = {};
  for (const block of blocks) {
    const element = block.element as Json;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    values[blockId] = {
      [actionId]: stateOf(element, answers[blockId], `block ${blockId}`),
    };
  }
  return values;
}

/** The block ids of the view's input blocks, in order. */
export function inputIds(view: Json): string[] {
  return inputBlocks(view).map((block) => String(block.block_id));
}

/** The element of the input block `blockId`. */
export function elementOf(view: Json, blockId: string): Json {
  const block = inputBlocks(view).find((candidate) => candidate.block_id === blockId);
  if (!block) throw new Error(`the view has no input block ${blockId}`);
  return block.element as Json;
}
