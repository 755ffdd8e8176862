import fc from 'fast-check';

/**
 * Arbitraries that break well-formed Slack payloads: a path inside the payload is deleted or
 * given a value of the wrong kind (null, a list, a number, a huge or odd string, an object).
 */

type Json = unknown;

/** Stands for "delete this key" in {@link changedAt}. */
export const REMOVE = Symbol('remove');

/** Values of every JSON kind, odd strings and one huge string now and then. */
export const oddValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(null, [], {}, 0, -1, 1e308, '', true, false, '0', 'null'),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('x', 'é', '🚀', '\u0000', '<!channel>'),
        fc.integer({ min: 1000, max: 60_000 }),
      )
      .map(([unit, times]) => unit.repeat(times)),
  },
);

/**
 * An odd value as the text a form field or `private_metadata` would carry. Not `String(value)`:
 * a generated object with a "toString" key cannot be converted that way.
 */
export const oddText: fc.Arbitrary<string> = oddValue.map((value) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'),
);

/** Every path to a value inside `value` (objects and arrays), up to `depth` steps down. */
export function pathsOf(
  value: Json,
  depth = 7,
  prefix: (string | number)[] = [],
): (string | number)[][] {
  if (depth === 0 || typeof value !== 'object' || value === null) return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...pathsOf(child, depth - 1, path)];
  });
}

/** A deep copy of `value` with the value at `path` deleted (`remove`) or replaced. */
export function changedAt(
  value: Json,
  path: readonly (string | number)[],
  to: Json | typeof REMOVE,
): Json {
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1);
  if (last === undefined) return to === REMOVE ? undefined : to;
  if (to === REMOVE) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete parent[last];
  } else {
    parent[last] = to;
  }
  return copy;
}

/** `base` with one to three of its paths deleted or given odd values. */
export function mutated(base: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(base);
  const change = fc.tuple(
    fc.nat({ max: paths.length - 1 }),
    fc.oneof({ weight: 1, arbitrary: fc.constant(REMOVE) }, { weight: 3, arbitrary: oddValue }),
  );
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    let value = base;
    for (const [index, to] of changes) {
      const candidates = pathsOf(value);
      const path = candidates[index % Math.max(candidates.length, 1)];
      if (path) value = changedAt(value, path, to);
    }
    return value;
  });
}

/** The JSON of `value`, cut short somewhere (never the whole text). */
export function truncatedJson(value: Json): fc.Arbitrary<string> {
  const text = JSON.stringify(value);
  return fc.nat({ max: Math.max(text.length - 2, 0) }).map((end) => text.slice(0, end + 1));
}
