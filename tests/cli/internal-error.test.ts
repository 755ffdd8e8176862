import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/run.js';
import { AWS_FRIENDLY_TRAINING } from '../support/advisor.js';

/** A standard output that fails on write, as a full disk or a closed pipe would. */
const brokenStdout = new Writable({
  write() {
    throw new Error('write EIO: the disk is full');
  },
});

describe('chip-advice on an internal error', () => {
  it('exits 1 with one line saying what failed, and no stack trace', async () => {
    const stdin = new PassThrough();
    stdin.end(JSON.stringify(AWS_FRIENDLY_TRAINING));
    let stderr = '';
    const code = await main(['--answers', '-', '--json'], {
      stdin,
      stdout: brokenStdout,
      stderr: new Writable({
        write(chunk, _encoding, done) {
          stderr += chunk;
          done();
        },
      }),
    });
    expect(code).toBe(1);
    expect(stderr).toBe('chip-advice: internal error: write EIO: the disk is full\n');
  });
});
