import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { WorkspaceCleanup } from '../../../src/slack/workspaces/cleanup.js';
import type { DatabaseInstallationStore } from '../../../src/slack/workspaces/index.js';
import { LogSink } from '../../support/log-sink.js';

const KEY = { enterpriseId: undefined, teamId: 'T0GONE', isEnterpriseInstall: false };

/** A database that fails the first `failures` deletes of decision records. */
function cleanupFailing(failures: number, delays: readonly number[]) {
  let calls = 0;
  const installations = { remove: async () => 1 } as unknown as DatabaseInstallationStore;
  const decisions = {
    deleteWorkspace: async () => {
      calls += 1;
      if (calls <= failures) throw new Error('database is locked');
      return 3;
    },
    deleteEnterprise: async () => 0,
  };
  const logs = new LogSink();
  return {
    cleanup: new WorkspaceCleanup(installations, decisions, undefined, 'delete', delays),
    logs,
  };
}

describe('the uninstall clean-up when the database fails', () => {
  it('tries again after each wait and reports what it deleted once it succeeds', async () => {
    const { cleanup, logs } = cleanupFailing(2, [1, 1, 1]);
    await cleanup.forget(KEY, 'app_uninstalled', logsLogger(logs));
    expect(logs.entries().map((entry) => entry.msg)).toEqual([
      "app_uninstalled: could not delete the workspace's decision records; will try again",
      "app_uninstalled: could not delete the workspace's decision records; will try again",
      "app_uninstalled: the workspace's tokens are deleted, and its decision records",
    ]);
    expect(logs.entries().at(-1)).toMatchObject({ installationsDeleted: 1, decisionsDeleted: 3 });
  });

  it('gives up after the last wait with an error naming the workspace and what is left', async () => {
    const { cleanup, logs } = cleanupFailing(10, [1, 1]);
    await expect(cleanup.forget(KEY, 'tokens_revoked', logsLogger(logs))).resolves.toBeUndefined();
    const last = logs.entries().at(-1);
    expect(last).toMatchObject({ teamId: 'T0GONE', attempts: 3, level: 50 });
    expect(last?.msg).toBe(
      "tokens_revoked: could not delete the workspace's decision records; they are still in the database",
    );
  });
});

function logsLogger(logs: LogSink) {
  return createLogger({ level: 'debug', format: 'json', secrets: [], destination: logs });
}
