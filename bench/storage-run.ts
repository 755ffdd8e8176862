/**
 * `npx tsx bench/storage-run.ts` (after `npm run build`): only the storage figures of `npm run bench`
 * (submission → thread reply p50 without a store, with SQLite, with PostgreSQL, in one run), at
 * the full size, printed as the table. For checking a storage change without the whole bench.
 */
import { BenchApi } from './fake-api.js';
import { stopAll } from './processes.js';
import { storageFigures, table } from './report.js';
import { benchStorage } from './submission.js';
import { SIZES } from './suite.js';

const api = await BenchApi.start();
try {
  const storage = await benchStorage(api, SIZES.full.storage);
  console.log(table(storageFigures(storage)));
  console.log(JSON.stringify(storage));
} finally {
  await stopAll();
  await api.close();
}
