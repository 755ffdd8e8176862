import { describeJsonError, parseAnswers } from '../../core/index.js';
import { type InputItem, type InputShape, itemValue } from '../input/items.js';

/** What the check of a batch needs to word its problems. Plain data: sent to worker threads. */
export interface CheckContext {
  /** What messages call the input: its path, or "standard input". */
  readonly name: string;
  readonly shape: InputShape;
}

/** The outcome of checking some workloads. */
export interface Checked {
  readonly count: number;
  readonly invalid: number;
  /** One line per problem, worded for standard error, in input order. */
  readonly problems: readonly string[];
}

/**
 * Checks workloads without advising: parses each (JSON Lines text) and validates it against
 * the answers schema. A problem names the field and what is expected; in a batch, also which
 * workload, by position, name and line: `workload #2 "LLM" (line 2): chipCount: ...`.
 */
export function checkBatch(items: readonly InputItem[], context: CheckContext): Checked {
  const problems: string[] = [];
  let invalid = 0;
  for (const item of items) {
    const found = problemsOf(item, context);
    if (found.length > 0) {
      invalid += 1;
      problems.push(...found);
    }
  }
  return { count: items.length, invalid, problems };
}

function problemsOf(item: InputItem, { name, shape }: CheckContext): string[] {
  const where = item.line === undefined ? `workload #${item.position}` : `line ${item.line}`;
  if (item.unreadable) return [`${name} ${where} ${item.unreadable}`];
  let value: unknown;
  try {
    value = itemValue(item);
  } catch (error) {
    return [`${name} ${where} is not valid JSON: ${describeJsonError(item.text ?? '', error)}`];
  }
  const result = parseAnswers(value);
  if (result.ok) return [];
  if (shape === 'object') return result.issues.map((issue) => issue.message);
  const label = labelOf(item, value);
  return result.issues.map((issue) => `${label}: ${issue.message}`);
}

/** `workload #2 "LLM" (line 2)`: the position, the name when it has one, the line in a file. */
function labelOf(item: InputItem, value: unknown): string {
  const name = (value as { workloadName?: unknown } | null)?.workloadName;
  const named = typeof name === 'string' ? ` ${JSON.stringify(name.slice(0, 80))}` : '';
  const line = item.line === undefined ? '' : ` (line ${item.line})`;
  return `workload #${item.position}${named}${line}`;
}
