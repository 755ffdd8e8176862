// A separate process using the built store (dist/), as another replica or a second `npm start`
// would: argv[2] is JSON { database, schema?, task, count? }; prints one JSON line with the result.
import { createLogger } from '../../../dist/logger.js';
import { openStore } from '../../../dist/storage/index.js';

const {
  database,
  schema,
  task,
  count = 0,
  prefix = '',
  together = false,
} = JSON.parse(process.argv[2]);
const logger = createLogger({ level: 'warn', format: 'json', destination: process.stderr });

if (together) {
  // Processes started together boot at different speeds: say when ready, be told the moment
  // to start, and spin until it (a timer adds milliseconds of jitter, longer than a migration).
  process.stdout.write('ready\n');
  const startAt = await new Promise((resolve) =>
    process.stdin.once('data', (data) => resolve(Number(String(data)))),
  );
  process.stdin.destroy();
  while (Date.now() < startAt) {}
}

try {
  const store = await openStore({ database, schema, logger });
  const result = { pid: process.pid };
  if (task === 'claim') {
    // Claim the same keys as the other processes, and say which ones this process won.
    result.won = [];
    for (let i = 0; i < count; i += 1) {
      if ((await store.deliveryKeys.claim(`key-${i}`, 60_000)) === 'first') result.won.push(i);
    }
  }
  if (task === 'record') {
    const { decision } = JSON.parse(process.argv[3]);
    for (let i = 0; i < count; i += 1) {
      await store.decisions.record({
        ...decision,
        summaryTs: `${prefix}.${String(i).padStart(6, '0')}`,
        threadTs: `${prefix}.${String(i).padStart(6, '0')}`,
        decidedAt: new Date(decision.decidedAt),
      });
    }
    result.recorded = count;
  }
  await store.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`,
  );
  process.exitCode = 1;
}
