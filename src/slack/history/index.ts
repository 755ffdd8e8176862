/**
 * The decisions the app remembers: a record written for every delivered advice (through the
 * storage's record writer, off the path to anyone's answer), and the way back to them:
 * `/chip-advice history` for a channel, the Home tab for a person's own.
 */
export { DecisionHistory, type DecisionHistoryDeps } from './history.js';
export { type EphemeralReply, HISTORY_LIMIT } from './history-message.js';
export { type Asker, DecisionRecorder, decisionOf, type RecordVersions } from './record.js';
