import { type Advisor, parseAnswers } from '../../core/index.js';
import { InputChangedError } from '../errors.js';
import { type InputItem, itemValue } from '../input/items.js';
import type { AnyProjection, RenderOptions } from '../output/format.js';

/** A batch's advice as the output format packed it. */
export interface Advised {
  readonly count: number;
  readonly chunk: unknown;
}

/**
 * Advises checked workloads one after the other and packs what the format needs of them.
 * The workloads were valid when checked; one that no longer is means the file changed, unless
 * `skipInvalid` says to leave the invalid ones out (the check reported them; the caller
 * compares the counts, so a file changed under it is still noticed).
 * @throws {InputChangedError} in that case.
 */
export async function adviseBatch(
  advisor: Advisor,
  items: readonly InputItem[],
  projection: AnyProjection,
  options: RenderOptions & { readonly name: string; readonly skipInvalid?: boolean },
): Promise<Advised> {
  const rows: unknown[] = [];
  for (const item of items) {
    const answers = answersOf(item);
    if (!answers) {
      if (options.skipInvalid) continue;
      throw new InputChangedError(options.name);
    }
    rows.push(projection.project(await advisor.advise(answers), options, item.position));
  }
  return { count: rows.length, chunk: projection.pack(rows, options) };
}

function answersOf(item: InputItem) {
  if (item.unreadable) return undefined;
  let value: unknown;
  try {
    value = itemValue(item);
  } catch {
    return undefined;
  }
  const result = parseAnswers(value);
  return result.ok ? result.answers : undefined;
}
