import path from 'node:path';

/**
 * Where the project is and how to run its built app, for tests and the benchmark alike.
 * (testkit/ holds what both use: the fake Slack Web API, signed requests, Slack payloads and
 * generated answers. It imports nothing from tests/ or bench/, and src/ imports nothing from it.)
 */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** `npm start` runs this; the tests' global setup and `npm run bench` build it first. */
export const MAIN = path.join(ROOT, 'dist/main.js');

/** This process's environment without the SLACK_* variables a developer may have set, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SLACK_')),
  );
  return { ...inherited, ...env };
}
