import { readFileSync } from 'node:fs';

/**
 * The app's version (package.json's `version`), recorded with every decision. Read once; the
 * file sits at the package root, above both `src/` and `dist/`.
 */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
