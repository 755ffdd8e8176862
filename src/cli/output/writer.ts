import type { Writable } from 'node:stream';
import { OutputFailedError } from '../errors.js';

/** Standard output as the sinks use it: one write at a time, failures with a code. */
export interface Output {
  /**
   * Writes text or bytes and resolves once the stream is done with them (so a slow reader
   * slows the batch down instead of filling the memory, and the bytes may be reused).
   * @throws {OutputFailedError} when the stream failed or fails.
   */
  write(chunk: string | Uint8Array): Promise<void>;
}

/**
 * Wraps a stream for {@link Output}. `beforeWrite` runs before each write (the progress line
 * clears itself there when standard output is the same terminal).
 */
export function createOutput(stream: Writable, beforeWrite: () => void = () => {}): Output {
  let failure: OutputFailedError | undefined;
  const fail = (error: unknown) => {
    failure ??= new OutputFailedError(error);
    return failure;
  };
  stream.on('error', fail);
  return {
    write(chunk) {
      if (failure) return Promise.reject(failure);
      beforeWrite();
      return new Promise((resolve, reject) => {
        try {
          stream.write(chunk, (error) => (error ? reject(fail(error)) : resolve()));
        } catch (error) {
          reject(fail(error));
        }
      });
    },
  };
}
