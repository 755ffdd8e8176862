/**
 * An independent check of Block Kit limits, written from Slack's reference pages rather than
 * from the app's own LIMITS, so a wrong constant in the app does not hide a wrong payload.
 * Returns one line per problem, with a path into the payload; an empty list means it fits.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://docs.slack.dev/reference/views/modal-views
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Checker {
  readonly problems: string[] = [];

  max(path: string, value: unknown, limit: number): void {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (length > limit) this.problems.push(`${path}: ${length} > ${limit}`);
  }

  text(path: string, value: unknown, limit: number): void {
    if (!isObject(value)) {
      this.problems.push(`${path}: missing text object`);
      return;
    }
    if (typeof value.text !== 'string' || value.text.length === 0) {
      this.problems.push(`${path}.text: empty`);
    }
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
      this.problems.push(`${path}.type: ${String(value.type)}`);
    }
    this.max(`${path}.text`, value.text, limit);
  }

  plainText(path: string, value: unknown, limit: number): void {
    this.text(path, value, limit);
    if (isObject(value) && value.type !== 'plain_text')
      this.problems.push(`${path}: not plain_text`);
  }

  option(path: string, option: unknown): void {
    if (!isObject(option)) return void this.problems.push(`${path}: not an object`);
    this.plainText(`${path}.text`, option.text, 75);
    this.max(`${path}.value`, option.value, 150);
  }

  element(path: string, element: unknown): void {
    if (!isObject(element)) return void this.problems.push(`${path}: not an object`);
    this.max(`${path}.action_id`, element.action_id, 255);
    if (element.placeholder !== undefined)
      this.plainText(`${path}.placeholder`, element.placeholder, 150);
    const options = (element.options as unknown[] | undefined) ?? [];
    const maxOptions: Record<string, number> = {
      radio_buttons: 10,
      checkboxes: 10,
      static_select: 100,
      multi_static_select: 100,
    };
    const limit = maxOptions[String(element.type)];
    if (limit !== undefined) {
      this.max(`${path}.options`, options, limit);
      for (const [i, option] of options.entries()) this.option(`${path}.options[${i}]`, option);
      const values = new Set(options.map((option) => (option as Json).value));
      const initial = [element.initial_option, ...((element.initial_options as unknown[]) ?? [])];
      for (const chosen of initial.filter(isObject)) {
        if (!values.has(chosen.value))
          this.problems.push(`${path}: initial option not among options`);
      }
    }
    if (element.type === 'button') {
      this.plainText(`${path}.text`, element.text, 75);
      this.max(`${path}.value`, element.value, 2000);
    }
    if (element.type === 'number_input' && element.initial_value !== undefined) {
      const value = Number(element.initial_value);
      if (!/^-?\d+(\.\d+)?$/.test(String(element.initial_value))) {
        this.problems.push(`${path}.initial_value: not a plain number`);
      } else if (element.min_value !== undefined && value < Number(element.min_value)) {
        this.problems.push(`${path}.initial_value: below min_value`);
      }
    }
    if (element.type === 'plain_text_input')
      this.max(`${path}.initial_value`, element.initial_value, 3000);
  }

  block(path: string, block: unknown, ids: Set<string>): void {
    if (!isObject(block)) return void this.problems.push(`${path}: not an object`);
    if (typeof block.block_id === 'string') {
      this.max(`${path}.block_id`, block.block_id, 255);
      if (ids.has(block.block_id))
        this.problems.push(`${path}.block_id: duplicate ${block.block_id}`);
      ids.add(block.block_id);
    }
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined)
          this.problems.push(`${path}: no text`);
        if (block.text !== undefined) this.text(`${path}.text`, block.text, 3000);
        const fields = (block.fields as unknown[] | undefined) ?? [];
        this.max(`${path}.fields`, fields, 10);
        for (const [i, field] of fields.entries()) this.text(`${path}.fields[${i}]`, field, 2000);
        if (block.accessory !== undefined) this.element(`${path}.accessory`, block.accessory);
        break;
      }
      case 'header':
        this.plainText(`${path}.text`, block.text, 150);
        break;
      case 'context': {
        const elements = (block.elements as unknown[]) ?? [];
        this.max(`${path}.elements`, elements, 10);
        for (const [i, element] of elements.entries()) {
          this.text(`${path}.elements[${i}]`, element, 3000);
        }
        break;
      }
      case 'actions': {
        const elements = (block.elements as unknown[]) ?? [];
        this.max(`${path}.elements`, elements, 25);
        for (const [i, element] of elements.entries())
          this.element(`${path}.elements[${i}]`, element);
        break;
      }
      case 'input':
        this.plainText(`${path}.label`, block.label, 2000);
        if (block.hint !== undefined) this.plainText(`${path}.hint`, block.hint, 2000);
        this.element(`${path}.element`, block.element);
        break;
      case 'divider':
        break;
      case 'table':
        this.table(path, block);
        break;
      default:
        this.problems.push(`${path}: unexpected block type ${String(block.type)}`);
    }
  }

  /** @see https://docs.slack.dev/reference/block-kit/blocks/table-block */
  table(path: string, block: Json): void {
    const rows = (block.rows as unknown[] | undefined) ?? [];
    if (rows.length === 0) this.problems.push(`${path}.rows: empty`);
    this.max(`${path}.rows`, rows, 100);
    this.max(`${path}.column_settings`, block.column_settings, 20);
    for (const [i, row] of rows.entries()) {
      if (!Array.isArray(row)) return void this.problems.push(`${path}.rows[${i}]: not an array`);
      this.max(`${path}.rows[${i}]`, row, 20);
      for (const [j, cell] of row.entries()) {
        const where = `${path}.rows[${i}][${j}]`;
        if (!isObject(cell)) this.problems.push(`${where}: not an object`);
        else if (cell.type === 'raw_text') {
          if (typeof cell.text !== 'string' || cell.text === '')
            this.problems.push(`${where}.text: empty`);
        } else if (cell.type !== 'rich_text')
          this.problems.push(`${where}.type: ${String(cell.type)}`);
      }
    }
  }

  blocks(path: string, blocks: unknown, limit: number): void {
    if (!Array.isArray(blocks)) return void this.problems.push(`${path}: not an array`);
    this.max(path, blocks, limit);
    const ids = new Set<string>();
    for (const [i, block] of blocks.entries()) this.block(`${path}[${i}]`, block, ids);
    const tables = blocks.filter((block) => isObject(block) && block.type === 'table').length;
    if (tables > 1) this.problems.push(`${path}: ${tables} table blocks, one allowed`);
  }
}

/** A chat.postMessage payload: up to 50 blocks and a non-empty `text` fallback. */
export function messageProblems(message: { text?: unknown; blocks?: unknown }): string[] {
  const checker = new Checker();
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    checker.problems.push('text: missing fallback text');
  }
  checker.max('text', message.text, 40000);
  checker.blocks('blocks', message.blocks, 50);
  return checker.problems;
}

/** A modal or Home tab view. */
export function viewProblems(view: Json): string[] {
  const checker = new Checker();
  checker.blocks('blocks', view.blocks, 100);
  if (view.type === 'modal') {
    checker.plainText('title', view.title, 24);
    if (view.submit !== undefined) checker.plainText('submit', view.submit, 24);
    if (view.close !== undefined) checker.plainText('close', view.close, 24);
    checker.max('private_metadata', view.private_metadata, 3000);
    checker.max('callback_id', view.callback_id, 255);
    const hasInput = (view.blocks as Json[]).some((block) => block.type === 'input');
    if (hasInput && view.submit === undefined)
      checker.problems.push('submit: required with inputs');
  }
  return checker.problems;
}
