import type { SinkFactory } from '../format.js';
import { CSV_HEADER } from './project.js';

/** `--format csv`: the header, then the rows the projection made, in input order. */
export const csvSink: SinkFactory<string> = {
  open(out) {
    let started = false;
    const start = async () => {
      if (!started) await out.write(CSV_HEADER);
      started = true;
    };
    return {
      async write(chunk) {
        await start();
        if (chunk.length > 0) await out.write(chunk);
      },
      // An empty batch (every workload skipped) still gets its header.
      end: start,
    };
  },
};
