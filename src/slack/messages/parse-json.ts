import type { z } from 'zod';
import { formatPath } from '../../core/index.js';
import { PayloadInvalidError } from '../../errors.js';

/**
 * Reads a JSON string that made a round trip through Slack (a button value, private_metadata)
 * with the schema it must match. Anything else throws {@link PayloadInvalidError} naming `what`
 * and each problem: such values are untrusted input.
 */
export function parseJsonValue<T>(text: string | undefined, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch (error) {
    throw new PayloadInvalidError(what, ['is not JSON'], { cause: error });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new PayloadInvalidError(
      what,
      result.error.issues.map((issue) => `${formatPath(issue.path) || '(top)'}: ${issue.message}`),
    );
  }
  return result.data;
}
