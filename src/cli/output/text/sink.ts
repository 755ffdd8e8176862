import type { SinkFactory } from '../format.js';

/** Between two workloads' answers: a rule, at most 72 columns wide. */
export const separatorFor = (width: number) => `\n${'─'.repeat(Math.min(width, 72))}\n\n`;

/** Text output: the workloads one after the other, separated by a rule. */
export const textSink: SinkFactory<string> = {
  open(out, { width }) {
    let started = false;
    return {
      async write(chunk) {
        if (chunk.length === 0) return;
        if (started) await out.write(separatorFor(width));
        await out.write(chunk);
        started = true;
      },
      async end() {},
    };
  },
};
