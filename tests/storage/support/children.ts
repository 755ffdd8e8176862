import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../../src/storage/index.js';

const CHILD = path.join(import.meta.dirname, 'store-child.mjs');

export interface ChildTask {
  readonly database: DatabaseConfig;
  readonly schema?: string | undefined;
  readonly task: 'open' | 'claim' | 'record';
  readonly count?: number;
  readonly prefix?: string;
}

type Result = Record<string, unknown>;

/**
 * Runs the built store in new Node processes (other replicas, a second `npm start`), each with
 * its task, all starting their work at the same moment once every one has booted. Resolves with
 * the JSON line each printed, in order.
 */
export async function runTogether(tasks: readonly ChildTask[], extra?: unknown): Promise<Result[]> {
  const ready: Promise<void>[] = [];
  const done: Promise<Result>[] = [];
  const children = tasks.map((task) => {
    const args = [CHILD, JSON.stringify({ ...task, together: true })];
    if (extra !== undefined) args.push(JSON.stringify(extra));
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    ready.push(
      new Promise((resolve) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          if (stdout.startsWith('ready\n')) resolve();
        });
      }),
    );
    done.push(
      new Promise((resolve, reject) => {
        child.on('close', () => {
          const line = stdout.trim().split('\n').pop() ?? '';
          try {
            resolve({ ...(JSON.parse(line) as Result), stderr });
          } catch {
            reject(new Error(`child printed no result: ${stdout} ${stderr}`));
          }
        });
      }),
    );
    return child;
  });
  await Promise.all(ready);
  const startAt = Date.now() + 300;
  for (const child of children) child.stdin.end(String(startAt));
  return Promise.all(done);
}
