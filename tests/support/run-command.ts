import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnv, ROOT } from '../../testkit/project.js';

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion from the project root, feeding `input` on standard input.
 * The environment is passed through minus Slack variables, so tests never pick up real ones.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  { input, env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    // npm's update check would ask registry.npmjs.org: tests talk to 127.0.0.1 only.
    const quiet = { npm_config_update_notifier: 'false' };
    const child = spawn(command, [...args], { cwd: ROOT, env: childEnv({ ...quiet, ...env }) });
    let stdout = '';
    let stderr = '';
    // Decoded across chunks: `+= chunk` alone splits a multi-byte character at a chunk edge.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {
      // The command may exit before reading everything; that is its answer, not a test failure.
    });
    child.stdin.end(input ?? '');
  });
}

/** `node dist/cli/main.js ...`: the built `chip-advice` command. */
export function advise(args: readonly string[], input?: string): Promise<CommandResult> {
  return runCommand(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), ...args], {
    ...(input === undefined ? {} : { input }),
  });
}
