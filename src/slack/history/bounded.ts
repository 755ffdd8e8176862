/** How long a listener waits for the database before answering without it. */
export const HISTORY_TIMEOUT_MS = 2500;

/** The database did not answer in time. */
export class HistoryTimeoutError extends Error {
  override readonly name = 'HistoryTimeoutError';
}

/**
 * `work`, or a rejection after `timeoutMs`: a slow database costs the person a short wait and
 * an answer that says so, never a listener that hangs.
 */
export async function withinMs<T>(work: Promise<T>, timeoutMs = HISTORY_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HistoryTimeoutError(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
