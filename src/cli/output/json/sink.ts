import type { SinkFactory } from '../format.js';

/** `--json`: one object in, one object out; many in, a JSON array out, in input order. */
export const jsonSink: SinkFactory<string> = {
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
