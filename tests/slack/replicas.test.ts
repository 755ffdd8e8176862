import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fillForm } from '../../testkit/fill-form.js';
import { FORM, interactionBody, JSON_TYPE } from '../../testkit/signed-request.js';
import { appHomeOpened, eventCallback, viewSubmission } from '../../testkit/slack-payloads.js';
import { POSTGRES_URL, query } from '../storage/support/engines.js';
import { test } from '../support/fixtures.js';
import { chooseWorkload, INFERENCE_ANSWERS, openFromCommand } from '../support/flows.js';

/**
 * Two real app processes (`node dist/main.js`) behind one "load balancer", sharing one
 * database of their own (a PostgreSQL database; an SQLite file, as two `npm start` on one
 * machine): a request Slack retries to the other process is done once, end to end.
 */
const NAME = `t_replicas_${randomBytes(4).toString('hex')}`;
const URL = POSTGRES_URL.replace(/\/test$/, `/${NAME}`);
const FOLDER = mkdtempSync(path.join(tmpdir(), 'chip-advice-replicas-'));
const FILE = path.join(FOLDER, 'shared.db');
/** Two processes and a whole flow each: a guard against a hang, generous for a busy machine. */
const SLOW = { timeout: 60_000 };
const RETRY = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };

beforeAll(async () => {
  await query(`create database ${NAME}`);
});
afterAll(async () => {
  await query(`drop database if exists ${NAME} with (force)`);
  rmSync(FOLDER, { recursive: true, force: true });
});

type Engine = 'PostgreSQL' | 'SQLite';
const ENGINES: Engine[] = ['PostgreSQL', 'SQLite'];

async function countRows(engine: Engine): Promise<number> {
  if (engine === 'PostgreSQL') {
    return Number((await query('select count(*) as n from decisions', [], undefined, URL))[0]?.n);
  }
  const db = new Database(FILE);
  try {
    return Number((db.prepare('select count(*) as n from decisions').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

async function recordCount(engine: Engine, expected: number, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await countRows(engine);
    if (n >= expected || Date.now() > deadline) return n;
    await sleep(50);
  }
}

/** Waits up to 15 s (a guard against a hang) for `text` in a process's output. */
async function logged(child: { output(): string }, text: string): Promise<void> {
  for (let i = 0; i < 300 && !child.output().includes(text); i += 1) await sleep(50);
  expect(child.output()).toContain(text);
}

describe.each(ENGINES)('two app processes on one %s database', (engine) => {
  const ENV = {
    SLACK_BOT_TOKEN: 'xoxb-replicas',
    SLACK_SIGNING_SECRET: 'replicas-signing-secret',
    LOG_LEVEL: 'debug',
    DATABASE_URL: engine === 'PostgreSQL' ? URL : `file:${FILE}`,
    // The shared claim is what is under test: on a busy machine it must not run out of its
    // default 500 ms and fall back to the process's memory (that is tested in storage/faults-*).
    DUPLICATE_CLAIM_TIMEOUT_MS: '2500',
  };

  test(
    'a submission retried to the other process posts one summary and writes one record',
    SLOW,
    async ({ fakeApi: api, startProcess }) => {
      const one = await startProcess(ENV, api);
      const two = await startProcess(ENV, api);
      const view = await chooseWorkload(one, await openFromCommand(one), { workload: 'inference' });
      const body = interactionBody(viewSubmission(view, fillForm(view, INFERENCE_ANSWERS)));
      expect((await one.post(body, FORM)).status).toBe(200);
      await api.waitFor('chat.postMessage', 2, 15_000);
      expect((await two.post(body, FORM, RETRY)).status).toBe(200);
      await logged(two, 'duplicate submission ignored');
      expect(await recordCount(engine, 1)).toBe(1);
      await sleep(300);
      expect(api.callsTo('chat.postMessage')).toHaveLength(2);
      expect(await recordCount(engine, 2, 0)).toBe(1);
    },
  );

  test(
    'an event retried to the other process is handled once',
    SLOW,
    async ({ fakeApi: api, startProcess }) => {
      const one = await startProcess(ENV, api);
      const two = await startProcess(ENV, api);
      const body = JSON.stringify(
        eventCallback({ ...appHomeOpened('home'), event_ts: `${Date.now()}.2` }),
      );
      await one.post(body, JSON_TYPE);
      await api.waitFor('views.publish', 1, 15_000);
      await two.post(body, JSON_TYPE, RETRY);
      await logged(two, 'duplicate delivery ignored');
      expect(api.callsTo('views.publish')).toHaveLength(1);
    },
  );
});
