import type { Writable } from 'node:stream';
import { OutputFailedError } from '../errors.js';

/** Standard output as the sinks use it: waits when the reader is slower, fails with a code. */
export interface Output {
  /**
   * Writes text; resolves when the stream can take more (so a slow reader slows the batch
   * down instead of filling the memory).
   * @throws {OutputFailedError} when the stream failed or fails.
   */
  write(text: string | Uint8Array): Promise<void>;
}

/**
 * Wraps a stream for {@link Output}. `beforeWrite` runs before each write (the progress line
 * clears itself there when standard output is the same terminal).
 */
export function createOutput(stream: Writable, beforeWrite: () => void = () => {}): Output {
  let failure: OutputFailedError | undefined;
  const onError = (error: unknown) => {
    failure ??= new OutputFailedError(error);
  };
  stream.on('error', onError);
  return {
    async write(text) {
      if (failure) throw failure;
      beforeWrite();
      let ready: boolean;
      try {
        ready = stream.write(text);
      } catch (error) {
        onError(error);
        throw failure;
      }
      if (!ready) await drained(stream, () => failure);
      if (failure) throw failure;
    },
  };
}

function drained(stream: Writable, failed: () => unknown): Promise<void> {
  return new Promise((resolve) => {
    if (failed() || stream.destroyed) return resolve();
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
