import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { PayloadInvalidError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { AppContext } from '../context.js';
import { unansweredResponse } from '../messages/notices.js';
import { envelopeProblems } from './envelope.js';

export interface Drained {
  /** True when every request in flight finished within the bound. */
  readonly drained: boolean;
  /** Requests still running when the bound passed (0 when drained). */
  readonly inFlight: number;
}

/**
 * What stands between a receiver (HTTP or Socket Mode) and Bolt's event processing. It
 * - refuses a body whose shape Bolt would trip on ({@link envelopeProblems}) by throwing
 *   {@link PayloadInvalidError}, which the receiver's `processEventErrorHandler` turns into a 400
 *   (HTTP) or an ack (Socket Mode, so Slack does not redeliver it);
 * - acknowledges what no listener acknowledged, at once, instead of Bolt's 404 after 3 seconds;
 * - counts the events in flight (an HTTP request is acknowledged long before its listener has
 *   posted the advice), so a shutdown can wait for them; once closing, it takes no new event.
 */
export class AckGate {
  readonly #inFlight = new Set<Promise<void>>();
  readonly #logger: Logger;
  #closing = false;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Takes no new events; resolves when those in flight are done, or after `timeoutMs`. */
  async close(timeoutMs: number): Promise<Drained> {
    this.#closing = true;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, 'timeout');
    });
    const all = Promise.allSettled([...this.#inFlight]).then(() => 'drained' as const);
    const outcome = await Promise.race([all, bound]);
    clearTimeout(timer);
    return {
      drained: outcome === 'drained',
      inFlight: outcome === 'drained' ? 0 : this.#inFlight.size,
    };
  }

  /** Runs `process` (Bolt's own event processing) on `event` behind the gate. */
  async pass(event: ReceiverEvent, process: (event: ReceiverEvent) => Promise<void>) {
    if (this.#closing) {
      // Not acknowledged: Slack delivers it again, to a connection that is not closing.
      this.#logger.info('shutting down; event left for Slack to redeliver');
      return;
    }
    const problems = envelopeProblems(event.body);
    if (problems.length > 0) throw new PayloadInvalidError('request body', problems);
    let acked = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      acked = true;
      await event.ack(response);
    };
    const work = process({ ...event, ack }).then(async () => {
      if (acked) return;
      await ack(unansweredResponse(event.body));
      this.#logger.info({ type: event.body.type }, 'no listener answered; acknowledged');
    });
    this.#inFlight.add(work);
    try {
      await work;
    } finally {
      this.#inFlight.delete(work);
    }
  }
}

/**
 * Bolt's App with the {@link AckGate} in front of `processEvent`, the method through which every
 * receiver hands the app its events (and whose throws it gives its `processEventErrorHandler`).
 * @see https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
export class GatedApp extends App<AppContext> {
  readonly #gate: AckGate;

  constructor(gate: AckGate, options: AppOptions) {
    super(options);
    this.#gate = gate;
    // Bolt keeps a WebClient pool per workspace in a plain object keyed by team or enterprise id
    // (App's private `clients`), so a signed body whose team id is `constructor` or `valueOf`
    // finds an inherited property instead of a pool and Bolt throws (a 500). A map with no
    // prototype makes every id an ordinary key (bad-payloads.test.ts sends such ids).
    Object.assign(this, { clients: Object.create(null) });
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    return this.#gate.pass(event, (passed) => super.processEvent(passed));
  }
}
