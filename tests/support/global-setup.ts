import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds dist/ once before the tests, so the tests that run the real commands
 * (`node dist/cli/main.js`, `node dist/main.js`) exercise the current source.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
