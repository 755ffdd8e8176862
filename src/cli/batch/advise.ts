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
 * The workloads were valid when checked; one that no longer is means the file changed.
 * @throws {InputChangedError} in that case.
 */
export async function adviseBatch(
  advisor: Advisor,
  items: readonly InputItem[],
  projection: AnyProjection,
  options: RenderOptions & { readonly name: string },
): Promise<Advised> {
  const rows: unknown[] = [];
  for (const item of items) {
    let value: unknown;
    try {
      value = itemValue(item);
    } catch {
      throw new InputChangedError(options.name);
    }
    const result = parseAnswers(value);
    if (!result.ok) throw new InputChangedError(options.name);
    rows.push(projection.project(await advisor.advise(result.answers), options));
  }
  return { count: rows.length, chunk: projection.pack(rows, options) };
}
