import type { OutputName } from '../args.js';
import { csvProjection } from './csv/project.js';
import type { AnyProjection } from './format.js';
import { jsonProjection } from './json/project.js';
import { portfolioProjection } from './portfolio/project.js';
import { textProjection } from './text/project.js';

/**
 * The half of each output format that runs where the advice is made (see format.ts). Worker
 * threads look theirs up here by name; a new format registers here and in sinks.ts.
 */
export const PROJECTIONS: Readonly<Record<OutputName, AnyProjection>> = {
  text: textProjection,
  json: jsonProjection,
  csv: csvProjection,
  'portfolio-text': portfolioProjection,
  'portfolio-json': portfolioProjection,
};
