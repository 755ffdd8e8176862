import autocannon, { type Context, type RequestParams } from 'autocannon';
import { slackSignature } from '../testkit/signed-request.js';
import { SIGNING_SECRET } from './processes.js';

/** One request to /slack/events, before signing. */
export interface Outgoing {
  /** Unique per request: how its ack and its Web API calls are matched to it. */
  readonly id: string;
  readonly body: string;
  readonly contentType: string;
}

/** One request as sent: when it was written and when its HTTP answer was complete. */
export interface Sent {
  readonly id: string;
  /** performance.now() in this process when autocannon wrote the request. */
  readonly sent: number;
  acked?: number;
  status?: number;
  /** The answer's body (empty for a plain ack). */
  body?: string;
}

export interface LoadOptions {
  /** Concurrent keep-alive connections; 1 is sequential (the next request follows the answer). */
  readonly connections: number;
  readonly amount: number;
  /** Builds request number `seq` (0, 1, 2...). */
  readonly next: (seq: number) => Outgoing;
}

/**
 * Sends `amount` POSTs to `origin`/slack/events over `connections` connections with autocannon.
 * Each request is built and signed with a fresh timestamp in autocannon's `setupRequest`, which
 * runs right before the request is written, so it is timestamped there; `onResponse` stamps its
 * answer (one request in flight per connection, so the connection's context names it). Returns
 * a sample per request, in the order they were sent; one with no status got no answer (an error
 * or a timeout, which autocannon also counts in its own totals).
 */
export async function fire(origin: string, { connections, amount, next }: LoadOptions) {
  const samples: Sent[] = [];
  // autocannon reads an amount of 0 as "no amount" and runs for its default duration instead.
  if (amount === 0) return samples;
  const byId = new Map<string, Sent>();
  let seq = 0;
  const setupRequest = (request: RequestParams, context: Context): RequestParams => {
    const outgoing = next(seq);
    seq += 1;
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      ...request.headers,
      'content-type': outgoing.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, outgoing.body),
    };
    context.id = outgoing.id;
    const sample: Sent = { id: outgoing.id, sent: performance.now() };
    samples.push(sample);
    byId.set(outgoing.id, sample);
    return { ...request, method: 'POST', path: '/slack/events', headers, body: outgoing.body };
  };
  const onResponse = (status: number, body: string, context: Context) => {
    const sample = byId.get(String(context.id));
    if (!sample) return;
    sample.acked = performance.now();
    sample.status = status;
    sample.body = body;
  };
  await autocannon({
    url: origin,
    connections,
    amount,
    timeout: 10,
    // The run ends on the first sample after the last answer: sample often, end soon after.
    sampleInt: 20,
    requests: [{ setupRequest, onResponse }],
  });
  return samples;
}

/** Milliseconds from send to ack of every request answered with 200. */
export function ackTimes(samples: readonly Sent[]): number[] {
  return samples.flatMap((sample) =>
    sample.acked !== undefined && sample.status === 200 ? [sample.acked - sample.sent] : [],
  );
}
