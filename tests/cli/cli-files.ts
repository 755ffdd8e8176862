import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import type { Answers } from '../../src/core/index.js';
import { validAnswers } from '../../testkit/arbitraries.js';

/**
 * A folder of answer files for one test file, removed after it: `file(name, content)` writes
 * one (objects as JSON, strings as they are) and returns its path.
 */
export function answerFiles(): { dir: string; file: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'chip-advice-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const full = path.join(dir, name);
      writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
      return full;
    },
  };
}

/** `count` valid, varied workloads, the same for the same seed. */
export function workloads(count: number, seed = 7): Answers[] {
  return fc.sample(validAnswers, { numRuns: count, seed });
}

/** The workloads as JSON Lines. */
export function asLines(answers: readonly unknown[]): string {
  return `${answers.map((a) => JSON.stringify(a)).join('\n')}\n`;
}

/** The chip of each piece of advice in a `--json` array. */
export function chipsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { recommendation: { chip: string } }[]).map(
    (advice) => advice.recommendation.chip,
  );
}

/** Standard error never shows a stack trace. */
export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}
