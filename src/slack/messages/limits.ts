import type { types } from '@slack/bolt';

/**
 * Block Kit limits the builders stay within. Slack rejects a whole message or view that breaks
 * one (`invalid_blocks`), so every builder truncates or packs text against these numbers, and a
 * test checks the finished payloads against them.
 * @see https://docs.slack.dev/reference/block-kit/blocks/section-block
 * @see https://docs.slack.dev/reference/views/modal-views
 * @see https://docs.slack.dev/reference/block-kit/composition-objects/option-object
 * @see https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  modalTitle: 24,
  modalButton: 24,
  optionText: 75,
  optionValue: 150,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  /** Slack truncates `text` at 40,000 characters; it advises keeping it under 4,000. */
  fallbackText: 4000,
} as const;

/**
 * Cuts text to `max` UTF-16 code units (never more characters than Slack counts), ending with
 * an ellipsis when it had to cut, and never splitting a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * Packs lines into as few texts of at most `max` characters as possible, in order, so a long
 * list becomes a few section blocks instead of one block per line. A line longer than `max`
 * on its own is truncated.
 */
export function packLines(lines: readonly string[], max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current = `${current}\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

type AnyBlock = types.KnownBlock;

/**
 * Keeps a message within `max` blocks. Builders are designed to stay far below it; this is the
 * backstop for rule sets that grow: the blocks that do not fit are replaced by one note.
 */
export function capBlocks<B extends AnyBlock>(
  blocks: readonly B[],
  max: number,
  note: (omitted: number) => B,
): B[] {
  if (blocks.length <= max) return [...blocks];
  return [...blocks.slice(0, max - 1), note(blocks.length - (max - 1))];
}
