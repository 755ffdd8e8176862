import { createPortfolio } from '../../../core/portfolio/index.js';
import type { SinkFactory } from '../format.js';
import { contractRow, type PositionedRow } from './project.js';

/**
 * `--portfolio --json`: one object. Its `workloads` come first and are written as they are
 * advised, one a line, so a batch of any size is never held; the sums follow at the end.
 */
export const portfolioJsonSink: SinkFactory<PositionedRow[]> = {
  open(out, _options, chips) {
    const portfolio = createPortfolio(chips);
    let written = 0;
    return {
      async write(chunk) {
        // Only text travels from a worker as bytes (worker.ts); rows come as rows.
        const rows = chunk as PositionedRow[];
        if (rows.length === 0) return;
        const lines = rows.map((row) => {
          portfolio.add(row);
          return JSON.stringify(contractRow(row));
        });
        await out.write(
          `${written === 0 ? '{\n  "workloads": [\n    ' : ',\n    '}${lines.join(',\n    ')}`,
        );
        written += rows.length;
      },
      async end() {
        const rest = JSON.stringify(portfolio.summary(), null, 2);
        // `rest` is "{\n  "byChip": ...}": its members follow the workloads in the same object.
        const head = written === 0 ? '{\n  "workloads": [],\n' : '\n  ],\n';
        await out.write(`${head}${rest.slice(2)}\n`);
      },
    };
  },
};
