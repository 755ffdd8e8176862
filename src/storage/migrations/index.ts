import type { Migration } from 'kysely';
import type { Engine } from '../schema.js';
import { decisions } from './0001-decisions.js';
import { deliveryKeys } from './0002-delivery-keys.js';
import { outbox } from './0003-outbox.js';
import { installations } from './0004-installations.js';

/**
 * Every migration, by name; Kysely runs them in name order and records each one it ran. Listed
 * here rather than read from the folder so that `src/` (tests) and `dist/` (npm start) run the
 * same set. Migrations only go forward (to undo one, restore a backup): never rename or edit one
 * that has shipped, add the next number.
 */
export function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001-decisions': decisions(engine),
    '0002-delivery-keys': deliveryKeys,
    '0003-outbox': outbox,
    '0004-installations': installations,
  };
}
