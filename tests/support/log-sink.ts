import { EventEmitter } from 'node:events';

type Entry = Record<string, unknown>;

/** A pino destination that keeps every line in memory, for assertions on what was logged. */
export class LogSink {
  readonly lines: string[] = [];
  readonly #events = new EventEmitter();

  write(line: string): void {
    this.lines.push(line);
    this.#events.emit('line');
  }

  /** Forgets the lines so far (a test that shares a harness starts from none). */
  clear(): void {
    this.lines.length = 0;
  }

  /** Every line as parsed JSON. */
  entries(): Entry[] {
    return this.lines.map((line) => JSON.parse(line) as Entry);
  }

  /** Lines at `error` level (50) or above. */
  errors(): Entry[] {
    return this.entries().filter((entry) => Number(entry.level) >= 50);
  }

  get text(): string {
    return this.lines.join('');
  }

  /** Resolves once `count` entries have the message `msg`; rejects after `timeoutMs`. */
  async waitForCount(msg: string, count: number, timeoutMs = 5000): Promise<Entry[]> {
    const matching = () => this.entries().filter((entry) => entry.msg === msg);
    await new Promise<void>((resolve, reject) => {
      const onLine = () => {
        if (matching().length < count) return;
        clearTimeout(timer);
        this.#events.off('line', onLine);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#events.off('line', onLine);
        reject(new Error(`expected ${count} log line(s) "${msg}", got ${matching().length}`));
      }, timeoutMs);
      this.#events.on('line', onLine);
      onLine();
    });
    return matching();
  }

  /**
   * Resolves with the first entry whose message is `msg` (and that `match` accepts). Rejects
   * after `timeoutMs`, a guard against a hung test, not a timing assertion.
   */
  async waitFor(
    msg: string | RegExp,
    match: (entry: Entry) => boolean = () => true,
    timeoutMs = 5000,
  ) {
    const find = () =>
      this.entries().find(
        (entry) =>
          (typeof msg === 'string' ? entry.msg === msg : msg.test(String(entry.msg))) &&
          match(entry),
      );
    const found = find();
    if (found) return found;
    return new Promise<Entry>((resolve, reject) => {
      const onLine = () => {
        const entry = find();
        if (!entry) return;
        clearTimeout(timer);
        this.#events.off('line', onLine);
        resolve(entry);
      };
      const timer = setTimeout(() => {
        this.#events.off('line', onLine);
        reject(
          new Error(
            `no log line "${String(msg)}"; logged: ${this.entries()
              .map((e) => e.msg)
              .join(' | ')}`,
          ),
        );
      }, timeoutMs);
      this.#events.on('line', onLine);
    });
  }
}
