import type { Projection } from '../format.js';
import { renderAdvice } from './render.js';
import { separatorFor } from './sink.js';

/** The text a person reads, rendered where the advice is made. */
export const textProjection: Projection<string, string> = {
  project: (advice, { width, explain }) => renderAdvice(advice, { width, explain }),
  pack: (rows, { width }) => rows.join(separatorFor(width)),
};
