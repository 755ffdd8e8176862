import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/run.js';
import { ROOT } from '../../testkit/project.js';
import { AWS_FRIENDLY_TRAINING } from '../support/advisor.js';
import { answerFiles, asLines, workloads } from './cli-files.js';

const { file } = answerFiles();

/** A standard output that fails on write, as a full disk would. */
const brokenStdout = new Writable({
  write() {
    throw new Error('write EIO: the disk is full');
  },
});

function collect(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  return { stream, text: () => text };
}

describe('chip-advice on an internal error', () => {
  it('exits 1 with one line saying what failed, and no stack trace', async () => {
    const stdin = new PassThrough();
    stdin.end(JSON.stringify(AWS_FRIENDLY_TRAINING));
    const stderr = collect();
    const code = await main(['--answers', '-', '--json'], {
      stdin,
      stdout: brokenStdout,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toBe(
      'chip-advice: internal error: cannot write the output: write EIO: the disk is full\n',
    );
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const answers = file('many.jsonl', asLines(workloads(1_200)));
    const child = spawn(process.execPath, ['dist/cli/main.js', '--answers', answers, '--json'], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    // Like `head -c 1000`: read a little, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  }, 120_000);
});

describe('the worker threads of a large batch', () => {
  it('fail to start with the reason when they cannot load the rules', async () => {
    // The built pool: its worker is dist/cli/batch/worker.js (the global setup builds dist/).
    const { startPool } = await import(path.join(ROOT, 'dist/cli/batch/pool.js'));
    await expect(
      startPool(2, {
        rulesDir: path.join(ROOT, 'no-such-rules'),
        format: 'json',
        options: { name: 'x', shape: 'lines', width: 80, explain: false },
      }),
    ).rejects.toThrow(/no-such-rules/);
  });
});
