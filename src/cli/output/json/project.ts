import type { Projection } from '../format.js';

/**
 * `--json`, where the advice is made: one object in gives one object, indented for a person
 * reading it; many in give one workload's advice per line (a million workloads are about
 * 10 GB that way, a third more indented). See sink.ts for the array around them.
 */
export const jsonProjection: Projection<string, string> = {
  project: (advice, { shape }) =>
    shape === 'object' ? JSON.stringify(advice, null, 2) : JSON.stringify(advice),
  pack: (rows) => rows.join(',\n'),
};
