#!/usr/bin/env node
/**
 * `chip-advice` / `npm run advise`. Sets the exit code instead of calling process.exit so
 * piped output is flushed.
 */
import { removeSpoolsSync } from './input/source.js';
import { main } from './run.js';

process.stdout.on('error', () => {
  // Reported by the output writer (a reader gone away with `| head` is not an error).
});

// Ctrl-C or a stop: exit as the shell expects (128 + signal), without the copy of stdin.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    removeSpoolsSync();
    process.exit(code);
  });
}

main(process.argv.slice(2), process).then((code) => {
  process.exitCode ??= code;
});
