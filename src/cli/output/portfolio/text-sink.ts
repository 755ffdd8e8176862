import { createPortfolio } from '../../../core/portfolio/index.js';
import type { SinkFactory } from '../format.js';
import { MIN_WIDTH } from '../text/layout.js';
import type { PositionedRow } from './project.js';
import { summaryLines, tableHeader, tableRow } from './render.js';

/**
 * `--portfolio`: the table, one line per workload, printed as the workloads are advised (a
 * million lines take no more memory than ten), then the split, the totals and the saving.
 */
export const portfolioTextSink: SinkFactory<PositionedRow[]> = {
  open(out, options, chips) {
    const width = Math.max(MIN_WIDTH, options.width);
    const portfolio = createPortfolio(chips);
    const labels = new Map(chips.map((chip) => [chip.id, chip.label]));
    let started = false;
    const start = async () => {
      if (!started) await out.write(`${tableHeader(width).join('\n')}\n`);
      started = true;
    };
    return {
      async write(chunk) {
        // Only text travels from a worker as bytes (worker.ts); rows come as rows.
        const rows = chunk as PositionedRow[];
        await start();
        if (rows.length === 0) return;
        const lines = rows.map((row) => {
          portfolio.add(row);
          return tableRow(row, labels.get(row.chip) ?? row.chip, width);
        });
        await out.write(`${lines.join('\n')}\n`);
      },
      async end() {
        await start();
        const lines = summaryLines(portfolio.summary(), chips, width);
        await out.write(`${lines.join('\n')}\n`);
      },
    };
  },
};
