import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, MAIN, ROOT } from '../testkit/project.js';

/**
 * The apps the Slack figures compare, run the same way: `node <entry>` as a child process.
 * `chip-advice-no-store` is chip-advice built without a store (the storage figures' baseline).
 */
export type AppKind = 'chip-advice' | 'baseline';
/** Every app the benchmark can start. */
export type StartableApp = AppKind | 'chip-advice-no-store';

const ENTRY: Record<StartableApp, string> = {
  'chip-advice': MAIN,
  baseline: path.join(ROOT, 'bench/baseline-app.mjs'),
  'chip-advice-no-store': path.join(ROOT, 'bench/app-without-store.mjs'),
};

export const BOT_TOKEN = 'xoxb-0000-bench-bot-token';
export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

const POLL_MS = 2;
const READY_TIMEOUT_MS = 20_000;

export interface RunningApp {
  readonly kind: StartableApp;
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** Milliseconds from spawn() to the first 200 from GET /healthz. */
  readonly readyMs: number;
  /** Everything the child wrote on standard error so far (the inspector URL, crashes). */
  stderr(): string;
  stop(): Promise<void>;
}

/** Every child still running, so a failing benchmark can stop them all. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A port that was free on 127.0.0.1 a moment ago (the apps take PORT, not an address). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** The status of GET /healthz, or undefined while nothing listens. No keep-alive: one shot. */
function health(origin: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = get(`${origin}/healthz`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
  });
}

/**
 * Starts `kind` with the same environment `npm start` reads, talking to the Web API at `apiUrl`,
 * and resolves once GET /healthz answers 200 (polled every few milliseconds on 127.0.0.1).
 * Standard output (the JSON logs) goes to /dev/null; standard error is kept.
 */
export async function startApp(
  kind: StartableApp,
  apiUrl: string,
  options: { readonly nodeArgs?: readonly string[]; readonly env?: Record<string, string> } = {},
): Promise<RunningApp> {
  // The port is free when probed, but another listener (an --inspect=0 debugger, say) can take it
  // before the child binds: then the child exits with EADDRINUSE, and a new port is tried.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(kind, apiUrl, await freePort(), options.nodeArgs ?? [], options.env);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 3) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startOnce(
  kind: StartableApp,
  apiUrl: string,
  port: number,
  nodeArgs: readonly string[],
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const origin = `http://127.0.0.1:${port}`;
  // chip-advice keeps an SQLite file of its own per start unless told otherwise: a fresh
  // database, like a fresh install, and nothing left in the project's data/ folder.
  const folder =
    kind === 'chip-advice' && env.DATABASE_URL === undefined
      ? mkdtempSync(path.join(tmpdir(), 'chip-advice-bench-'))
      : undefined;
  const database = folder ? { DATABASE_URL: `file:${path.join(folder, 'bench.db')}` } : {};
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ENTRY[kind]], {
    cwd: ROOT,
    env: childEnv({
      NODE_ENV: 'production',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...database,
      ...env,
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let done = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true;
      live.delete(child);
      if (folder) rmSync(folder, { recursive: true, force: true });
      resolve();
    }),
  );
  const stop = async () => {
    if (done) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(killer);
  };
  let readyMs: number | undefined;
  while (readyMs === undefined) {
    if (done) {
      if (/EADDRINUSE|already in use/.test(stderr)) {
        throw new PortTakenError(`port ${port} was taken`);
      }
      throw new Error(`${kind} exited with code ${child.exitCode} before answering: ${stderr}`);
    }
    if (performance.now() - started > READY_TIMEOUT_MS) {
      await stop();
      throw new Error(`${kind} did not answer GET /healthz within ${READY_TIMEOUT_MS} ms`);
    }
    if ((await health(origin)) === 200) readyMs = performance.now() - started;
    else await sleep(POLL_MS);
  }
  if (child.pid === undefined) throw new Error(`${kind} has no pid`);
  return { kind, pid: child.pid, origin, readyMs, stderr: () => stderr, stop };
}

/** CPU time (user + system, all threads) the process `pid` has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Stops every child this process started and has not stopped yet. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
