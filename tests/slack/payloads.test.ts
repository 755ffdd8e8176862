import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadInvalidError } from '../../src/errors.js';
import { threadOf } from '../../src/slack/delivery/destination.js';
import { MetadataSigner } from '../../src/slack/delivery/signed-metadata.js';
import {
  decodeAnswers,
  decodeWhatIf,
  encodeAnswers,
  encodeWhatIf,
} from '../../src/slack/messages/button-values.js';
import { INFERENCE_ANSWERS } from '../support/flows.js';
import { slackAnswers } from '../support/slack-arbitraries.js';

describe('answers in button values', () => {
  it('round-trip for any valid answers, within 2000 characters', () => {
    fc.assert(
      fc.property(slackAnswers, (answers) => {
        const value = encodeAnswers(answers);
        expect(value.length).toBeLessThanOrEqual(2000);
        expect(decodeAnswers(value)).toEqual(answers);
      }),
    );
  });

  it('are compact: positional values, no field names', () => {
    expect(encodeAnswers(INFERENCE_ANSWERS)).toBe(
      '{"v":1,"a":[null,"inference",50000,["pytorch"],false,"aws-only",true,"cost","commodity"]}',
    );
  });

  it('carry a what-if change, including taking an answer away', () => {
    const value = encodeWhatIf(INFERENCE_ANSWERS, {
      monthlySpendUsd: 10000,
      awsNeuronExperience: undefined,
    });
    expect(decodeWhatIf(value)).toStrictEqual({
      answers: INFERENCE_ANSWERS,
      changes: { monthlySpendUsd: 10000, awsNeuronExperience: undefined },
    });
  });

  it.each([
    ['not JSON', 'not json', 'button value is invalid: is not JSON'],
    ['another version', '{"v":2,"a":[]}', 'button value is invalid: v: Invalid input: expected 1'],
    [
      'answers the schema rejects',
      '{"v":1,"a":[null,"inference",-3]}',
      'button value is invalid: monthlySpendUsd: must be a number of dollars, 0 or more (got the number -3)',
    ],
    [
      'too many values',
      JSON.stringify({ v: 1, a: Array(12).fill(null) }),
      'button value is invalid: a: Too big',
    ],
    [
      'a what-if without changes',
      '{"v":1,"a":[null,"training"],"w":[]}',
      'button value is invalid: w: no change to try',
    ],
  ])('are rejected when they hold %s', (_name, value, message) => {
    const decode = value.includes('"w"') ? decodeWhatIf : decodeAnswers;
    expect(() => decode(value)).toThrow(PayloadInvalidError);
    expect(() => decode(value)).toThrow(message);
  });
});

describe('the destination in private_metadata', () => {
  const signer = MetadataSigner.fromSecrets(['xoxb-payloads', 'payloads-secret']);

  it('round-trips a channel, a thread and a direct message', () => {
    for (const destination of [
      { kind: 'channel', channel: 'C0123', threadTs: '1700000000.000100' },
      { kind: 'channel', channel: 'D0456' },
      { kind: 'dm' },
    ] as const) {
      expect(signer.decode(signer.encode(destination, 'U1'), 'U1')).toEqual(destination);
    }
  });

  it.each([
    ['an unknown kind', { kind: 'email', to: 'x' }, 't.kind'],
    [
      'a channel id with markup',
      { kind: 'channel', channel: '<!channel>' },
      't.channel: must be a Slack conversation id',
    ],
    [
      'a malformed thread ts',
      { kind: 'channel', channel: 'C1', threadTs: 'yesterday' },
      't.threadTs: must be a message ts',
    ],
    ['extra fields', { kind: 'dm', channel: 'C1' }, 't: Unrecognized key'],
  ])('rejects %s, whatever the signature', (_name, t, problem) => {
    const metadata = JSON.stringify({ v: 1, t, s: 'A'.repeat(22) });
    expect(() => signer.decode(metadata, 'U1')).toThrow(PayloadInvalidError);
    expect(() => signer.decode(metadata, 'U1')).toThrow(problem);
  });

  it('puts a reply in the thread of a message, or in the thread it starts', () => {
    expect(threadOf({ ts: '2.0', thread_ts: '1.0' })).toBe('1.0');
    expect(threadOf({ ts: '2.0' })).toBe('2.0');
  });
});
