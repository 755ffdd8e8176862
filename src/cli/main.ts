#!/usr/bin/env node
import { EXIT, runCli } from './run.js';

/**
 * `chip-advice` / `npm run advise`. Sets the exit code instead of calling process.exit so
 * piped output is flushed. Internal errors are reported in one line, never as a stack trace.
 */
// A reader that goes away early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`chip-advice: internal error: ${message}\n`);
    process.exitCode = EXIT.internal;
  },
);
