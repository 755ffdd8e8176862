import type { FormatName } from '../args.js';
import type { AnyProjection } from './format.js';
import { jsonProjection } from './json/project.js';
import { textProjection } from './text/project.js';

/**
 * The half of each output format that runs where the advice is made (see format.ts). Worker
 * threads look theirs up here by name; a new format registers here and in sinks.ts.
 */
export const PROJECTIONS: Readonly<Record<FormatName, AnyProjection>> = {
  text: textProjection,
  json: jsonProjection,
};
