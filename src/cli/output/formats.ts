import type { FormatName } from '../args.js';
import type { AnyFormat } from './format.js';
import { jsonFormat } from './json-format.js';
import { textFormat } from './text-format.js';

/**
 * Every output format by name. Worker threads look their format up here by the name they are
 * given, so a new format (the portfolio's, CSV) is registered here and nowhere else.
 */
export const OUTPUT_FORMATS: Readonly<Record<FormatName, AnyFormat>> = {
  text: textFormat,
  json: jsonFormat,
};
