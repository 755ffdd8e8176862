/** How the answers were given: the output mirrors it (one object out, or an array out). */
export type InputShape = 'object' | 'array' | 'lines';

/** One workload as read from the input, with where it came from. */
export interface InputItem {
  /** 1-based position in the input. */
  readonly position: number;
  /** 1-based line, for JSON Lines input. */
  readonly line?: number;
  /** The workload as JSON text (a JSON Lines line), parsed where it is checked or advised. */
  readonly text?: string;
  /** The workload as a value (an element of a JSON array, or the one document). */
  readonly value?: unknown;
  /** Why the workload could not even be read (e.g. a line too long), when so. */
  readonly unreadable?: string;
}

/**
 * Longest JSON Lines line, array element, or single document read. A workload's answers take
 * about 300 bytes; the bound keeps one bad line from taking the memory of a million good ones.
 */
export const MAX_ITEM_BYTES = 1024 * 1024;

/**
 * Workloads handed on together: enough to amortise a message to a worker thread, few enough
 * (and small enough in bytes) that the batches in flight take a few megabytes.
 */
export const BATCH_SIZE = 250;
export const BATCH_BYTES = 1024 * 1024;

/** "1 MiB", for messages about {@link MAX_ITEM_BYTES}. */
export const MAX_ITEM_TEXT = `${MAX_ITEM_BYTES / 1024 / 1024} MiB`;

/** The item's value, parsing its text when it has one. Throws JSON.parse's SyntaxError. */
export function itemValue(item: InputItem): unknown {
  return item.text === undefined ? item.value : JSON.parse(item.text);
}

/** Text without the byte-order mark some editors put first. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
