import { type OutputFormat, packText } from './format.js';
import { renderAdvice } from './text/render.js';

const separatorFor = (width: number) => `\n${'─'.repeat(Math.min(width, 72))}\n\n`;

/** The text a person reads at a terminal; several workloads are separated by a rule. */
export const textFormat: OutputFormat<string, Uint8Array> = {
  project: (advice, { width, explain }) => renderAdvice(advice, { width, explain }),
  pack: (rows, { width }) => packText(rows, separatorFor(width)),
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
