/**
 * Doing each thing once, however many times Slack delivers it: the keys that identify a thing
 * done, the store they are claimed in, and the middleware that drops repeated deliveries.
 * Listeners claim the keys of what the middleware cannot see (a submission, a "Post again").
 */
export { type DuplicateStores, dropDuplicates } from './drop-duplicates.js';
export { deliveryKey, retryKey, submissionKey } from './keys.js';
export { SharedDuplicates } from './shared.js';
export {
  DEFAULT_DUPLICATES,
  type DuplicateStore,
  MemoryDuplicates,
  type MemoryDuplicatesOptions,
} from './store.js';
