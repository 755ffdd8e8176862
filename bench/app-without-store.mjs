/**
 * The no-store baseline of the storage figures: chip-advice itself (dist/, as `npm start` builds
 * it), with the same config, logger and listeners, but built without a store, so nothing is
 * recorded and duplicate keys stay in memory. The storage figures compare `npm start` with an
 * SQLite file and with PostgreSQL against this, in the same run.
 */
import { createApp } from '../dist/app.js';
import { readConfig } from '../dist/config.js';
import { createLogger } from '../dist/logger.js';

const config = readConfig();
const logger = createLogger({
  level: config.logLevel,
  format: config.logFormat,
  secrets: config.secrets,
});
const app = createApp(config, { logger });
await app.start();
process.once('SIGTERM', () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
