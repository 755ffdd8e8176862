#!/usr/bin/env node
/**
 * `chip-advice` / `npm run advise`. Sets the exit code instead of calling process.exit so
 * piped output is flushed.
 */
import { EXIT, main } from './run.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that goes away early (`| head`) is not an error worth reporting.
  if (error.code === 'EPIPE') return;
  process.stderr.write(`chip-advice: internal error: cannot write the output: ${error.message}\n`);
  process.exitCode = EXIT.internal;
});

main(process.argv.slice(2), process).then((code) => {
  process.exitCode ??= code;
});
