import { type OutputFormat, packText } from './format.js';

/**
 * `--json`: one object in, one object out (indented, for a person reading it); many in, a
 * JSON array out with one workload's advice per line, in input order (a million workloads are
 * about 10 GB on one line each, a third more indented).
 */
export const jsonFormat: OutputFormat<string, Uint8Array> = {
  project: (advice, { shape }) =>
    shape === 'object' ? JSON.stringify(advice, null, 2) : JSON.stringify(advice),
  pack: (rows) => packText(rows, ',\n'),
  open(out, { shape }) {
    let started = false;
    return {
      async write(chunk) {
        if (chunk.length === 0) return;
        if (shape === 'object') {
          await out.write(chunk);
          return out.write('\n');
        }
        await out.write(started ? ',\n' : '[\n');
        await out.write(chunk);
        started = true;
      },
      async end() {
        if (shape !== 'object') await out.write(started ? '\n]\n' : '[]\n');
      },
    };
  },
};
