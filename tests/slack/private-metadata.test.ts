import { beforeEach, describe, expect, it } from 'vitest';
import { PayloadInvalidError } from '../../src/errors.js';
import type { Destination } from '../../src/slack/delivery/destination.js';
import { MetadataSigner } from '../../src/slack/delivery/signed-metadata.js';
import { USER } from '../../testkit/slack-payloads.js';
import { fileTest, type HttpHarness } from '../support/fixtures.js';
import {
  chooseWorkload,
  INFERENCE_ANSWERS,
  nthPosted,
  openFromCommand,
  submit,
} from '../support/flows.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/harness.js';

type Json = Record<string, unknown>;

const signer = MetadataSigner.fromSecrets([BOT_TOKEN, SIGNING_SECRET]);
const ORIGIN: Destination = {
  kind: 'channel',
  channel: 'C0MINE',
  threadTs: '1700000000.000100',
  responseUrl: 'https://hooks.slack.com/commands/T0/1/abc',
};
const { responseUrl: _kept, ...ORIGIN_PLACE } = ORIGIN;

describe('the metadata signer', () => {
  it('reads back what it wrote, for the same person', () => {
    expect(signer.decode(signer.encode(ORIGIN, 'U1'), 'U1')).toEqual(ORIGIN);
    expect(signer.decode(signer.encode({ kind: 'dm' }, 'U1'), 'U1')).toEqual({ kind: 'dm' });
  });

  const written = () => JSON.parse(signer.encode(ORIGIN, 'U1')) as Json & { t: Json };
  it.each([
    ['another channel', () => ({ ...written(), t: { ...written().t, channel: 'C0OTHER' } })],
    ['another thread', () => ({ ...written(), t: { ...written().t, threadTs: '1.2' } })],
    ['no thread', () => ({ ...written(), t: { kind: 'channel', channel: 'C0MINE' } })],
    ['a direct message', () => ({ ...written(), t: { kind: 'dm' } })],
    ['another response_url', () => ({ ...written(), r: 'https://example.com/hook' })],
    ['no signature', () => ({ ...written(), s: undefined })],
  ])('refuses metadata changed to %s', (_name, changed) => {
    expect(() => signer.decode(JSON.stringify(changed()), 'U1')).toThrow(PayloadInvalidError);
  });

  it('refuses metadata written for someone else, or under other secrets', () => {
    expect(() => signer.decode(signer.encode(ORIGIN, 'U2'), 'U1')).toThrow(/signature/);
    const other = MetadataSigner.fromSecrets(['xoxb-other', 'other-secret']);
    expect(() => signer.decode(other.encode(ORIGIN, 'U1'), 'U1')).toThrow(/signature/);
  });

  it('refuses the unsigned target JSON of earlier versions', () => {
    expect(() => signer.decode('{"kind":"channel","channel":"C0MINE"}', 'U1')).toThrow(
      PayloadInvalidError,
    );
  });

  it('leaves out a response_url it could not read back', () => {
    const metadata = signer.encode({ ...ORIGIN, responseUrl: 'javascript:alert(1)' }, 'U1');
    expect(signer.decode(metadata, 'U1')).toEqual(ORIGIN_PLACE);
  });
});

describe('a submission whose private_metadata is not what the app wrote for it', () => {
  let harness: HttpHarness;
  let view: Json;
  fileTest.beforeAll(({ harness: started }) => {
    harness = started;
  });
  beforeEach(async () => {
    harness.api.reset();
    harness.logs.clear();
    const opened = await openFromCommand(harness);
    view = await chooseWorkload(harness, opened, { workload: 'inference' });
  });

  const metadataOf = (of: Json) => JSON.parse(String(of.private_metadata)) as Json & { t: Json };

  it.each([
    [
      'names another channel, keeping the signature',
      (of: Json) =>
        JSON.stringify({ ...metadataOf(of), t: { kind: 'channel', channel: 'C0OTHER' } }),
    ],
    [
      'was signed for someone else’s modal in another channel',
      () => signer.encode({ kind: 'channel', channel: 'C0OTHER' }, 'U0SOMEONE'),
    ],
    ['is the plain JSON of an older version', () => '{"kind":"channel","channel":"C0OTHER"}'],
    ['is not JSON', () => '{oops'],
  ])('is answered by direct message when it %s, never in that channel', async (_name, forge) => {
    await submit(harness, { ...view, private_metadata: forge(view) }, INFERENCE_ANSWERS);
    const summary = await nthPosted(harness, 1);
    const reasoning = await nthPosted(harness, 2);
    expect(summary.call.params.channel).toBe('D0ASKER');
    expect(reasoning.call.params.channel).toBe('D0ASKER');
    const [opened] = harness.api.callsTo('conversations.open');
    expect(opened?.params.users).toBe(USER.id);
    await harness.logs.waitFor('unreadable private_metadata; answering by direct message');
    expect(harness.api.calls.map((call) => call.params.channel)).not.toContain('C0OTHER');
  });

  it('is posted where the modal was opened when it is untouched', async () => {
    await submit(harness, view, INFERENCE_ANSWERS);
    expect((await nthPosted(harness, 1)).call.params.channel).toBe('C0GENERAL');
  });
});
